// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DatesWhole } from './DateTimeText.tsx';

afterEach(cleanup);

const nowrapSpans = (root: HTMLElement) =>
  [...root.querySelectorAll('span')].filter((s) => s.style.whiteSpace === 'nowrap').map((s) => s.textContent);

describe('DatesWhole', () => {
  it('keeps each date and time on one line and leaves the words around them free', () => {
    const { container } = render(<DatesWhole text="公示至 2026-12-14，核查 2027-01-05 09:30 前" />);
    expect(container.textContent).toBe('公示至 2026-12-14，核查 2027-01-05 09:30 前');
    expect(nowrapSpans(container)).toEqual(['2026-12-14', '2027-01-05 09:30']);
  });

  it('prints text without a date as it is, and nothing for none', () => {
    const { container } = render(<DatesWhole text="长期有效" />);
    expect(container.innerHTML).toBe('长期有效');
    expect(render(<DatesWhole text={null} />).container.innerHTML).toBe('');
  });
});
