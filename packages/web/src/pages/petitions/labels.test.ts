import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { eventNote } from './labels.ts';

describe('a history note in the reader’s language', () => {
  const en = i18n.getFixedT('en');
  const zh = i18n.getFixedT('zh-CN');

  it('puts the notes the server writes in English on the English face', () => {
    expect(eventNote('经来访登记，2026-12-22 前书面告知是否受理', 'en', en)).toBe(
      'channel: visit; written notice on acceptance due by 2026-12-22',
    );
    expect(eventNote('信访事项处理意见书', 'en', en)).toBe('written reply');
  });

  it('leaves Chinese, and what staff typed, as written', () => {
    expect(eventNote('经来访登记，2026-12-22 前书面告知是否受理', 'zh-CN', zh)).toBe(
      '经来访登记，2026-12-22 前书面告知是否受理',
    );
    expect(eventNote('信访人补充了现场照片', 'en', en)).toBe('信访人补充了现场照片');
  });
});
