import { Button, Flex, Form, type FormInstance, Input } from 'antd';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../api/errors.ts';
import { http } from '../api/http.ts';
import type { BodyOf, ResponseOf } from '../api/types.ts';
import { useMessage } from './feedback.tsx';

const MOBILE = /^1[3-9]\d{9}$/;

export const sendPhoneCode = (phone: string) =>
  http.post<ResponseOf<'/api/public/phone-codes', 'post', 202>>('/api/public/phone-codes', {
    phone,
  } satisfies BodyOf<'/api/public/phone-codes', 'post'>);

/**
 * The one-time code field of the public booking forms: "获取验证码" sends a code to the phone typed
 * in the form's `phone` field, then counts down until another may be asked for. The server decides
 * whether a code is needed (not for staff, nor for an account booking with its own phone), so
 * `required` only says whether the form insists before sending.
 */
export function PhoneCodeField({
  form,
  required,
  forAccount,
  purpose = 'booking',
}: {
  form: FormInstance;
  required: boolean;
  forAccount?: boolean;
  /** what the code guards, which its help text explains: a place booked, or a submission (an objection, a request) */
  purpose?: 'booking' | 'submission';
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const message = useMessage();
  const [wait, setWait] = useState(0);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);

  const send = async () => {
    const phone = String(form.getFieldValue('phone') ?? '').trim();
    if (!MOBILE.test(phone)) {
      form.setFields([{ name: 'phone', errors: [t('phoneCode.phoneFirst')] }]);
      return;
    }
    setSending(true);
    try {
      const r = await sendPhoneCode(phone);
      setWait(r.resendAfterSeconds);
      message.success(t('phoneCode.sent', { phone: `${phone.slice(0, 3)}****${phone.slice(7)}` }));
    } catch (e) {
      showError(e);
    } finally {
      setSending(false);
    }
  };

  const inputId = useId();
  return (
    // the label names the code's input (the outer item has no name of its own to link them by)
    <Form.Item
      label={t('phoneCode.label')}
      htmlFor={inputId}
      required={required}
      extra={
        forAccount
          ? t('phoneCode.accountHelp')
          : purpose === 'booking'
            ? t('phoneCode.help')
            : t('phoneCode.submissionHelp')
      }
    >
      <Flex gap={8}>
        <Form.Item
          name="phoneCode"
          noStyle
          rules={[
            { required, message: t('phoneCode.required') },
            { pattern: /^\d{6}$/, message: t('phoneCode.required') },
          ]}
        >
          <Input
            id={inputId}
            maxLength={6}
            inputMode="numeric"
            autoComplete="one-time-code"
            placeholder={t('phoneCode.placeholder')}
            style={{ maxWidth: 160 }}
            data-testid="phone-code"
          />
        </Form.Item>
        <Button onClick={() => void send()} disabled={wait > 0} loading={sending} data-testid="send-phone-code">
          {wait > 0 ? t('phoneCode.resend', { n: wait }) : t('phoneCode.send')}
        </Button>
      </Flex>
    </Form.Item>
  );
}
