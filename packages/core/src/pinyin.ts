/**
 * Pinyin keys for searching Chinese names with a Latin keyboard ("sljhyhc" or "jinhua" finds
 * 上栗金花烟花厂). pinyin-pro picks readings from word context (行长 → hang zhang, 重庆 → chong qing);
 * rare characters it cannot read are dropped rather than guessed.
 */
import { pinyin } from 'pinyin-pro';

type Syllable = { origin: string; pinyin: string; first: string; isZh: boolean };

function syllables(text: string): Syllable[] {
  // NFKC folds full-width letters and digits (ＡＢＣ１２３), common in pasted company names.
  const normalized = text.normalize('NFKC');
  if (normalized.length === 0) return [];
  return pinyin(normalized, { toneType: 'none', type: 'all', v: true }) as Syllable[];
}

function keepLatin(origin: string): string {
  return origin.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Lower-case initials of Chinese characters; ASCII letters and digits kept (lower-cased); the rest dropped. */
export function pinyinInitials(text: string): string {
  let out = '';
  for (const s of syllables(text)) {
    out += s.isZh ? keepLatin(s.first) : keepLatin(s.origin);
  }
  return out;
}

/** Full pinyin without tones or spaces (ü written v); Latin letters and digits kept. */
export function pinyinFull(text: string): string {
  let out = '';
  for (const s of syllables(text)) {
    out += s.isZh ? keepLatin(s.pinyin) : keepLatin(s.origin);
  }
  return out;
}

/**
 * One string to run substring matches against: initials, a space, full pinyin. The space keeps a
 * query from matching across the seam; callers lower-case the query and test `includes`.
 */
export function searchKey(name: string): string {
  return `${pinyinInitials(name)} ${pinyinFull(name)}`;
}
