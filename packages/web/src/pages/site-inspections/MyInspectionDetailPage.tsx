import { INSPECTION_OUTCOME_LABELS } from '@qingshan/core/inspection-draws';
import {
  type ChecklistItem,
  type CheckResult,
  GENERAL_CHECKLIST,
  INDUSTRY_CHECKLISTS,
} from '@qingshan/core/site-inspections';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { getMyInspection, inspectionFileUrl, type MyInspectionDetail, siteInspectionKeys } from './api.ts';
import { ORDER_COLORS, orderStatusLabel, resultLabel, severityLabel } from './labels.ts';

/** every checklist item by key: a record keeps keys; the firm reads the item and its legal source */
const ITEMS = new Map<string, ChecklistItem>(
  [GENERAL_CHECKLIST, ...INDUSTRY_CHECKLISTS].flatMap((c) => c.items.map((i) => [i.key, i] as const)),
);
const RESULT_COLORS: Record<CheckResult, string> = { ok: 'green', problem: 'red', 'not-applicable': 'default' };

/** One of the firm's on-site records: what was checked and found, its photos, its signature, the orders. */
export default function MyInspectionDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({
    queryKey: siteInspectionKeys.mineDetail(id),
    queryFn: ({ signal }) => getMyInspection(id, signal),
  });
  const back = <ButtonLink to="/enterprise/inspections">{t('common.back')}</ButtonLink>;
  if (q.isPending) return <PageLoading />;
  if (q.isError)
    return (
      <PageContainer title={t('siteInspections.mineDetail')} extra={back}>
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      </PageContainer>
    );
  const d = q.data;
  const label = (l: { zh: string; en: string }) => (lang === 'en' ? l.en : l.zh);
  return (
    <PageContainer title={`${t('siteInspections.mineDetail')} · ${d.inspectedOn}`} extra={back}>
      <Flex vertical gap={12} style={{ maxWidth: 760 }}>
        <Descriptions column={1} size="small" bordered layout="vertical" data-testid="my-inspection-summary">
          <Descriptions.Item label={t('siteInspections.inspectedOn')}>{d.inspectedOn}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.inspectors')}>{d.inspectorNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.place')}>{d.place || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.outcome')}>
            {d.outcome ? label(INSPECTION_OUTCOME_LABELS[d.outcome]) : '—'}
          </Descriptions.Item>
          {d.summary ? <Descriptions.Item label={t('siteInspections.summary')}>{d.summary}</Descriptions.Item> : null}
          <Descriptions.Item label={t('siteInspections.signature')}>
            <Signature d={d} />
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('siteInspections.findings')}>
          {d.findings.length === 0 ? (
            <Typography.Text type="secondary">{t('siteInspections.noFindings')}</Typography.Text>
          ) : (
            <ListLines
              items={d.findings.map((f, i) => ({ ...f, n: i + 1 }))}
              // a finding has no id of its own: its place in the record is its number
              rowKey="n"
              renderItem={(f) => (
                <Flex vertical gap={4} data-testid="my-inspection-finding">
                  <Typography.Text strong>
                    {f.n}. {f.description}
                  </Typography.Text>
                  <Typography.Text type="secondary">{severityLabel(f.severity, lang)}</Typography.Text>
                  {f.requirement ? (
                    <Typography.Text>
                      {t('common.labelled', { label: t('siteInspections.requirementShort'), value: f.requirement })}
                    </Typography.Text>
                  ) : null}
                  {f.order ? (
                    <Flex gap={8} wrap align="center">
                      <Tag color={ORDER_COLORS[f.order.status]}>{orderStatusLabel(f.order.status, lang)}</Tag>
                      {f.order.dueDate ? (
                        <Typography.Text>
                          {t('common.labelled', {
                            label: t('siteInspections.dueDate'),
                            value: f.order.provisional
                              ? t('common.parenthetical', {
                                  text: f.order.dueDate,
                                  note: t('siteInspections.provisional'),
                                })
                              : f.order.dueDate,
                          })}
                        </Typography.Text>
                      ) : null}
                      <Link to={`/enterprise/rectifications/${f.order.id}`}>{t('siteInspections.viewOrder')}</Link>
                    </Flex>
                  ) : (
                    <Typography.Text type="secondary">{t('siteInspections.noOrder')}</Typography.Text>
                  )}
                </Flex>
              )}
            />
          )}
        </Card>
        <Card size="small" title={t('siteInspections.photos')}>
          {d.photos.length ? (
            <Image.PreviewGroup>
              <Flex gap={8} wrap data-testid="my-inspection-photos">
                {d.photos.map((f) => (
                  <Image
                    key={f.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    src={inspectionFileUrl(d.id, f.id)}
                    alt={f.fileName}
                  />
                ))}
              </Flex>
            </Image.PreviewGroup>
          ) : (
            <Typography.Text type="secondary">{t('siteInspections.noPhotos')}</Typography.Text>
          )}
        </Card>
        {d.checklist.length ? (
          <Card size="small" title={t('siteInspections.checklistResults')}>
            <ListLines
              items={d.checklist}
              rowKey="key"
              renderItem={(c) => {
                const item = ITEMS.get(c.key);
                return (
                  <Flex vertical>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text>{item ? label(item.label) : c.key}</Typography.Text>
                      <Tag color={RESULT_COLORS[c.result as CheckResult] ?? 'default'}>
                        {resultLabel(c.result as CheckResult, lang)}
                      </Tag>
                    </Flex>
                    {c.note ? <Typography.Text>{c.note}</Typography.Text> : null}
                    {item ? (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('common.labelled', {
                          label: t('siteInspections.source'),
                          value: lang === 'en' ? item.sourceEn : item.source,
                        })}
                      </Typography.Text>
                    ) : null}
                  </Flex>
                );
              }}
            />
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}

function Signature({ d }: { d: MyInspectionDetail }) {
  const { t } = useTranslation();
  if (d.signature === 'refused')
    return (
      <Flex vertical>
        <span>
          <Tag>{t('siteInspections.refused')}</Tag>
          {d.refusalReason}
        </span>
        <Typography.Text type="secondary">
          {t('common.labelled', { label: t('siteInspections.witness'), value: d.witness })}
        </Typography.Text>
        {d.completedAt ? <Typography.Text type="secondary">{formatDateTime(d.completedAt)}</Typography.Text> : null}
      </Flex>
    );
  return (
    <Flex vertical gap={4}>
      <span>{t('siteInspections.signedByName', { name: d.signerName })}</span>
      {d.signatureFile ? (
        <Image
          src={inspectionFileUrl(d.id, d.signatureFile.id)}
          alt={t('siteInspections.sign')}
          style={{ maxWidth: 240, width: '100%', background: '#fff', border: '1px solid #f0f0f0' }}
        />
      ) : null}
      {d.completedAt ? <Typography.Text type="secondary">{formatDateTime(d.completedAt)}</Typography.Text> : null}
    </Flex>
  );
}
