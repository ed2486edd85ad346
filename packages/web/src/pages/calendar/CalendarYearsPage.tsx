import { makeupWorkdayNameEn } from '@qingshan/core/calendar';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  addYear,
  type CalendarYear,
  type CalendarYearVersion,
  calendarKeys,
  getYears,
  getYearVersions,
  replaceYear,
} from './api.ts';
import { errorPlace, formatHolidays, formatMakeup, parseHolidays, parseMakeup } from './yearText.ts';

interface YearForm {
  year: number;
  source: string;
  holidays: string;
  makeupWorkdays: string;
  reason: string;
}

/** Versions of one year, oldest first, with reason and the notice each came from. */
function Versions({ year }: { year: number }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['calendar', 'versions', year],
    queryFn: ({ signal }) => getYearVersions(year, signal),
  });
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Table<CalendarYearVersion>
      size="small"
      rowKey="version"
      loading={q.isLoading}
      pagination={false}
      dataSource={q.data?.items ?? []}
      data-testid={`calendar-versions-${year}`}
      columns={[
        {
          title: t('calendarYears.version'),
          dataIndex: 'version',
          width: 110,
          render: (v: number, r) => (
            <Space size={4}>
              v{v}
              {r.current ? <Tag color="green">{t('calendarYears.current')}</Tag> : null}
            </Space>
          ),
        },
        { title: t('calendarYears.source'), key: 'source', render: (_: unknown, r) => r.data.source },
        { title: t('calendarYears.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '—' },
        {
          title: t('calendarYears.origin'),
          dataIndex: 'createdAt',
          width: 170,
          render: (d: string | null) => (d ? formatDateTime(d) : t('calendarYears.shipped')),
        },
      ]}
    />
  );
}

type Editing = { mode: 'add' } | { mode: 'replace'; year: CalendarYear } | { mode: 'enter'; year: CalendarYear };

/**
 * 节假日日历: shipped years (2020–2026), years added or replaced by an admin from the State Council
 * notice (versioned), and the coming years without a notice, shown as provisional (暂定).
 */
export default function CalendarYearsPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [versionsOf, setVersionsOf] = useState<number | null>(null);
  const [form] = Form.useForm<YearForm>();
  const years = useQuery({ queryKey: calendarKeys.years, queryFn: ({ signal }) => getYears(signal) });
  const open = editing !== null;
  const setOpen = (o: boolean) => {
    if (!o) setEditing(null);
  };
  const startEditing = (e: Editing) => setEditing(e);
  // prefill with the year in force (a provisional year: what the law fixes, to be completed from the notice)
  const initialValues: Partial<YearForm> | undefined =
    editing && editing.mode !== 'add'
      ? {
          year: editing.year.year,
          source: editing.mode === 'replace' ? editing.year.source : '',
          holidays: formatHolidays(editing.year.holidays),
          makeupWorkdays: formatMakeup(editing.year.makeupWorkdays),
        }
      : undefined;
  const add = useMutation({
    mutationFn: (v: YearForm) => {
      const calendar = {
        year: v.year,
        source: v.source,
        holidays: parseHolidays(v.holidays),
        makeupWorkdays: parseMakeup(v.makeupWorkdays ?? ''),
      };
      return editing?.mode === 'replace' ? replaceYear(v.year, calendar, v.reason) : addYear(calendar, v.reason);
    },
    onSuccess: (r) => {
      message.success(t('calendarYears.replaced', { version: r.version, n: r.clocksChanged }));
      setEditing(null);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: ['calendar'] });
      void qc.invalidateQueries({ queryKey: ['worklist'] });
      void qc.invalidateQueries({ queryKey: ['clocks'] });
    },
    onError: showError,
  });

  return (
    <PageContainer
      title={t('calendarYears.title')}
      extra={
        <Button type="primary" onClick={() => startEditing({ mode: 'add' })} data-testid="calendar-add-year">
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
                  ...y.holidays.map((h) => ({
                    kind: 'holiday',
                    name: lang === 'en' ? h.nameEn : h.name,
                    dates: joinLabels(h.dates, lang),
                  })),
                  ...y.makeupWorkdays.map((m) => ({
                    kind: 'makeup',
                    name: lang === 'en' ? makeupWorkdayNameEn(m.name) : m.name,
                    dates: m.date,
                  })),
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
            {
              title: t('calendarYears.source'),
              dataIndex: 'source',
              // a provisional year's source is the platform's own words, so it reads in the console's language
              render: (s: string, y) => (y.provisional ? t('calendarYears.provisionalSource') : s),
            },
            {
              title: t('calendarYears.origin'),
              dataIndex: 'shipped',
              width: 200,
              render: (s: boolean, y) =>
                y.provisional ? (
                  <Tooltip title={t('calendarYears.provisionalHint')}>
                    <Tag color="gold" data-testid={`calendar-provisional-${y.year}`}>
                      {t('calendarYears.provisional')}
                    </Tag>
                  </Tooltip>
                ) : (
                  <Space size={4} wrap>
                    {s ? <Tag>{t('calendarYears.shipped')}</Tag> : null}
                    {y.createdAt ? <Tag color="blue">{formatDateTime(y.createdAt)}</Tag> : null}
                  </Space>
                ),
            },
            {
              title: t('calendarYears.version'),
              dataIndex: 'version',
              width: 80,
              render: (v: number, y) => (y.provisional ? '—' : `v${v}`),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 200,
              render: (_: unknown, y) =>
                y.provisional ? (
                  <Button
                    size="small"
                    onClick={() => startEditing({ mode: 'enter', year: y })}
                    data-testid={`calendar-enter-${y.year}`}
                  >
                    {t('calendarYears.enterNotice')}
                  </Button>
                ) : (
                  <Space size={4}>
                    <Button
                      size="small"
                      onClick={() => startEditing({ mode: 'replace', year: y })}
                      data-testid={`calendar-replace-${y.year}`}
                    >
                      {t('calendarYears.replace')}
                    </Button>
                    <Button size="small" type="link" onClick={() => setVersionsOf(y.year)}>
                      {t('calendarYears.versions')}
                    </Button>
                  </Space>
                ),
            },
          ]}
        />
      )}
      <Modal
        open={open}
        width={720}
        title={
          editing?.mode === 'replace'
            ? t('calendarYears.replaceTitle', { year: editing.year.year })
            : t('calendarYears.add')
        }
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={add.isPending}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('calendarYears.formHint')} />
        {editing?.mode === 'replace' ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('calendarYears.replaceHint')} />
        ) : null}
        {add.error instanceof ApiError && add.error.errors.length ? (
          <Alert
            type="error"
            style={{ marginBottom: 12 }}
            data-testid="calendar-year-errors"
            title={add.error.errors
              .map((e) => t('calendarYears.errorItem', { place: errorPlace(e.path, t), message: e.message }))
              .join(t('common.clauseSeparator'))}
          />
        ) : null}
        <Form<YearForm>
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          preserve={false}
          initialValues={initialValues}
        >
          <Form.Item name="year" label={t('calendarYears.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} disabled={editing?.mode === 'replace'} />
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
            <Input placeholder={t('calendarYears.reasonPlaceholder')} data-testid="calendar-reason" />
          </Form.Item>
          <Typography.Text type="secondary">{t('calendarYears.audited')}</Typography.Text>
        </Form>
      </Modal>
      <Modal
        open={versionsOf !== null}
        width={820}
        title={`${versionsOf ?? ''} ${t('calendarYears.versions')}`}
        footer={null}
        onCancel={() => setVersionsOf(null)}
        destroyOnHidden
      >
        {versionsOf !== null ? <Versions year={versionsOf} /> : null}
      </Modal>
    </PageContainer>
  );
}
