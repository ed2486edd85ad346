import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { addYear, type CalendarYear, getYears, machineryKeys } from '../worklist/api.ts';
import { parseHolidays, parseMakeup } from './yearText.ts';

interface YearForm {
  year: number;
  source: string;
  holidays: string;
  makeupWorkdays: string;
  reason: string;
}

/** 节假日日历: shipped years (2020–2026) and years added by an admin from the State Council notice. */
export default function CalendarYearsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<YearForm>();
  const years = useQuery({ queryKey: machineryKeys.years, queryFn: ({ signal }) => getYears(signal) });
  const add = useMutation({
    mutationFn: (v: YearForm) =>
      addYear(
        {
          year: v.year,
          source: v.source,
          holidays: parseHolidays(v.holidays),
          makeupWorkdays: parseMakeup(v.makeupWorkdays ?? ''),
        },
        v.reason,
      ),
    onSuccess: () => {
      message.success(t('common.saved'));
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['calendar'] });
    },
    onError: showError,
  });

  return (
    <PageContainer
      title={t('calendarYears.title')}
      extra={
        <Button type="primary" onClick={() => setOpen(true)} data-testid="calendar-add-year">
          {t('calendarYears.add')}
        </Button>
      }
    >
      {years.isError ? (
        <ErrorState error={years.error} onRetry={() => void years.refetch()} />
      ) : (
        <Table<CalendarYear>
          rowKey="year"
          loading={years.isLoading}
          dataSource={years.data?.items ?? []}
          pagination={false}
          expandable={{
            expandedRowRender: (y) => (
              <Table
                size="small"
                rowKey={(r) => `${r.kind}-${r.name}-${r.dates}`}
                pagination={false}
                dataSource={[
                  ...y.holidays.map((h) => ({ kind: 'holiday', name: h.name, dates: h.dates.join('、') })),
                  ...y.makeupWorkdays.map((m) => ({ kind: 'makeup', name: m.name, dates: m.date })),
                ]}
                columns={[
                  {
                    title: t('calendarYears.kind'),
                    dataIndex: 'kind',
                    width: 110,
                    render: (k: string) => (
                      <Tag color={k === 'holiday' ? 'red' : 'orange'}>
                        {t(`calendarYears.${k as 'holiday' | 'makeup'}`)}
                      </Tag>
                    ),
                  },
                  { title: t('calendarYears.name'), dataIndex: 'name', width: 200 },
                  { title: t('calendarYears.dates'), dataIndex: 'dates' },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('calendarYears.year'), dataIndex: 'year', width: 90 },
            { title: t('calendarYears.source'), dataIndex: 'source' },
            {
              title: t('calendarYears.origin'),
              dataIndex: 'shipped',
              width: 180,
              render: (s: boolean, y) =>
                s ? <Tag>{t('calendarYears.shipped')}</Tag> : <Tag color="blue">{formatDateTime(y.createdAt)}</Tag>,
            },
          ]}
        />
      )}
      <Modal
        open={open}
        width={720}
        title={t('calendarYears.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('calendarYears.formHint')} />
        {add.error instanceof ApiError && add.error.errors.length ? (
          <Alert
            type="error"
            style={{ marginBottom: 12 }}
            data-testid="calendar-year-errors"
            message={add.error.errors.map((e) => `${e.path}: ${e.message}`).join('；')}
          />
        ) : null}
        <Form<YearForm> form={form} layout="vertical" onFinish={(v) => add.mutate(v)} preserve={false}>
          <Form.Item name="year" label={t('calendarYears.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item name="source" label={t('calendarYears.source')} rules={[{ required: true, whitespace: true }]}>
            <Input placeholder={t('calendarYears.sourcePlaceholder')} />
          </Form.Item>
          <Form.Item
            name="holidays"
            label={t('calendarYears.holidaysLabel')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea
              rows={7}
              placeholder={
                '元旦 | New Year’s Day | 2027-01-01 … 2027-01-03\n春节 | Spring Festival | 2027-02-06 … 2027-02-13'
              }
            />
          </Form.Item>
          <Form.Item name="makeupWorkdays" label={t('calendarYears.makeupLabel')}>
            <Input.TextArea rows={4} placeholder={'春节调休上班 | 2027-02-20'} />
          </Form.Item>
          <Form.Item name="reason" label={t('calendarYears.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input />
          </Form.Item>
          <Typography.Text type="secondary">{t('calendarYears.audited')}</Typography.Text>
        </Form>
      </Modal>
    </PageContainer>
  );
}
