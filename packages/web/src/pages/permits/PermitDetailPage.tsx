import { CHANGE_SUBJECTS, PERMIT_VALIDITY_SOURCE, PERMIT_VALIDITY_SOURCE_EN } from '@qingshan/core/permits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Input, Modal, Select, Timeline } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { townName } from '../../domain.ts';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { getPermit, type PermitDetail, patchPermit, permitKeys, recordChange } from './api.ts';
import { obligationLabel, periodText, permitClassLabel, permitStatusLabel } from './labels.ts';
import { ObligationTable } from './ObligationTable.tsx';
import { PermitValidity } from './PermitValidity.tsx';

type Event = { date: string; color: string; text: string; key: string };

/** The permit's history and what lies ahead, oldest first: issue, reminders, filings, due dates, expiry. */
export function permitTimeline(
  p: PermitDetail,
  t: (k: string, o?: Record<string, unknown>) => string,
  l: 'zh' | 'en',
): Event[] {
  const ev: Event[] = [];
  if (p.issuedOn)
    ev.push({
      key: 'issued',
      date: p.issuedOn,
      color: 'green',
      text: t('permits.timeline.issued', { by: p.issuedBy }),
    });
  const byId = new Map(p.obligations.map((o) => [o.id, o]));
  for (const r of p.reminders) {
    const o = byId.get(r.obligationId);
    if (!o) continue;
    ev.push({
      key: `r${r.id}`,
      date: dayjs(r.sentAt).format('YYYY-MM-DD'),
      color: r.stage === 'overdue' ? 'red' : 'orange',
      text: t(`permits.timeline.reminder-${r.stage}`, {
        duty: `${obligationLabel(o.kind, l)} ${periodText(o, l)}`,
        due: o.dueDate,
        count: r.recipients,
      }),
    });
  }
  for (const o of p.obligations) {
    const duty = `${obligationLabel(o.kind, l)} ${periodText(o, l)}`;
    if (o.submittedOn)
      ev.push({
        key: `s${o.id}`,
        date: o.submittedOn,
        color: 'green',
        text: t('permits.timeline.submitted', { duty, ref: o.reference }),
      });
    else if (o.status === 'open')
      ev.push({
        key: `d${o.id}`,
        date: o.dueDate,
        color: o.overdue ? 'red' : 'blue',
        text: t('permits.timeline.due', { duty }),
      });
  }
  if (p.validTo) ev.push({ key: 'expiry', date: p.validTo, color: 'gray', text: t('permits.timeline.expires') });
  return ev.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key));
}

export default function PermitDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({ queryKey: permitKeys.detail(id), queryFn: ({ signal }) => getPermit(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: permitKeys.all });
  const [renewOpen, setRenewOpen] = useState(false);
  const [rForm] = Form.useForm<{ validFrom: Dayjs; validTo: Dayjs; permitNumber?: string; reason: string }>();
  const [cForm] = Form.useForm<{ subject: (typeof CHANGE_SUBJECTS)[number]; changedOn: Dayjs; note?: string }>();
  const renew = useMutation({
    mutationFn: (v: { validFrom: Dayjs; validTo: Dayjs; permitNumber?: string; reason: string }) =>
      patchPermit(id, {
        status: 'valid',
        validFrom: v.validFrom.format('YYYY-MM-DD'),
        validTo: v.validTo.format('YYYY-MM-DD'),
        ...(v.permitNumber?.trim() ? { permitNumber: v.permitNumber.trim() } : {}),
        reason: v.reason,
        version: q.data!.version,
      }),
    onSuccess: () => {
      setRenewOpen(false);
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(rForm, e);
      else showError(e);
    },
  });
  const change = useMutation({
    mutationFn: (v: { subject: (typeof CHANGE_SUBJECTS)[number]; changedOn: Dayjs; note?: string }) =>
      recordChange(id, {
        subject: v.subject,
        changedOn: v.changedOn.format('YYYY-MM-DD'),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: () => {
      cForm.resetFields();
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(cForm, e);
      else showError(e);
    },
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const overdue = p.obligations.filter((o) => o.status === 'open' && o.overdue);
  return (
    <PageContainer
      title={`${p.enterpriseName} · ${t('permits.detailTitle')}`}
      extra={
        canWrite ? (
          <Button onClick={() => setRenewOpen(true)} data-testid="permit-renew">
            {t('permits.renewOrCorrect')}
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={16}>
        {overdue.length ? (
          <Alert
            type="error"
            showIcon
            data-testid="permit-overdue"
            title={t('permits.overdueAlert', {
              list: joinLabels(
                overdue.map((o) =>
                  t('common.parenthetical', {
                    text: obligationLabel(o.kind, l),
                    note: t('permits.dueOn', { date: o.dueDate }),
                  }),
                ),
                lang,
              ),
            })}
          />
        ) : null}
        <Card size="small">
          <Descriptions
            size="small"
            // three columns from 992 px: at 768 px, beside the menu, the third column's long labels
            // left its dates a character wide ("20/26/-1/1-/23")
            column={{ xs: 1, sm: 2, lg: 3 }}
            items={[
              {
                key: 'e',
                label: t('svc.common.enterprise'),
                children: <Link to={`/staff/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link>,
              },
              { key: 't', label: t('enterprise.fields.town'), children: townName(p.townCode, lang) },
              { key: 's', label: t('permits.status'), children: permitStatusLabel(p.status, l) },
              { key: 'c', label: t('permits.class'), children: permitClassLabel(p.permitClass, l) },
              { key: 'n', label: t('permits.number'), children: p.permitNumber ?? t('common.none') },
              { key: 'r', label: t('permits.platformRef'), children: p.platformRef ?? t('common.none') },
              {
                key: 'b',
                label: t('permits.issuedBy'),
                children: p.issuedOn ? t('common.parenthetical', { text: p.issuedBy, note: p.issuedOn }) : p.issuedBy,
              },
              {
                key: 'v',
                label: t('permits.validity'),
                children: <PermitValidity permit={p} />,
              },
              {
                key: 'a',
                label: t('permits.renewalApplyBy'),
                children: p.renewalApplyBy ?? t('common.none'),
              },
              { key: 'o', label: t('permits.officer'), children: p.officerName },
              // 'filled' takes the rest of the line at every width: a fixed span of 2 or 3 ran past
              // the one or two columns of a phone or a tablet (antd's "Sum of column span" warning)
              { key: 'x', label: t('permits.note'), children: p.note ?? t('common.none'), span: 'filled' },
              {
                key: 'cite',
                label: t('permits.citation'),
                children: p.citation ?? t('common.none'),
                span: 'filled',
              },
              {
                key: 'law',
                label: t('permits.validityLaw'),
                children: lang === 'en' ? PERMIT_VALIDITY_SOURCE_EN : PERMIT_VALIDITY_SOURCE,
                span: 'filled',
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('permits.duties')}>
          <ObligationTable rows={p.obligations} canSubmit={canWrite} onChanged={refresh} testId="permit-duties" />
        </Card>
        <Flex gap={16} wrap>
          <Card size="small" title={t('permits.timelineTitle')} style={{ flex: '1 1 420px' }}>
            <Timeline
              data-testid="permit-timeline"
              items={permitTimeline(p, t as never, l).map((e) => ({
                key: e.key,
                color: e.color,
                content: `${e.date}　${e.text}`,
              }))}
            />
          </Card>
          {canWrite && p.status === 'valid' ? (
            <Card size="small" title={t('permits.recordChange')} style={{ flex: '1 1 320px' }}>
              <Form form={cForm} layout="vertical" onFinish={(v) => change.mutate(v)}>
                <Form.Item name="subject" label={t('permits.changeWhat')} rules={[{ required: true }]}>
                  <Select
                    options={CHANGE_SUBJECTS.map((s) => ({ value: s, label: t(`permits.changeSubject.${s}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="changedOn"
                  label={t('permits.changedOn')}
                  rules={[{ required: true }]}
                  extra={t('permits.changeHint')}
                >
                  <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
                </Form.Item>
                <Form.Item name="note" label={t('permits.note')}>
                  <Input maxLength={500} />
                </Form.Item>
                <Button htmlType="submit" loading={change.isPending}>
                  {t('permits.recordChange')}
                </Button>
              </Form>
            </Card>
          ) : null}
        </Flex>
      </Flex>
      <Modal
        open={renewOpen}
        title={t('permits.renewOrCorrect')}
        onCancel={() => setRenewOpen(false)}
        onOk={() => rForm.submit()}
        confirmLoading={renew.isPending}
        destroyOnHidden
      >
        <Form
          form={rForm}
          layout="vertical"
          initialValues={{
            validFrom: p.validTo ? dayjs(p.validTo).add(1, 'day') : undefined,
            validTo: p.validTo ? dayjs(p.validTo).add(5, 'year') : undefined,
          }}
          onFinish={(v) => renew.mutate(v)}
        >
          <Flex gap={12}>
            <Form.Item name="validFrom" label={t('permits.validFrom')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item
              name="validTo"
              label={t('permits.validTo')}
              rules={[{ required: true }]}
              extra={t('permits.validityHint')}
            >
              <DatePicker />
            </Form.Item>
          </Flex>
          <Form.Item name="permitNumber" label={t('permits.number')}>
            <Input maxLength={60} placeholder={p.permitNumber ?? ''} />
          </Form.Item>
          <Form.Item name="reason" label={t('permits.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
