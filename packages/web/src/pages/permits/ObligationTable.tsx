import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, Modal, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useLanguage } from '../../i18n.ts';
import { type Obligation, submitObligation } from './api.ts';
import { obligationColor, obligationLabel, periodText } from './labels.ts';

type Row = Obligation & { enterpriseName?: string; permitNumber?: string | null };

/** A permit's duties with their due dates; an open one can be recorded as filed on the platform. */
export function ObligationTable({
  rows,
  canSubmit,
  onChanged,
  showEnterprise,
  testId,
}: {
  rows: Row[];
  canSubmit: boolean;
  onChanged: () => void;
  showEnterprise?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const l = useLanguage() === 'en' ? 'en' : 'zh';
  const showError = useShowError();
  const [target, setTarget] = useState<Row | null>(null);
  const [form] = Form.useForm<{ submittedOn: Dayjs; reference: string; note?: string }>();
  const submit = useMutation({
    mutationFn: (v: { submittedOn: Dayjs; reference: string; note?: string }) =>
      submitObligation(target!.id, {
        submittedOn: v.submittedOn.format('YYYY-MM-DD'),
        reference: v.reference,
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      setTarget(null);
      form.resetFields();
      onChanged();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        locale={{ emptyText: t('permits.noDuties') }}
        columns={[
          ...(showEnterprise ? [{ title: t('svc.common.enterprise'), dataIndex: 'enterpriseName' }] : []),
          { title: t('permits.duty'), render: (_: unknown, o: Row) => obligationLabel(o.kind, l) },
          {
            title: t('permits.period'),
            render: (_: unknown, o: Row) =>
              o.kind === 'change' && o.changeSubject
                ? `${t(`permits.changeSubject.${o.changeSubject}`)} · ${o.periodLabel}`
                : periodText(o, l),
          },
          { title: t('permits.dueDate'), dataIndex: 'dueDate' },
          {
            title: t('permits.status'),
            render: (_: unknown, o: Row) => (
              <Tag color={obligationColor(o)}>
                {o.status === 'open' && o.overdue
                  ? t('permits.dutyStatus.overdue')
                  : t(`permits.dutyStatus.${o.status}`)}
              </Tag>
            ),
          },
          {
            title: t('permits.submitted'),
            render: (_: unknown, o: Row) =>
              o.submittedOn
                ? t('common.parenthetical', { text: o.submittedOn, note: o.reference ?? '' })
                : t('common.none'),
          },
          ...(canSubmit
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, o: Row) =>
                    o.status === 'open' ? (
                      <Button size="small" onClick={() => setTarget(o)} data-testid={`duty-submit-${o.kind}`}>
                        {t('permits.recordSubmission')}
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={!!target}
        title={
          target
            ? t('common.labelled', {
                label: t('permits.recordSubmission'),
                value: `${obligationLabel(target.kind, l)} ${periodText(target, l)}`,
              })
            : ''
        }
        onCancel={() => setTarget(null)}
        onOk={() => form.submit()}
        confirmLoading={submit.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ submittedOn: dayjs() }} onFinish={(v) => submit.mutate(v)}>
          <Form.Item name="submittedOn" label={t('permits.submittedOn')} rules={[{ required: true }]}>
            <DatePicker
              // a report is filed once its period has ended (the server says the same)
              disabledDate={(d) =>
                d.isAfter(dayjs(), 'day') ||
                (!!target?.kind.startsWith('report-') && d.isBefore(dayjs(target.windowStart), 'day'))
              }
            />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('permits.reference')}
            extra={t('permits.referenceHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input maxLength={60} data-testid="duty-reference" />
          </Form.Item>
          <Form.Item name="note" label={t('permits.note')}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
