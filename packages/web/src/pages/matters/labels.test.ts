import {
  DECIDING_AUTHORITIES,
  DECIDING_AUTHORITY_LABELS,
  MATERIAL_FORMS,
  MATTER_CHANNEL_LABELS,
  MATTER_CHANNELS,
} from '@qingshan/core/matters';
import { describe, expect, it } from 'vitest';
import { authorityLabel, channelLabel, channelsLabel, formLabel } from './labels.ts';

describe('matter labels', () => {
  it('stand alone (a tag, a cell, an option) with a capital in English, and as they are in Chinese', () => {
    const en = [
      ...DECIDING_AUTHORITIES.map((a) => authorityLabel(a, 'en')),
      ...MATTER_CHANNELS.map((c) => channelLabel(c, 'en')),
      ...MATERIAL_FORMS.map((f) => formLabel(f, 'en')),
    ];
    for (const l of en) expect(l, l).toMatch(/^[A-Z]/);
    expect(formLabel('original-or-copy', 'en')).toBe('Original or copy');
    expect(authorityLabel('city-bureau', 'en')).toBe('City bureau (tracked here)');
    expect(formLabel('copy', 'zh-CN')).toBe('复印件');
    expect(authorityLabel('bureau', 'zh-CN')).toBe(DECIDING_AUTHORITY_LABELS.bureau.zh);
  });

  it('give a matter’s ways to apply one capital, not one a way', () => {
    expect(channelsLabel(['window', 'online', 'post'], 'en')).toBe('At the window, online, by post');
    expect(channelsLabel(['online', 'window'], 'zh-CN')).toBe(
      `${MATTER_CHANNEL_LABELS.online.zh}、${MATTER_CHANNEL_LABELS.window.zh}`,
    );
  });
});
