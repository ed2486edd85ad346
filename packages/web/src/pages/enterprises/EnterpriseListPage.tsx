import { CloudUploadOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Flex, Input, Select, type TableProps, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import type { EnterpriseQuery, EnterpriseSummary } from '../../api/types.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import {
  CREDIT_COLORS,
  creditLabel,
  creditOptions,
  industryClassOptions,
  industryMatches,
  industryName,
  STATUS_COLORS,
  statusLabel,
  statusOptions,
  tagLabel,
  tagOptions,
  townName,
  townOptions,
} from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { enterpriseKeys, exportEnterprises, listEnterprises } from './api.ts';
import { UsccText } from './components/UsccText.tsx';
import { enterpriseListQuery } from './query.ts';

/** 企业档案: server-side paged, sorted and filtered list; the filters live in the URL. */
export default function EnterpriseListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const showError = useShowError();
  const list = useListQuery(enterpriseListQuery);
  const { query, update } = list;
  const [search, setSearch] = useState(query.q ?? '');
  const [exporting, setExporting] = useState(false);

  // Keep the box in step when the URL changes under it (back button, reset).
  useEffect(() => setSearch(query.q ?? ''), [query.q]);

  const result = useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });

  const onExport = async () => {
    setExporting(true);
    try {
      await exportEnterprises(query);
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableProps<EnterpriseSummary>['columns'] = [
    {
      title: t('enterprise.fields.name'),
      dataIndex: 'name',
      sorter: true,
      render: (name: string, r) => <Link to={`/staff/enterprises/${encodeURIComponent(r.id)}`}>{name}</Link>,
    },
    {
      title: t('enterprise.fields.uscc'),
      dataIndex: 'uscc',
      sorter: true,
      render: (uscc: string, r) => <UsccText uscc={uscc} valid={r.usccValid} />,
    },
    {
      title: t('enterprise.fields.town'),
      dataIndex: 'townCode',
      render: (code: string, r) => townName(code, lang, r.townName),
    },
    {
      title: t('enterprise.fields.industry'),
      dataIndex: 'industryCode',
      ellipsis: true,
      render: (code: string, r) => (
        <Typography.Text
          ellipsis={{ tooltip: `${code} ${industryName(code, lang, r.industryName)}` }}
          style={{ maxWidth: 220 }}
        >
          {code} {industryName(code, lang, r.industryName)}
        </Typography.Text>
      ),
    },
    {
      title: t('enterprise.fields.status'),
      dataIndex: 'status',
      render: (s: EnterpriseSummary['status']) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s, lang)}</Tag>,
    },
    {
      title: t('enterprise.fields.tags'),
      dataIndex: 'tags',
      render: (tags: string[]) => tags.map((tag) => <Tag key={tag}>{tagLabel(tag, lang)}</Tag>),
    },
    {
      title: t('enterprise.fields.creditGrade'),
      dataIndex: 'creditGrade',
      render: (g: EnterpriseSummary['creditGrade']) =>
        g ? <Tag color={CREDIT_COLORS[g]}>{creditLabel(g, lang)}</Tag> : t('common.none'),
    },
    {
      title: t('enterprise.fields.updatedAt'),
      dataIndex: 'updatedAt',
      sorter: true,
      render: (v: string) => <DateTimeText value={v} />,
    },
  ];

  const selectStyle = { minWidth: 160 };
  return (
    <PageContainer
      title={t('enterprise.list.title')}
      extra={
        <>
          {canAccess(roles, PERMISSIONS.enterpriseExport) ? (
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void onExport()}
              data-testid="enterprise-export"
            >
              {t('enterprise.list.export')}
            </Button>
          ) : null}
          {canAccess(roles, PERMISSIONS.enterpriseImport) ? (
            <ButtonLink to="/staff/enterprises/import" icon={<CloudUploadOutlined />}>
              {t('enterprise.list.import')}
            </ButtonLink>
          ) : null}
          {canAccess(roles, PERMISSIONS.enterpriseWrite) ? (
            <ButtonLink
              to="/staff/enterprises/new"
              type="primary"
              icon={<PlusOutlined />}
              data-testid="enterprise-create"
            >
              {t('enterprise.list.create')}
            </ButtonLink>
          ) : null}
        </>
      }
    >
      <Flex wrap gap={8} style={{ marginBottom: 16 }} role="search">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          onSearch={(v) => update({ q: v.trim() || undefined })}
          placeholder={t('enterprise.list.searchPlaceholder')}
          aria-label={t('enterprise.list.searchLabel')}
          enterButton={t('common.search')}
          style={{ width: 340 }}
          data-testid="enterprise-search"
        />
        <Select
          allowClear
          style={selectStyle}
          placeholder={t('enterprise.list.townPlaceholder')}
          aria-label={t('enterprise.fields.town')}
          value={query.townCode}
          options={townOptions(lang)}
          onChange={(v?: string) => update({ townCode: v })}
          data-testid="filter-town"
        />
        <Select
          allowClear
          showSearch={{ filterOption: industryMatches }}
          style={{ width: 280 }}
          placeholder={t('enterprise.list.industryPlaceholder')}
          aria-label={t('enterprise.fields.industry')}
          value={query.industryCode}
          options={industryClassOptions(lang)}
          onChange={(v?: string) => update({ industryCode: v })}
          data-testid="filter-industry"
        />
        <Select
          allowClear
          style={selectStyle}
          placeholder={t('enterprise.list.tagPlaceholder')}
          aria-label={t('enterprise.fields.tags')}
          value={query.tag}
          options={tagOptions(lang)}
          onChange={(v?: string) => update({ tag: v })}
          data-testid="filter-tag"
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('enterprise.list.statusPlaceholder')}
          aria-label={t('enterprise.fields.status')}
          value={query.status}
          options={statusOptions(lang)}
          onChange={(v?: EnterpriseQuery['status']) => update({ status: v })}
          data-testid="filter-status"
        />
        <Select
          allowClear
          style={{ minWidth: 180 }}
          placeholder={t('enterprise.list.creditPlaceholder')}
          aria-label={t('enterprise.fields.creditGrade')}
          value={query.creditGrade}
          options={creditOptions(lang)}
          onChange={(v?: EnterpriseQuery['creditGrade']) => update({ creditGrade: v })}
          data-testid="filter-credit"
        />
        <Button onClick={list.reset}>{t('common.reset')}</Button>
      </Flex>
      <PagedTable<EnterpriseSummary, typeof query>
        list={list}
        result={result}
        columns={columns}
        scroll={{ x: 'max-content' }}
        data-testid="enterprise-table"
      />
    </PageContainer>
  );
}
