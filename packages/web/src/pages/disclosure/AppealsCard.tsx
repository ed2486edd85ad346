import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
} from '@qingshan/core/disclosure-annual';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, DatePicker, Form, Input, Modal, Row, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import {
  type Appeal,
  type AppealBody,
  annualKeys,
  createAppeal,
  type DisclosureDetail,
  disclosureKeys,
  listAppeals,
  updateAppeal,
} from './api.ts';

type Values = Omit<AppealBody, 'filedOn' | 'decidedOn' | 'result'> & {
  filedOn?: Dayjs;
  decidedOn?: Dayjs | null;
  result?: AppealBody['result'] | 'pending';
};
const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * 行政复议、行政诉讼 about this request's answer (table 四 of the annual report counts them): the
 * desk records one when the bureau is notified and its result when decided.
 */
export function AppealsCard({ d, desk }: { d: DisclosureDetail; desk: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({ queryKey: annualKeys.appeals(d.id), queryFn: ({ signal }) => listAppeals(d.id, signal) });
  const [editing, setEditing] = useState<Appeal | 'new' | null>(null);
  // an unanswered request can be challenged only once its answer is overdue
  const canRecord =
    desk && (d.status === 'answered' || (d.dueDate !== null && d.dueDate < dayjs().format('YYYY-MM-DD')));
  if (!canRecord && (q.data?.length ?? 0) === 0) return null;
  return (
    <Card
      title={t('disclosure.appeals')}
      style={{ marginBottom: 16 }}
      extra={
        canRecord ? (
          <Button onClick={() => setEditing('new')} data-testid="appeal-new">
            {t('disclosure.appealNew')}
          </Button>
        ) : null
      }
    >
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<Appeal>
          size="small"
          rowKey="id"
          loading={q.isPending}
          pagination={false}
          dataSource={q.data ?? []}
          locale={{ emptyText: t('disclosure.appealsEmpty') }}
          data-testid="appeals"
          columns={[
            { title: t('disclosure.appealKind'), render: (_, a) => APPEAL_KIND_LABELS[a.kind][coreLang(lang)] },
            { title: t('disclosure.appealFiledOn'), dataIndex: 'filedOn' },
            { title: t('disclosure.appealBody'), render: (_, a) => `${a.body}${a.caseNo ? `（${a.caseNo}）` : ''}` },
            {
              title: t('disclosure.appealResult'),
              render: (_, a) => (
                <Tag color={a.result ? 'green' : 'orange'}>
                  {APPEAL_RESULT_LABELS[a.result ?? 'pending'][coreLang(lang)]}
                  {a.decidedOn ? ` · ${a.decidedOn}` : ''}
                </Tag>
              ),
            },
            ...(desk
              ? [
                  {
                    title: '',
                    key: 'edit',
                    render: (_: unknown, a: Appeal) => (
                      <Button size="small" onClick={() => setEditing(a)}>
                        {t('disclosure.appealRecordResult')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {editing ? <AppealModal requestId={d.id} appeal={editing} onClose={() => setEditing(null)} /> : null}
    </Card>
  );
}

function AppealModal({
  requestId,
  appeal,
  onClose,
}: {
  requestId: string;
  appeal: Appeal | 'new';
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const isNew = appeal === 'new';
  const save = useMutation({
    mutationFn: (v: Values) => {
      const result = v.result && v.result !== 'pending' ? v.result : null;
      const decidedOn = result ? day(v.decidedOn) : null;
      return isNew
        ? createAppeal(requestId, {
            kind: v.kind,
            filedOn: day(v.filedOn)!,
            body: v.body,
            ...(v.caseNo ? { caseNo: v.caseNo } : {}),
            ...(v.note ? { note: v.note } : {}),
            result,
            decidedOn,
          })
        : updateAppeal(appeal.id, {
            result,
            decidedOn,
            caseNo: v.caseNo ?? '',
            note: v.note ?? '',
            version: appeal.version,
          });
    },
    onSuccess: () => {
      message.success(t('disclosure.done'));
      void qc.invalidateQueries({ queryKey: annualKeys.appeals(requestId) });
      void qc.invalidateQueries({ queryKey: disclosureKeys.all });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const result = Form.useWatch('result', form);
  return (
    <Modal
      open
      title={isNew ? t('disclosure.appealNew') : t('disclosure.appealRecordResult')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending, 'data-testid': 'appeal-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => save.mutate(v)}
        initialValues={
          isNew
            ? { kind: 'reconsideration', result: 'pending' }
            : {
                kind: appeal.kind,
                filedOn: dayjs(appeal.filedOn),
                body: appeal.body,
                caseNo: appeal.caseNo ?? undefined,
                note: appeal.note ?? undefined,
                result: appeal.result ?? 'pending',
                decidedOn: appeal.decidedOn ? dayjs(appeal.decidedOn) : null,
              }
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('disclosure.appealKind')} rules={[{ required: true }]}>
              <Select
                disabled={!isNew}
                options={APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k][coreLang(lang)] }))}
                data-testid="appeal-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="filedOn" label={t('disclosure.appealFiledOn')} rules={[{ required: true }]}>
              <DatePicker disabled={!isNew} style={{ width: '100%' }} data-testid="appeal-filed-on" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="body" label={t('disclosure.appealBody')} rules={[{ required: true, max: 100 }]}>
          <Input
            disabled={!isNew}
            maxLength={100}
            placeholder={t('disclosure.appealBodyHint')}
            data-testid="appeal-body"
          />
        </Form.Item>
        <Form.Item name="caseNo" label={t('disclosure.appealCaseNo')} rules={[{ max: 60 }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="result" label={t('disclosure.appealResult')} rules={[{ required: true }]}>
              <Select
                options={[...APPEAL_RESULTS, 'pending' as const].map((k) => ({
                  value: k,
                  label: APPEAL_RESULT_LABELS[k][coreLang(lang)],
                }))}
                data-testid="appeal-result"
              />
            </Form.Item>
          </Col>
          {result && result !== 'pending' ? (
            <Col xs={24} md={12}>
              <Form.Item name="decidedOn" label={t('disclosure.appealDecidedOn')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
        <Form.Item name="note" label={t('disclosure.text')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
