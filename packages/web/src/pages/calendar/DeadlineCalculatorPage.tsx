import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, InputNumber, Radio, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/errors.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import type { DayUnit } from '../worklist/api.ts';
import { daysText } from '../worklist/days.ts';
import { addDays, type DayInfo, getDay } from './api.ts';

const KIND_COLOR: Record<DayInfo['kind'], string> = {
  workday: 'green',
  weekend: 'default',
  holiday: 'red',
  'makeup-workday': 'orange',
};

/** 期限计算器: the n-th working (or calendar) day after a date, over the official 调休 calendar. */
export default function DeadlineCalculatorPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dayName = (d: DayInfo) => (lang === 'en' && d.nameEn ? d.nameEn : d.name);
  const calc = useMutation({
    mutationFn: async (v: { from: Dayjs; days: number; unit: DayUnit }) => {
      const r = await addDays(v.from.format('YYYY-MM-DD'), v.days, v.unit);
      const [fromInfo, toInfo] = await Promise.all([getDay(r.from), getDay(r.date)]);
      return { ...r, fromInfo, toInfo };
    },
  });
  const r = calc.data;
  return (
    <PageContainer title={t('calculator.title')}>
      <Flex vertical gap={16} style={{ maxWidth: 720 }}>
        <Alert type="info" showIcon title={t('calculator.hint')} />
        <Card>
          <Form<{ from: Dayjs; days: number; unit: DayUnit }>
            layout="inline"
            initialValues={{ days: 20, unit: 'working' }}
            onFinish={(v) => calc.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="from"
              label={t('calculator.from')}
              rules={[{ required: true, message: t('calculator.fromRequired') }]}
            >
              <DatePicker data-testid="calc-from" />
            </Form.Item>
            <Form.Item name="days" label={t('calculator.days')} rules={[{ required: true }]}>
              <InputNumber min={0} max={3650} precision={0} data-testid="calc-days" />
            </Form.Item>
            <Form.Item name="unit">
              <Radio.Group
                options={[
                  { value: 'working', label: t('clocks.unit.working') },
                  { value: 'calendar', label: t('clocks.unit.calendar') },
                ]}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={calc.isPending} data-testid="calc-submit">
              {t('calculator.compute')}
            </Button>
          </Form>
        </Card>
        {calc.isError ? (
          <Alert type="error" showIcon title={errorMessage(calc.error, t)} data-testid="calc-error" />
        ) : null}
        {r ? (
          <Card>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('calculator.from')}>
                {r.from} <Tag color={KIND_COLOR[r.fromInfo.kind]}>{t(`calculator.kind.${r.fromInfo.kind}`)}</Tag>
                {r.fromInfo.name ? <span>{dayName(r.fromInfo)}</span> : null}
              </Descriptions.Item>
              <Descriptions.Item label={t('calculator.days')}>{daysText(t, r.days, r.unit)}</Descriptions.Item>
              <Descriptions.Item label={t('calculator.result')}>
                <strong data-testid="calc-result">{r.date}</strong>{' '}
                <Tag color={KIND_COLOR[r.toInfo.kind]}>{t(`calculator.kind.${r.toInfo.kind}`)}</Tag>
                {r.toInfo.name ? <span>{dayName(r.toInfo)}</span> : null}
                {r.provisional || r.toInfo.provisional ? (
                  <Tag color="gold" data-testid="calc-provisional" title={t('calculator.provisional')}>
                    {t('clocks.provisional')}
                  </Tag>
                ) : null}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
