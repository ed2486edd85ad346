// The alarm's cited basis in the reader's language: the server sends it in Chinese only.
import { ALARM_KINDS } from '@qingshan/core/alarms';
import { describe, expect, it } from 'vitest';
import { kindSourceLabel } from './labels.ts';

const CJK = /[\u3400-\u9fff]/;

describe('kindSourceLabel', () => {
  it('cites the rule in English for an English reader, and as sent for a Chinese one', () => {
    for (const k of ALARM_KINDS) {
      expect(kindSourceLabel(k, '依据（服务器）', 'en'), k).not.toMatch(CJK);
      expect(kindSourceLabel(k, '依据（服务器）', 'zh-CN')).toBe('依据（服务器）');
    }
  });
});
