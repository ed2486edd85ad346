import {
  EIA_CATEGORY_LABELS,
  EIA_NOTICE_LABELS,
  EIA_PATH_AUTHORITY,
  EIA_PATH_LABELS,
  EIA_STATE_LABELS,
  EXEMPTION_LIST_LABELS,
  VERIFICATION_RESULT_LABELS,
} from '@qingshan/core/eia';
import { describe, expect, it } from 'vitest';
import { pick, pickHeading } from './labels.ts';

describe('pickHeading', () => {
  it('opens an English heading with a capital, leaves the Chinese label and the in-sentence one alone', () => {
    expect(pickHeading(EIA_NOTICE_LABELS['pre-approval'], 'en')).toBe('Notice before approval');
    expect(pick(EIA_NOTICE_LABELS['pre-approval'], 'en')).toBe('notice before approval');
    expect(pickHeading(EIA_NOTICE_LABELS['pre-approval'], 'zh-CN')).toBe('拟批准公示');
    expect(pickHeading(undefined, 'en')).toBe('');
  });
});

describe('EIA labels that stand alone (tags, table cells, options)', () => {
  it('open with a capital in English for every state, path, category, authority and notice', () => {
    const tables = [
      EIA_STATE_LABELS,
      EIA_PATH_LABELS,
      EIA_CATEGORY_LABELS,
      EIA_PATH_AUTHORITY,
      EIA_NOTICE_LABELS,
      VERIFICATION_RESULT_LABELS,
      EXEMPTION_LIST_LABELS,
    ];
    for (const table of tables)
      for (const label of Object.values(table) as { zh: string; en: string }[]) {
        expect(pickHeading(label, 'en'), label.en).toMatch(/^[A-Z0-9]/);
        expect(pickHeading(label, 'zh-CN')).toBe(label.zh);
      }
    expect(pickHeading(EIA_CATEGORY_LABELS.none, 'en')).toBe('Outside EIA management');
    expect(pickHeading(EIA_STATE_LABELS.publicity, 'en')).toBe('In publicity before approval');
    expect(pickHeading(EIA_PATH_AUTHORITY.commitment, 'en')).toBe('This bureau (authorised by the city bureau)');
  });
});
