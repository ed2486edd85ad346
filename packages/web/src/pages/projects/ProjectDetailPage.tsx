import {
  CONTACT_CHANNEL_LABELS,
  CONTACT_CHANNELS,
  PROJECT_MILESTONE_LABELS,
  type ProjectMilestone,
} from '@qingshan/core/visits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Descriptions, Flex, Form, Input, Select, Steps, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { townName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { addContact, getProject, patchProject, projectKeys, updateMilestone } from './api.ts';

export default function ProjectDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => getProject(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: projectKeys.all });
  const [mForm] = Form.useForm();
  const [nForm] = Form.useForm();
  const [cForm] = Form.useForm();
  const milestone = useMutation({
    mutationFn: (v: {
      key: ProjectMilestone;
      state: 'pending' | 'in-progress' | 'done';
      date?: Dayjs;
      note?: string;
    }) =>
      updateMilestone(id, v.key, {
        state: v.state,
        date: v.date ? v.date.format('YYYY-MM-DD') : null,
        note: v.note ?? null,
        version: q.data!.version,
      }),
    onSuccess: () => {
      mForm.resetFields();
      refresh();
    },
    onError: showError,
  });
  const next = useMutation({
    mutationFn: (v: { nextAction: string; nextActionDate: Dayjs }) =>
      patchProject(id, {
        nextAction: v.nextAction,
        nextActionDate: v.nextActionDate.format('YYYY-MM-DD'),
        version: q.data!.version,
      }),
    onSuccess: refresh,
    onError: showError,
  });
  const contact = useMutation({
    mutationFn: (v: { date: Dayjs; channel: (typeof CONTACT_CHANNELS)[number]; note: string }) =>
      addContact(id, { date: v.date.format('YYYY-MM-DD'), channel: v.channel, note: v.note }),
    onSuccess: () => {
      cForm.resetFields();
      refresh();
    },
    onError: showError,
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  const current = p.milestones.findIndex((m) => m.state !== 'done');
  return (
    <PageContainer title={p.name}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              {
                key: 'e',
                label: t('svc.common.enterprise'),
                children: <Link to={`/staff/enterprises/${p.enterpriseId}`}>{p.enterpriseName}</Link>,
              },
              { key: 'i', label: t('svc.projects.investment'), children: p.investment.toLocaleString() },
              { key: 't', label: t('enterprise.fields.town'), children: townName(p.townCode, lang) },
              { key: 'o', label: t('svc.projects.officer'), children: p.officerName },
              { key: 's', label: t('svc.common.status'), children: t(`svc.projects.status.${p.status}`) },
              {
                key: 'n',
                label: t('svc.projects.nextAction'),
                children: p.nextAction ? (
                  <>
                    {t('common.parenthetical', { text: p.nextAction, note: p.nextActionDate })}
                    {p.overdue ? <Tag color="red">{t('svc.projects.overdue')}</Tag> : null}
                  </>
                ) : (
                  t('common.none')
                ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('svc.projects.milestones')}>
          <Steps
            current={current < 0 ? p.milestones.length : current}
            items={p.milestones.map((m) => ({
              title: PROJECT_MILESTONE_LABELS[m.key][l],
              content: m.date ?? (m.state === 'in-progress' ? t('svc.projects.inProgress') : ''),
              status: m.state === 'done' ? 'finish' : m.state === 'in-progress' ? 'process' : 'wait',
            }))}
          />
          {canWrite ? (
            <Form
              form={mForm}
              layout="inline"
              style={{ marginTop: 16 }}
              onFinish={(v) => milestone.mutate(v)}
              initialValues={{ state: 'done', date: dayjs() }}
            >
              <Form.Item name="key" rules={[{ required: true }]}>
                <Select
                  style={{ width: 160 }}
                  aria-label={t('svc.projects.milestone')}
                  placeholder={t('svc.projects.milestone')}
                  options={p.milestones.map((m) => ({ value: m.key, label: PROJECT_MILESTONE_LABELS[m.key][l] }))}
                />
              </Form.Item>
              <Form.Item name="state">
                <Select
                  aria-label={t('svc.common.status')}
                  style={{ width: 120 }}
                  options={(['pending', 'in-progress', 'done'] as const).map((s) => ({
                    value: s,
                    label: t(`svc.projects.milestoneState.${s}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="date">
                <DatePicker />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder={t('svc.projects.note')} maxLength={500} />
              </Form.Item>
              <Button htmlType="submit" loading={milestone.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          ) : null}
        </Card>
        {canWrite ? (
          <Card size="small" title={t('svc.projects.setNext')}>
            <Form
              form={nForm}
              layout="inline"
              onFinish={(v) => next.mutate(v)}
              initialValues={{
                nextAction: p.nextAction ?? '',
                nextActionDate: p.nextActionDate ? dayjs(p.nextActionDate) : undefined,
              }}
            >
              <Form.Item name="nextAction" rules={[{ required: true, whitespace: true }]}>
                <Input aria-label={t('svc.projects.nextAction')} style={{ width: 320 }} maxLength={500} />
              </Form.Item>
              <Form.Item name="nextActionDate" rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              <Button htmlType="submit" loading={next.isPending}>
                {t('common.save')}
              </Button>
            </Form>
          </Card>
        ) : null}
        <Card size="small" title={t('svc.projects.contacts')}>
          {canWrite ? (
            <Form
              form={cForm}
              layout="inline"
              style={{ marginBottom: 12 }}
              onFinish={(v) => contact.mutate(v)}
              initialValues={{ date: dayjs(), channel: 'phone' }}
            >
              <Form.Item name="date" rules={[{ required: true }]}>
                <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
              <Form.Item name="channel">
                <Select
                  aria-label={t('svc.projects.channel')}
                  style={{ width: 100 }}
                  options={CONTACT_CHANNELS.map((c) => ({ value: c, label: CONTACT_CHANNEL_LABELS[c][l] }))}
                />
              </Form.Item>
              <Form.Item name="note" rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 320 }} maxLength={2000} placeholder={t('svc.projects.note')} />
              </Form.Item>
              <Button htmlType="submit" loading={contact.isPending}>
                {t('svc.projects.addContact')}
              </Button>
            </Form>
          ) : null}
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.contacts}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('svc.common.date'), dataIndex: 'date', width: 110 },
              {
                title: t('svc.projects.channel'),
                dataIndex: 'channel',
                render: (c: (typeof CONTACT_CHANNELS)[number]) => CONTACT_CHANNEL_LABELS[c]?.[l] ?? c,
              },
              { title: t('svc.projects.note'), dataIndex: 'note' },
              { title: t('svc.projects.by'), dataIndex: 'byName' },
            ]}
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}
