// @vitest-environment jsdom
// A clock profile as people read it: "warn 1 day before" (not "1 days"), in either language.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../i18n.ts';
import { RuleValue } from './RuleValue.tsx';

afterEach(async () => {
  cleanup();
  await setLanguage('zh-CN');
});

describe('RuleValue: a clock profile', () => {
  it('says day or days after the warning as English does', async () => {
    await setLanguage('en');
    const one = render(<RuleValue type="clock-profile" value={{ length: 5, unit: 'working', warnBefore: 1 }} />);
    expect(one.container.textContent).toBe('5 working days (warn 1 day before)');
    cleanup();
    const three = render(<RuleValue type="clock-profile" value={{ length: 1, unit: 'calendar', warnBefore: 3 }} />);
    expect(three.container.textContent).toBe('1 calendar day (warn 3 days before)');
  });

  it('reads the same in Chinese', async () => {
    const v = render(<RuleValue type="clock-profile" value={{ length: 20, unit: 'working', warnBefore: 3 }} />);
    expect(v.container.textContent).toBe('20 个工作日（到期前 3 天提醒）');
  });
});
