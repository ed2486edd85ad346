import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { getPermit, listObligations, listPermits, type Permit, permitKeys, setPlatformRef } from './api.ts';
import { permitClassLabel, permitStatusLabel } from './labels.ts';
import { ObligationTable } from './ObligationTable.tsx';
import { PermitValidity } from './PermitValidity.tsx';

const DUE_QUERY = { status: 'open', page: 1, pageSize: 50 } as const;
const MINE_QUERY = { page: 1, pageSize: 50, sort: 'validTo' } as const;

/** The enterprise's own permits, what they owe and when; it records what it filed on the platform. */
export default function MyPermitsPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const refresh = () => void qc.invalidateQueries({ queryKey: permitKeys.all });
  const permits = useQuery({
    queryKey: permitKeys.list(MINE_QUERY),
    queryFn: ({ signal }) => listPermits(MINE_QUERY, signal),
  });
  const due = useQuery({
    queryKey: permitKeys.obligations(DUE_QUERY),
    queryFn: ({ signal }) => listObligations(DUE_QUERY, signal),
  });
  if (permits.isLoading || due.isLoading) return <PageLoading />;
  if (permits.isError || !permits.data)
    return <ErrorState error={permits.error} onRetry={() => void permits.refetch()} />;
  if (due.isError || !due.data) return <ErrorState error={due.error} onRetry={() => void due.refetch()} />;
  const overdue = due.data.items.filter((o) => o.overdue);
  return (
    <PageContainer title={t('permits.myTitle')}>
      <Flex vertical gap={16}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('permits.myIntro')}
        </Typography.Paragraph>
        {overdue.length ? (
          <Alert
            type="error"
            showIcon
            title={t('permits.myOverdue', { count: overdue.length })}
            data-testid="my-permits-overdue"
          />
        ) : null}
        <Card size="small" title={t('permits.dueDuties')}>
          <ObligationTable rows={due.data.items} canSubmit onChanged={refresh} testId="my-permit-duties" />
        </Card>
        {permits.data.items.length === 0 ? <EmptyState description={t('permits.myEmpty')} /> : null}
        {permits.data.items.map((p) => (
          <PermitCard key={p.id} permit={p} onChanged={refresh} />
        ))}
      </Flex>
    </PageContainer>
  );
}

function PermitCard({ permit: p, onChanged }: { permit: Permit; onChanged: () => void }) {
  const { t } = useTranslation();
  const l = useLanguage() === 'en' ? 'en' : 'zh';
  const showError = useShowError();
  const [form] = Form.useForm<{ platformRef: string }>();
  const detail = useQuery({ queryKey: permitKeys.detail(p.id), queryFn: ({ signal }) => getPermit(p.id, signal) });
  const save = useMutation({
    mutationFn: (v: { platformRef: string }) =>
      setPlatformRef(p.id, { platformRef: v.platformRef.trim() || null, version: p.version }),
    onSuccess: onChanged,
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <Card
      size="small"
      data-testid="my-permit"
      title={`${permitClassLabel(p.permitClass, l)} · ${p.permitNumber ?? t('permits.noNumberYet')}`}
      extra={<Tag>{permitStatusLabel(p.status, l)}</Tag>}
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
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
          // the whole line at every width: a span of 2 ran past a phone's one column
          { key: 'c', label: t('permits.citation'), children: p.citation ?? t('common.none'), span: 'filled' },
          { key: 'o', label: t('permits.officer'), children: p.officerName },
        ]}
      />
      <Form
        form={form}
        layout="inline"
        initialValues={{ platformRef: p.platformRef ?? '' }}
        onFinish={(v) => save.mutate(v)}
        style={{ marginTop: 12, marginBottom: 12 }}
      >
        <Form.Item name="platformRef" label={t('permits.platformRef')}>
          <Input maxLength={60} style={{ width: 220, maxWidth: '100%' }} />
        </Form.Item>
        <Button htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
      {detail.data ? (
        <ObligationTable
          rows={detail.data.obligations.filter((o) => o.status !== 'open')}
          canSubmit={false}
          onChanged={onChanged}
        />
      ) : null}
    </Card>
  );
}
