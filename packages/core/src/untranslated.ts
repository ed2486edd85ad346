/**
 * Whether an English text still holds Chinese words. A document number cited as issued
 * (国办发〔2019〕51号) is not a word to translate: the English citations keep it as the document
 * carries it, so it is the one Chinese an English text may hold. The English of every shipped rule,
 * deadline profile, figure and cited source is held to this.
 */
export function untranslated(en: string): boolean {
  return CJK.test(en.replace(DOCUMENT_NUMBER, ''));
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;
const DOCUMENT_NUMBER = /[\u4e00-\u9fff]+〔\d{4}〕\d+号/g;
