import { todayInShanghai } from '@qingshan/core/calendar';
import { INSPECTION_OUTCOMES } from '@qingshan/core/inspection-draws';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DatesWhole } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { formatDate, formatDateTime } from '../../utils/datetime.ts';
import { daysText } from '../worklist/days.ts';
import {
  type DrawDetail,
  getDraw,
  inspectionKeys,
  publishResults,
  type ResultsBody,
  replayDraw,
  type Target,
} from './api.ts';
import { pct } from './labels.ts';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

function TargetsTable({ targets, testId }: { targets: Target[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <RecordTable<Target>
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

const PUBLICATION_COLOR: Record<string, string> = {
  running: 'green',
  'due-soon': 'orange',
  overdue: 'red',
  met: 'green',
  missed: 'red',
};

/**
 * The publication clock: none until an inspection of the draw is recorded, then its due date with
 * "还剩/已超期 n 个工作日" until the results go public, and on time or late after.
 */
function PublicationDue({ draw }: { draw: DrawDetail }) {
  const { t } = useTranslation();
  const p = draw.publication;
  if (!p || !draw.publishDueOn)
    return <Typography.Text type="secondary">{t('inspections.publicationNotStarted')}</Typography.Text>;
  const open = p.state !== 'met' && p.state !== 'missed';
  return (
    <Space size={4} wrap data-testid="draw-publication">
      <span>{draw.publishDueOn}</span>
      {p.provisional ? <Tag color="gold">{t('clocks.provisional')}</Tag> : null}
      <Tag color={PUBLICATION_COLOR[p.state] ?? 'default'}>{t(`inspections.publication.${p.state}`)}</Tag>
      {open ? (
        <Typography.Text type={p.remaining < 0 ? 'danger' : undefined}>
          {p.remaining < 0
            ? t('inspections.publicationLate', { days: daysText(t, -p.remaining, 'working') })
            : t('inspections.publicationLeft', { days: daysText(t, p.remaining, 'working') })}
        </Typography.Text>
      ) : null}
    </Space>
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
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
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
            <Descriptions.Item label={t('inspections.inputsHash')} span="filled">
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
            <Descriptions.Item label={t('inspections.publishDueOn')}>
              <PublicationDue draw={d} />
            </Descriptions.Item>
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
            <Row gutter={16}>
              <Col xs={24} lg={12}>
                <SectionTitle>{t('inspections.recordedTargets')}</SectionTitle>
                <TargetsTable targets={d.targets} testId="recorded-targets" />
              </Col>
              <Col xs={24} lg={12}>
                <SectionTitle>{t('inspections.replayedTargets')}</SectionTitle>
                <TargetsTable targets={replay.data.targets} testId="replay-targets" />
              </Col>
            </Row>
          </Card>
        ) : (
          <Card title={t('inspections.targets')}>
            <TargetsTable targets={d.targets} testId="draw-targets" />
          </Card>
        )}
        {d.status === 'drawn' && canAccess(roles, INSPECTION_PERMISSIONS.recordResults) ? (
          <ResultsForm draw={d} />
        ) : null}
        {d.results.length ? (
          <Card
            title={t('inspections.results')}
            extra={
              d.publication?.state === 'met' ? (
                <Tag color="green">{t('inspections.onTime')}</Tag>
              ) : d.publication?.state === 'missed' ? (
                <Tag color="red">{t('inspections.late')}</Tag>
              ) : null
            }
          >
            <RecordTable
              rowKey="enterpriseId"
              size="small"
              pagination={false}
              dataSource={d.targets.map((x) => ({ ...x, result: results.get(x.enterpriseId) }))}
              columns={[
                { title: t('inspections.enterprise'), dataIndex: 'enterpriseName' },
                {
                  title: t('inspections.inspectedOn'),
                  render: (_, r) => <DatesWhole text={r.result?.inspectedOn ?? '—'} />,
                },
                {
                  title: t('inspections.outcome'),
                  render: (_, r) => (r.result ? t(`inspections.outcomes.${r.result.outcome}`) : '—'),
                },
                { title: t('inspections.summary'), render: (_, r) => r.result?.summary ?? '—' },
                {
                  title: t('inspections.publishedOn'),
                  render: () => <DatesWhole text={d.publishedAt ? formatDate(d.publishedAt) : '—'} />,
                },
              ]}
            />
          </Card>
        ) : null}
      </Space>
    </PageContainer>
  );
}

type ResultRow = { enterpriseId: string; inspectedOn?: Dayjs; outcome?: string; summary?: string };

/**
 * 录入检查结果: one row per drawn firm (date, outcome, what was found); saving publishes them all,
 * and the rule's working days from the last inspection set the publication's due day.
 */
function ResultsForm({ draw }: { draw: DrawDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ results: ResultRow[] }>();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const save = useMutation({
    mutationFn: (body: ResultsBody) => publishResults(draw.id, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      message.success(t('inspections.publishedOk'));
    },
    onError: (err) => (err instanceof ApiError && err.errors.length ? applyFieldErrors(form, err) : showError(err)),
  });
  const today = todayInShanghai();
  return (
    <Card title={t('inspections.enterResults')} data-testid="results-form">
      <Typography.Paragraph type="secondary">{t('inspections.enterResultsHint')}</Typography.Paragraph>
      <Form<{ results: ResultRow[] }>
        form={form}
        initialValues={{ results: draw.targets.map((x) => ({ enterpriseId: x.enterpriseId, outcome: 'no-problem' })) }}
        onFinish={(v) =>
          save.mutate({
            results: v.results.map((r) => ({
              enterpriseId: r.enterpriseId,
              inspectedOn: r.inspectedOn!.format('YYYY-MM-DD'),
              outcome: r.outcome as ResultsBody['results'][number]['outcome'],
              summary: r.summary!,
            })),
          })
        }
      >
        <Form.List name="results">
          {(fields) =>
            fields.map((f, i) => (
              <Space key={f.key} align="start" wrap style={{ display: 'flex' }}>
                <Typography.Text strong style={{ display: 'inline-block', width: 220, paddingTop: 5 }}>
                  {draw.targets[i]?.enterpriseName}
                </Typography.Text>
                <Form.Item
                  name={[f.name, 'inspectedOn']}
                  rules={[{ required: true, message: t('inspections.required') }]}
                >
                  <DatePicker
                    placeholder={t('inspections.inspectedOn')}
                    disabledDate={(day) => day.isAfter(dayjs(today), 'day')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'outcome']} rules={[{ required: true, message: t('inspections.required') }]}>
                  <Select
                    aria-label={t('inspections.outcome')}
                    style={{ width: 200 }}
                    options={INSPECTION_OUTCOMES.map((o) => ({ value: o, label: t(`inspections.outcomes.${o}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'summary']}
                  rules={[{ required: true, whitespace: true, message: t('inspections.required') }]}
                >
                  <Input placeholder={t('inspections.summary')} maxLength={500} style={{ width: 320 }} />
                </Form.Item>
              </Space>
            ))
          }
        </Form.List>
        {/* publication is public and final: asked once more before the form is submitted */}
        <Popconfirm title={t('inspections.publishConfirm')} onConfirm={() => form.submit()}>
          <Button type="primary" loading={save.isPending} data-testid="results-publish">
            {t('inspections.publish')}
          </Button>
        </Popconfirm>
      </Form>
    </Card>
  );
}
