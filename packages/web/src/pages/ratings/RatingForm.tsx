import {
  isBadRating,
  RATING_INDICATOR_LABELS,
  RATING_INDICATORS,
  RATING_LEVEL_LABELS,
  RATING_SOURCE,
  RATING_SOURCE_EN,
  type RatingInput,
} from '@qingshan/core/ratings';
import { Button, Form, Input, Rate, type RateProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n.ts';

const LEVEL_TEXTS = (lang: string) =>
  [1, 2, 3, 4, 5].map((l) => RATING_LEVEL_LABELS[l as 1 | 2 | 3 | 4 | 5][lang === 'en' ? 'en' : 'zh']);

/**
 * A Rate inside a required Form.Item: the item passes `aria-required` to its control, which antd's
 * Rate puts on its list element, where ARIA does not allow it (screen readers then misreport it).
 * The required mark and the message below the stars say it is required.
 */
function RequiredRate({ 'aria-required': _required, ...props }: RateProps & { 'aria-required'?: unknown }) {
  return <Rate {...props} />;
}

/** 好差评 form: the overall level (非常满意…非常不满意), the GB/T 39734 indicators and a comment. */
export function RatingForm({ onSubmit, submitting }: { onSubmit: (input: RatingInput) => void; submitting: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm();
  const [level, setLevel] = useState(0);
  const texts = LEVEL_TEXTS(lang);
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(v: { level: number; comment?: string } & Record<string, number>) => {
        const indicators = Object.fromEntries(
          RATING_INDICATORS.map((k) => [k, v[k] ?? v.level]),
        ) as RatingInput['indicators'];
        onSubmit({ level: v.level as RatingInput['level'], indicators, ...(v.comment ? { comment: v.comment } : {}) });
      }}
    >
      <Form.Item
        name="level"
        label={t('ratings.overall')}
        rules={[{ required: true, message: t('ratings.levelRequired') }]}
      >
        <RequiredRate tooltips={texts} onChange={setLevel} />
      </Form.Item>
      {level > 0 ? <Typography.Text type="secondary">{texts[level - 1]}</Typography.Text> : null}
      {RATING_INDICATORS.map((k) => (
        <Form.Item key={k} name={k} label={RATING_INDICATOR_LABELS[k][lang === 'en' ? 'en' : 'zh']} initialValue={5}>
          <Rate tooltips={texts} />
        </Form.Item>
      ))}
      <Form.Item
        name="comment"
        label={t('ratings.comment')}
        rules={[{ required: level > 0 && isBadRating(level), message: t('ratings.commentRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={1000} showCount />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('ratings.source', { source: lang === 'en' ? RATING_SOURCE_EN : RATING_SOURCE })}
      </Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={submitting}>
        {t('ratings.submit')}
      </Button>
    </Form>
  );
}

export function levelText(level: number, lang: string): string {
  return RATING_LEVEL_LABELS[level as 1 | 2 | 3 | 4 | 5]?.[lang === 'en' ? 'en' : 'zh'] ?? String(level);
}
