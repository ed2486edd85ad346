import { EIA_NOTICE_LABELS } from '@qingshan/core/eia';
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
