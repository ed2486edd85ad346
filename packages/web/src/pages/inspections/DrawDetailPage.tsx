import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { type DrawDetail, getDraw, inspectionKeys, replayDraw, type Target } from './api.ts';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

function TargetsTable({ targets, testId }: { targets: Target[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<Target>
      rowKey="enterpriseId"
      size="small"
      pagination={false}
      data-testid={testId}
      dataSource={targets}
      columns={[
        {
          title: t('inspections.enterprise'),
          dataIndex: 'enterpriseName',
          render: (name: string, r) => (
            <Space size={4} wrap>
              {name}
              {r.offSiteFirst ? <Tag color="green">{t('inspections.offSiteFirst')}</Tag> : null}
            </Space>
          ),
        },
        {
          title: t('inspections.class'),
          dataIndex: 'class',
          render: (c: Target['class']) => t(`inspections.classes.${c}`),
        },
        {
          title: t('inspections.inspectors'),
          dataIndex: 'inspectors',
          render: (xs: Target['inspectors']) => xs.map((x) => x.name).join('、'),
        },
      ]}
    />
  );
}

/** One draw: seed, inputs hash, library versions, the targets (team only until published), replay. */
export default function DrawDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { roles } = useAuth();
  const showError = useShowError();
  const q = useQuery({ queryKey: inspectionKeys.draw(id), queryFn: ({ signal }) => getDraw(id, signal), retry: false });
  const replay = useMutation({ mutationFn: () => replayDraw(id), onError: showError });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const d: DrawDetail = q.data;
  const results = new Map(d.results.map((r) => [r.enterpriseId, r]));
  return (
    <PageContainer
      title={`${t('inspections.detailTitle')} · ${d.planName}`}
      extra={
        canAccess(roles, INSPECTION_PERMISSIONS.replay) ? (
          <Button type="primary" loading={replay.isPending} onClick={() => replay.mutate()} data-testid="draw-replay">
            {t('inspections.replay')}
          </Button>
        ) : null
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {d.status === 'drawn' ? <Alert type="warning" showIcon title={t('inspections.secretNotice')} /> : null}
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('inspections.status')}>
              <Tag color={d.status === 'published' ? 'green' : 'gold'}>{t(`inspections.statuses.${d.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.drawnAt')}>
              {formatDateTime(d.drawnAt)} · {d.drawnByName}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.seed')}>
              <Typography.Text code copyable data-testid="draw-seed">
                {d.seed}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.algorithm')}>{d.algorithm}</Descriptions.Item>
            <Descriptions.Item label={t('inspections.inputsHash')} span={2}>
              <Typography.Text code style={{ wordBreak: 'break-all' }}>
                {d.inputsHash}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.libraries')}>
              {t('inspections.librariesValue', { objects: d.objectsVersion, inspectors: d.inspectorsVersion })}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.pool')}>
              {t('inspections.poolValue', { objects: d.poolSize, inspectors: d.inspectorPoolSize })}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.ratios')}>
              {t('inspections.ratiosValue', {
                a: pct(d.ratios.a),
                b: pct(d.ratios.b),
                c: pct(d.ratios.c),
                special: pct(d.ratios.special),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('inspections.perTarget')}>
              {t('inspections.perTargetValue', {
                count: d.inspectorsPerTarget,
                own: d.avoidOwnTown ? t('inspections.yes') : t('inspections.no'),
              })}
            </Descriptions.Item>
            {d.publishDueOn ? (
              <Descriptions.Item label={t('inspections.publishDueOn')}>{d.publishDueOn}</Descriptions.Item>
            ) : null}
            {d.publishedAt ? (
              <Descriptions.Item label={t('inspections.publishedAt')}>
                {formatDateTime(d.publishedAt)}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
        </Card>
        {replay.data ? (
          <Card title={t('inspections.replay')} data-testid="replay-result">
            <Alert
              type={replay.data.reproduced ? 'success' : 'error'}
              showIcon
              title={replay.data.reproduced ? t('inspections.reproduced') : t('inspections.notReproduced')}
              description={replay.data.inputsHashMatches ? t('inspections.replayHint') : t('inspections.hashMismatch')}
              style={{ marginBottom: 12 }}
            />
            <TargetsTable targets={replay.data.targets} testId="replay-targets" />
          </Card>
        ) : null}
        <Card title={t('inspections.targets')}>
          <TargetsTable targets={d.targets} testId="draw-targets" />
        </Card>
        {d.results.length ? (
          <Card title={t('inspections.results')}>
            <Table
              rowKey="enterpriseId"
              size="small"
              pagination={false}
              dataSource={d.targets.map((x) => ({ ...x, result: results.get(x.enterpriseId) }))}
              columns={[
                { title: t('inspections.enterprise'), dataIndex: 'enterpriseName' },
                { title: t('inspections.inspectedOn'), render: (_, r) => r.result?.inspectedOn ?? '—' },
                {
                  title: t('inspections.outcome'),
                  render: (_, r) => (r.result ? t(`inspections.outcomes.${r.result.outcome}`) : '—'),
                },
                { title: t('inspections.summary'), render: (_, r) => r.result?.summary ?? '—' },
              ]}
            />
          </Card>
        ) : null}
      </Space>
    </PageContainer>
  );
}
