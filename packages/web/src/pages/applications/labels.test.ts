import {
  ACCEPTANCE_KINDS,
  APPLICATION_CHANNELS,
  APPLICATION_STATE_LABELS,
  APPLICATION_STATES,
} from '@qingshan/core/applications';
import { describe, expect, it } from 'vitest';
import { acceptanceLabel, channelLabel, stateLabel } from './labels.ts';

describe('application labels', () => {
  it('stand alone in sentence case in English, and as they are in Chinese', () => {
    const en = [
      ...APPLICATION_STATES.map((s) => stateLabel(s, 'en')),
      ...APPLICATION_CHANNELS.map((c) => channelLabel(c, 'en')),
      ...ACCEPTANCE_KINDS.map((k) => acceptanceLabel(k, 'en')),
    ];
    for (const l of en) expect(l, l).toMatch(/^[A-Z]/);
    expect(stateLabel('accepted', 'en')).toBe('Accepted, under review');
    expect(channelLabel('window', 'en')).toBe('At the window');
    // only the first letter: the rest of the label keeps core's words
    expect(stateLabel('expert-review', 'en')).toBe('Expert review (clock paused)');
    expect(stateLabel('refused', 'zh-CN')).toBe(APPLICATION_STATE_LABELS.refused.zh);
  });
});
