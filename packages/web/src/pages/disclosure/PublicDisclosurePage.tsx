import { PUBLIC_PERMIT_SORTS } from '@qingshan/core/disclosure';
import { EIA_NOTICE_LABELS } from '@qingshan/core/eia';
import { INDUSTRIES } from '@qingshan/core/industries';
import { PERMIT_CLASS_LABELS, PERMIT_STATUS_LABELS } from '@qingshan/core/permits';
import { PUBLIC_PENALTY_SORTS } from '@qingshan/core/site-inspections';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Input, Select, Space, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { defineListQuery, PagedTable, textFilter, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { coreLang, industryName, townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { type EiaNotice, eiaKeys, listEiaNotices } from '../eia/api.ts';
import { getPublicResults, inspectionKeys, type PublicResult } from '../inspections/api.ts';
import { getPublicEntries, type PublicEntry, positiveListKeys } from '../positive-list/api.ts';
import { listPublicPenalties, type PublicPenalty, siteInspectionKeys } from '../site-inspections/api.ts';
import { disclosureKeys, listPublicPermits, type PublicPermit } from './api.ts';

const TABS = ['eia', 'permits', 'inspections', 'positive-list', 'penalties'] as const;
type Tab = (typeof TABS)[number];
const LATEST = { page: 1, pageSize: 10 };

const permitQuery = defineListQuery({
  filters: { q: textFilter(50) },
  sorts: PUBLIC_PERMIT_SORTS,
  pageSizes: [20, 50],
});
const penaltyQuery = defineListQuery({
  filters: {
    year: z
      .string()
      .regex(/^20\d{2}$/)
      .optional(),
    town: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
    industry: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
  },
  sorts: PUBLIC_PENALTY_SORTS,
  pageSizes: [20, 50],
});
// the 大类 (2-digit divisions): fine enough to find a firm's trade, short enough for one list
const DIVISIONS = INDUSTRIES.filter((i) => i.level === 'division');

/**
 * 政府信息公开 on the public portal. 主动公开: each list is read from the owning module's public
 * endpoint when the page is opened (nothing is copied here), with its dates; the latest ten are
 * shown and the module's own page has the rest. 依申请公开: the form and the tracking page.
 */
export default function PublicDisclosurePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = TABS.includes(raw as Tab) ? (raw as Tab) : 'eia';
  return (
    <PageContainer title={t('disclosure.publicTitle')}>
      <Alert type="info" showIcon title={t('disclosure.publicIntro')} style={{ marginBottom: 16 }} />
      <Card title={t('disclosure.onRequest')} style={{ marginBottom: 16 }}>
        <Typography.Paragraph>{t('disclosure.onRequestIntro')}</Typography.Paragraph>
        <Space>
          <ButtonLink type="primary" to="/disclosure/apply" data-testid="disclosure-apply">
            {t('disclosure.apply')}
          </ButtonLink>
          <ButtonLink to="/disclosure/track">{t('disclosure.track')}</ButtonLink>
        </Space>
      </Card>
      <Card title={t('disclosure.proactive')}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setParams(k === 'eia' ? {} : { tab: k })}
          items={[
            { key: 'eia', label: t('disclosure.eiaNotices'), children: <EiaList /> },
            { key: 'permits', label: t('disclosure.permitsList'), children: <PermitList /> },
            { key: 'inspections', label: t('disclosure.inspections'), children: <InspectionList /> },
            { key: 'positive-list', label: t('disclosure.positiveList'), children: <PositiveList /> },
            { key: 'penalties', label: t('disclosure.penalties'), children: <PenaltyList /> },
          ]}
        />
      </Card>
    </PageContainer>
  );
}

function Latest<T extends object>({
  intro,
  more,
  q,
  columns,
  rowKey,
}: {
  intro: string;
  more: string;
  q: {
    data?: { items: T[]; total: number } | undefined;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  columns: TableColumnsType<T>;
  rowKey: (r: T) => string;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{intro}</Typography.Text>
        <Link to={more}>
          {q.data
            ? t('common.parenthetical', { text: t('disclosure.viewAll'), note: q.data.total })
            : t('disclosure.viewAll')}
        </Link>
      </Space>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Table<T>
          size="small"
          rowKey={rowKey}
          loading={q.isPending}
          dataSource={q.data?.items ?? []}
          pagination={false}
          columns={columns}
          locale={{ emptyText: t('disclosure.listEmpty') }}
        />
      )}
    </>
  );
}

function EiaList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({ queryKey: eiaKeys.notices(LATEST), queryFn: ({ signal }) => listEiaNotices(LATEST, signal) });
  return (
    <Latest<EiaNotice>
      intro={t('disclosure.eiaNoticesIntro')}
      more="/eia/notices"
      q={q}
      rowKey={(n) => n.id}
      columns={[
        {
          title: t('disclosure.project'),
          dataIndex: 'projectName',
          render: (name: string, n) => <Link to={`/eia/notices/${n.id}`}>{name}</Link>,
        },
        { title: t('disclosure.enterprise'), dataIndex: 'enterpriseName' },
        {
          title: t('disclosure.noticeKind'),
          dataIndex: 'kind',
          render: (k: EiaNotice['kind']) => <Tag>{EIA_NOTICE_LABELS[k][coreLang(lang)]}</Tag>,
        },
        { title: t('disclosure.date'), key: 'date', render: (_: unknown, n) => n.decidedOn ?? n.acceptedOn ?? '—' },
      ]}
    />
  );
}

function InspectionList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({
    queryKey: inspectionKeys.results(LATEST),
    queryFn: ({ signal }) => getPublicResults(LATEST, signal),
  });
  return (
    <Latest<PublicResult>
      intro={t('disclosure.inspectionsIntro')}
      more="/inspection-results"
      q={q}
      rowKey={(r) => `${r.enterpriseName}-${r.planName}-${r.inspectedOn}`}
      columns={[
        { title: t('disclosure.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('disclosure.town'), key: 'town', render: (_: unknown, r) => townName(r.townCode, lang, r.townName) },
        { title: t('disclosure.inspectedOn'), dataIndex: 'inspectedOn' },
        {
          title: t('disclosure.outcome'),
          key: 'outcome',
          render: (_: unknown, r) => t(`inspections.outcomes.${r.outcome}`),
        },
        { title: t('disclosure.date'), dataIndex: 'publishedOn' },
      ]}
    />
  );
}

function PositiveList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const q = useQuery({
    queryKey: positiveListKeys.publicList(LATEST),
    queryFn: ({ signal }) => getPublicEntries(LATEST, signal),
  });
  return (
    <Latest<PublicEntry>
      intro={t('disclosure.positiveListIntro')}
      more="/positive-list"
      q={q}
      rowKey={(r) => `${r.enterpriseName}-${r.decidedOn}`}
      columns={[
        { title: t('disclosure.enterprise'), dataIndex: 'enterpriseName' },
        { title: t('disclosure.town'), key: 'town', render: (_: unknown, r) => townName(r.townCode, lang, r.townName) },
        { title: t('disclosure.decidedOn'), dataIndex: 'decidedOn' },
        { title: t('disclosure.validUntil'), dataIndex: 'validUntil' },
      ]}
    />
  );
}

type Label = { zh: string; en: string };

/** The permits have no public page of their own: this list is it, paged and searchable. */
function PermitList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(permitQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: disclosureKeys.permits(query),
    queryFn: ({ signal }) => listPublicPermits(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text type="secondary">{t('disclosure.permitsIntro')}</Typography.Text>
        <Input.Search
          key={query.q ?? ''}
          defaultValue={query.q}
          allowClear
          placeholder={t('disclosure.searchEnterprise')}
          style={{ width: 240 }}
          onSearch={(q) => list.update({ q: q.trim() || undefined })}
        />
      </Space>
      <PagedTable<PublicPermit, typeof query>
        list={list}
        result={result}
        rowKey={(p) => `${p.enterpriseName}-${p.permitNumber ?? p.issuedOn ?? ''}-${p.permitClass}`}
        columns={[
          { title: t('disclosure.enterprise'), dataIndex: 'enterpriseName', key: 'enterprise', sorter: true },
          {
            title: t('disclosure.town'),
            key: 'town',
            render: (_: unknown, r) => townName(r.townCode, lang, r.townName),
          },
          { title: t('disclosure.permitNumber'), dataIndex: 'permitNumber', render: (n: string | null) => n ?? '—' },
          {
            title: t('disclosure.permitClass'),
            key: 'permitClass',
            render: (_: unknown, p) =>
              (PERMIT_CLASS_LABELS as Record<string, Label>)[p.permitClass]?.[coreLang(lang)] ?? p.permitClassLabel,
          },
          { title: t('disclosure.issuedBy'), dataIndex: 'issuedBy' },
          {
            title: t('disclosure.issuedOn'),
            dataIndex: 'issuedOn',
            key: 'issuedOn',
            sorter: true,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('disclosure.validTo'),
            dataIndex: 'validTo',
            key: 'validTo',
            sorter: true,
            render: (d: string | null) => d ?? '—',
          },
          {
            title: t('disclosure.permitStatus'),
            key: 'status',
            render: (_: unknown, p) => (
              <Tag color={p.status === 'valid' ? 'green' : 'default'}>
                {(PERMIT_STATUS_LABELS as Record<string, Label>)[p.status]?.[coreLang(lang)] ?? p.statusLabel}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}

/**
 * 行政处罚信息公开: the decisions as the owning module publishes them, paged and filtered by year,
 * town and industry. A withdrawn decision keeps its row, showing why it was withdrawn.
 */
function PenaltyList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useListQuery(penaltyQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: siteInspectionKeys.publicPenalties(query),
    queryFn: ({ signal }) => {
      const { year, ...rest } = query;
      return listPublicPenalties(year ? { ...rest, year: Number(year) } : rest, signal);
    },
    placeholderData: keepPreviousData,
  });
  const thisYear = new Date().getFullYear();
  return (
    <>
      <Typography.Paragraph type="secondary">{t('disclosure.penaltiesIntro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select
          allowClear
          style={{ width: 130 }}
          aria-label={t('disclosure.allYears')}
          placeholder={t('disclosure.allYears')}
          value={query.year}
          onChange={(v?: string) => update({ year: v })}
          options={Array.from({ length: thisYear - 2017 }, (_, i) => ({
            value: `${thisYear - i}`,
            label: `${thisYear - i}`,
          }))}
          data-testid="penalties-year"
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('disclosure.allTowns')}
          placeholder={t('disclosure.allTowns')}
          value={query.town}
          onChange={(v?: string) => update({ town: v })}
          options={townOptions(lang)}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 240 }}
          aria-label={t('disclosure.allIndustries')}
          placeholder={t('disclosure.allIndustries')}
          value={query.industry}
          onChange={(v?: string) => update({ industry: v })}
          options={DIVISIONS.map((d) => ({ value: d.code, label: lang === 'en' ? d.nameEn : d.name }))}
        />
      </Space>
      <PagedTable<PublicPenalty, typeof query>
        list={list}
        result={result}
        rowKey="id"
        scroll={{ x: 'max-content' }}
        emptyText={t('disclosure.listEmpty')}
        columns={[
          {
            title: t('disclosure.decisionNumber'),
            dataIndex: 'decisionNumber',
            key: 'decisionNumber',
            sorter: true,
            render: (n: string, p) => (
              <Space orientation="vertical" size={0}>
                <span style={{ whiteSpace: 'nowrap' }}>{n}</span>
                {p.status === 'withdrawn' ? <Tag color="default">{t('disclosure.withdrawn')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('disclosure.enterprise'),
            key: 'enterprise',
            sorter: true,
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <span>{p.enterpriseName}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('disclosure.uscc')} {p.uscc}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {townName(p.townCode, lang, p.townName)} · {industryName(p.industryCode, lang, p.industryName)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('disclosure.facts'),
            key: 'facts',
            width: 250,
            render: (_: unknown, p) =>
              p.status === 'withdrawn' ? (
                <span>
                  {t('common.labelled', {
                    label: t('common.parenthetical', { text: t('disclosure.withdrawnReason'), note: p.withdrawnOn }),
                    value: p.withdrawalReason,
                  })}
                </span>
              ) : (
                p.facts
              ),
          },
          {
            title: t('disclosure.basisAndPenalty'),
            key: 'penalty',
            width: 250,
            render: (_: unknown, p) =>
              p.penaltyContent ? (
                <Space orientation="vertical" size={4}>
                  <span>{t('common.labelled', { label: t('disclosure.legalBasis'), value: p.legalBasis })}</span>
                  <span>
                    {t('common.labelled', { label: t('disclosure.penaltyContent'), value: p.penaltyContent })}
                  </span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('disclosure.penaltyAmount')} {p.penaltyAmount}
                  </Typography.Text>
                </Space>
              ) : (
                '—'
              ),
          },
          {
            title: t('disclosure.decidedBy'),
            key: 'decidedOn',
            sorter: true,
            render: (_: unknown, p) => (
              <Space orientation="vertical" size={0}>
                <span>{p.decidedBy}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  {t('disclosure.penaltyDecidedOn')} {p.decidedOn}
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
