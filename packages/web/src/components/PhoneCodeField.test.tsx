// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { Form } from 'antd';
import i18n from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import '../i18n.ts';
import { stubMatchMedia } from '../test-support/jsdom.ts';
import { FeedbackProvider } from './feedback.tsx';
import { PhoneCodeField } from './PhoneCodeField.tsx';

afterEach(cleanup);
beforeAll(async () => {
  stubMatchMedia();
  await i18n.changeLanguage('zh-CN');
});

function InForm(props: { forAccount?: boolean; purpose?: 'booking' | 'submission' }) {
  const [form] = Form.useForm();
  return (
    <FeedbackProvider>
      <Form form={form}>
        <PhoneCodeField form={form} required {...props} />
      </Form>
    </FeedbackProvider>
  );
}

describe('the phone code field', () => {
  it('explains the code by what it guards: a booking, or an objection or request being submitted', () => {
    render(<InForm />);
    expect(screen.getByText(/网上预约须验证手机号/)).toBeTruthy();
    cleanup();
    render(<InForm purpose="submission" />);
    expect(screen.getByText(/提交前须验证手机号/)).toBeTruthy();
    expect(screen.queryByText(/预约/)).toBeNull();
    cleanup();
    render(<InForm purpose="submission" forAccount />);
    expect(screen.getByText('使用账号登记的手机号时无需验证码。')).toBeTruthy();
  });

  it('names its input by its label', () => {
    render(<InForm />);
    expect(screen.getByLabelText('手机验证码').tagName).toBe('INPUT');
  });
});
