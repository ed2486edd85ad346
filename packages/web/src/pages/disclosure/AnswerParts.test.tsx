// @vitest-environment jsdom
// A request's history reads in the reader's language: each step's note in English where the server
// kept one beside the Chinese, the Chinese where it did not (steps recorded before it kept both).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18n from '../../i18n.ts';
import { stubBrowser } from '../../test-support/app.tsx';
import { EventTimeline } from './AnswerParts.tsx';

const EVENTS = [
  {
    at: '2026-12-01T02:00:00.000Z',
    action: 'register',
    note: '已收到申请，依《政府信息公开条例》第三十三条，应于 2026-12-29 前答复',
    noteEn:
      'Request received; under Art. 33 of the Regulations on the Disclosure of Government Information, the answer is due by 2026-12-29',
    actorName: '',
  },
  { at: '2026-12-02T02:00:00.000Z', action: 'consult', note: '征求第三方意见（某公司）', noteEn: null, actorName: '' },
];

afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('zh-CN');
});

describe('EventTimeline', () => {
  it('shows each note in Chinese by default', async () => {
    stubBrowser();
    await i18n.changeLanguage('zh-CN');
    render(<EventTimeline events={EVENTS} showActor={false} />);
    expect(screen.getByText(/已收到申请/)).toBeTruthy();
    expect(screen.queryByText(/Request received/)).toBeNull();
  });

  it('shows the English note in English, and the Chinese where no English was kept', async () => {
    stubBrowser();
    await i18n.changeLanguage('en');
    render(<EventTimeline events={EVENTS} showActor={false} />);
    expect(screen.getByText(/^Request received; under Art\. 33/)).toBeTruthy();
    expect(screen.queryByText(/已收到申请/)).toBeNull();
    expect(screen.getByText('征求第三方意见（某公司）')).toBeTruthy();
    // a phone broke the due date after its first hyphen
    expect(screen.getByText('2026-12-29').style.whiteSpace).toBe('nowrap');
  });
});
