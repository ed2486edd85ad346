import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Input, Popover, Select, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess, isStaff, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { joinLabels, useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { followUpDone, getVisit, uploadAttachment, type VisitDetail, visitKeys } from './api.ts';
import { purposeLabel } from './labels.ts';

function DoneButton({ id, onDone }: { id: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const showError = useShowError();
  const m = useMutation({ mutationFn: () => followUpDone(id, note), onSuccess: onDone, onError: showError });
  return (
    <Popover
      trigger="click"
      content={
        <Flex gap={8}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('svc.visits.doneNote')} />
          <Button type="primary" disabled={!note.trim()} loading={m.isPending} onClick={() => m.mutate()}>
            {t('common.confirm')}
          </Button>
        </Flex>
      }
    >
      <Button size="small">{t('svc.visits.markDone')}</Button>
    </Popover>
  );
}

export default function VisitDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({ queryKey: visitKeys.detail(id), queryFn: ({ signal }) => getVisit(id, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: visitKeys.all });
  const staff = isStaff(roles);
  // where the next upload belongs: the whole visit, one enterprise's part, or internal only
  const [part, setPart] = useState<string | undefined>(undefined);
  const upload = useMutation({
    mutationFn: (f: File) => uploadAttachment(id, f, part),
    onSuccess: refresh,
    onError: showError,
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const v = q.data;
  return (
    <PageContainer title={`${t('svc.visits.detail')} ${v.date}`}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 's',
                label: t('svc.visits.staff'),
                children: v.staff.map((s) => (
                  <Tag key={s.name} color={s.leader ? 'gold' : undefined}>
                    {s.name}
                  </Tag>
                )),
              },
              {
                key: 'p',
                label: t('svc.visits.purposes'),
                children: joinLabels(
                  v.purposes.map((p) => purposeLabel(p, lang)),
                  lang,
                ),
              },
              { key: 'c', label: t('svc.visits.campaign'), children: v.campaignTheme ?? t('common.none') },
              {
                key: 'm',
                label: staff ? t('svc.visits.summary') : t('svc.visits.findings'),
                children: v.summary ?? t('svc.visits.noOwnPart'),
              },
              ...(v.internalNote
                ? [
                    {
                      key: 'i',
                      label: (
                        <Flex gap={4} align="center">
                          {t('svc.visits.internalNote')}
                          <Tag color="red">{t('svc.visits.internal')}</Tag>
                        </Flex>
                      ),
                      children: <span data-testid="visit-internal-note">{v.internalNote}</span>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        {staff && v.enterprises.length > 1 ? <Alert type="info" showIcon title={t('svc.visits.jointHint')} /> : null}
        <Card size="small" title={`${t('svc.visits.enterprises')} (${v.enterprises.length})`}>
          <Table
            size="small"
            rowKey="enterpriseId"
            pagination={false}
            dataSource={v.enterprises}
            columns={[
              {
                title: t('svc.common.enterprise'),
                dataIndex: 'name',
                render: (n: string, e) => <Link to={`/staff/enterprises/${e.enterpriseId}`}>{n}</Link>,
              },
              {
                title: t('svc.visits.findings'),
                dataIndex: 'findings',
                render: (s: string | null) => s ?? t('common.none'),
              },
              {
                title: t('svc.visits.solved'),
                dataIndex: 'solved',
                render: (s: string | null) => s ?? t('common.none'),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('svc.visits.followUps')}>
          <Table<VisitDetail['followUps'][number]>
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={v.followUps}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              {
                title: t('svc.visits.followUpAction'),
                dataIndex: 'action',
                render: (a: string, f) => (
                  <>
                    {a} {f.internal ? <Tag color="red">{t('svc.visits.internal')}</Tag> : null}
                  </>
                ),
              },
              {
                title: t('svc.common.enterprise'),
                dataIndex: 'enterpriseName',
                render: (n: string | null) => n ?? t('common.none'),
              },
              { title: t('svc.reception.dueDate'), dataIndex: 'dueDate' },
              {
                title: t('svc.common.status'),
                render: (_, f) =>
                  f.doneAt ? (
                    `${formatDateTime(f.doneAt)} ${f.doneNote ?? ''}`
                  ) : canWrite ? (
                    <DoneButton id={f.id} onDone={refresh} />
                  ) : (
                    t('svc.visits.pending')
                  ),
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={t('svc.visits.attachments')}
          extra={
            canWrite ? (
              <Flex gap={8}>
                <Select
                  size="small"
                  style={{ minWidth: 180 }}
                  aria-label={t('svc.visits.part')}
                  value={part ?? ''}
                  onChange={(p) => setPart(p || undefined)}
                  data-testid="attachment-part"
                  options={[
                    { value: '', label: t('svc.visits.partWhole') },
                    ...v.enterprises.map((e) => ({ value: e.enterpriseId, label: e.name })),
                    { value: 'internal', label: t('svc.visits.partInternal') },
                  ]}
                />
                <Upload
                  showUploadList={false}
                  accept="image/jpeg,image/png,image/webp,application/pdf"
                  beforeUpload={(file) => {
                    upload.mutate(file);
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                    {t('svc.visits.upload')}
                  </Button>
                </Upload>
              </Flex>
            ) : null
          }
        >
          {v.attachments.length === 0 ? (
            <EmptyState />
          ) : (
            <Flex vertical gap={4}>
              {v.attachments.map((a) => (
                <Flex key={a.id} gap={8} align="center">
                  <a href={`/api/visits/${v.id}/attachments/${a.id}`} target="_blank" rel="noreferrer">
                    {t('common.parenthetical', { text: a.fileName, note: `${Math.ceil(a.size / 1024)} KB` })}
                  </a>
                  {staff && a.internal ? <Tag color="red">{t('svc.visits.internal')}</Tag> : null}
                  {staff && a.enterpriseName ? <Tag>{a.enterpriseName}</Tag> : null}
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      </Flex>
    </PageContainer>
  );
}
