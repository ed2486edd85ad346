import { PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_SORTS, VISIT_PURPOSES } from '@qingshan/core/visits';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Modal, Select, Table, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  dateFilter,
  defineListQuery,
  oneOfFilter,
  PagedTable,
  textFilter,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { townName, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import {
  type Campaign,
  type Candidate,
  createCampaign,
  listCampaigns,
  listCandidates,
  listVisits,
  type Visit,
  visitKeys,
} from './api.ts';
import { purposeOptions } from './labels.ts';
import { useVisitColumns } from './VisitTable.tsx';

// `tab` is the page's own parameter, not the list's: the list keeps it when it writes the URL.
const visitListQuery = defineListQuery({
  filters: {
    from: dateFilter(),
    to: dateFilter(),
    campaignId: textFilter(),
    purpose: oneOfFilter(VISIT_PURPOSES),
    leader: oneOfFilter(['true', 'false']),
    townCode: textFilter(),
  },
});

// The tab's own list in the URL: switching tabs clears it, so it never reads the visits' page.
const campaignListQuery = defineListQuery({ filters: {}, sorts: CAMPAIGN_SORTS });

function CampaignsTab({ canWrite, active }: { canWrite: boolean; active: boolean }) {
  const { t } = useTranslation();
  const list = useListQuery(campaignListQuery);
  const { query } = list;
  const result = useQuery({
    queryKey: visitKeys.campaigns(query),
    queryFn: ({ signal }) => listCampaigns(query, signal),
    placeholderData: keepPreviousData,
    // a tab once opened stays mounted: it must not fetch with the visits' page while hidden
    enabled: active,
  });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const qc = useQueryClient();
  const showError = useShowError();
  const create = useMutation({
    mutationFn: (v: { theme: string; range: [Dayjs, Dayjs]; description?: string }) =>
      createCampaign({
        theme: v.theme,
        startDate: v.range[0].format('YYYY-MM-DD'),
        endDate: v.range[1].format('YYYY-MM-DD'),
        ...(v.description ? { description: v.description } : {}),
      }),
    onSuccess: () => {
      setOpen(false);
      form.resetFields();
      void qc.invalidateQueries({ queryKey: visitKeys.all });
    },
    onError: showError,
  });
  return (
    <>
      {canWrite ? (
        <Button
          icon={<PlusOutlined />}
          onClick={() => setOpen(true)}
          style={{ marginBottom: 12 }}
          data-testid="campaign-create"
        >
          {t('svc.visits.newCampaign')}
        </Button>
      ) : null}
      <PagedTable<Campaign, typeof query>
        list={list}
        result={result}
        columns={[
          {
            title: t('svc.visits.theme'),
            dataIndex: 'theme',
            key: 'theme',
            sorter: true,
            render: (v: string, c) => <Link to={`/staff/visits?campaignId=${c.id}`}>{v}</Link>,
          },
          {
            title: t('svc.visits.period'),
            key: 'startDate',
            sorter: true,
            render: (_, c) => `${c.startDate} — ${c.endDate}`,
          },
          { title: t('svc.visits.visitCount'), dataIndex: 'visits' },
          { title: t('svc.visits.count'), dataIndex: 'enterpriseVisits' },
          { title: t('svc.visits.description'), dataIndex: 'description', ellipsis: true },
        ]}
      />
      <Modal
        open={open}
        title={t('svc.visits.newCampaign')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={create.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="theme" label={t('svc.visits.theme')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="range" label={t('svc.visits.period')} rules={[{ required: true }]}>
            <DatePicker.RangePicker style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="description" label={t('svc.visits.description')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function CandidatesTab() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useQuery({ queryKey: visitKeys.candidates, queryFn: ({ signal }) => listCandidates(signal) });
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<Candidate>
      rowKey="enterpriseId"
      loading={list.isFetching}
      dataSource={list.data?.items ?? []}
      locale={{ emptyText: <EmptyState /> }}
      columns={[
        {
          title: t('svc.common.enterprise'),
          dataIndex: 'name',
          render: (n: string, c) => <Link to={`/staff/enterprises/${c.enterpriseId}`}>{n}</Link>,
        },
        { title: t('enterprise.fields.town'), dataIndex: 'townCode', render: (c: string) => townName(c, lang) },
        {
          title: t('svc.visits.openConcerns'),
          dataIndex: 'openConcerns',
          sorter: (a, b) => a.openConcerns - b.openConcerns,
        },
        {
          title: t('svc.visits.overdueFollowUps'),
          dataIndex: 'overdueFollowUps',
          sorter: (a, b) => a.overdueFollowUps - b.overdueFollowUps,
        },
        {
          title: t('svc.visits.overdueProjects'),
          dataIndex: 'overdueProjects',
          sorter: (a, b) => a.overdueProjects - b.overdueProjects,
        },
        {
          title: t('svc.visits.lastVisit'),
          dataIndex: 'lastVisit',
          render: (d: string | null) => d ?? t('common.none'),
        },
        {
          title: t('common.actions'),
          render: (_, c) => (
            <Link to={`/staff/visits/new?enterpriseId=${c.enterpriseId}&name=${encodeURIComponent(c.name)}`}>
              {t('svc.visits.plan')}
            </Link>
          ),
        },
      ]}
      pagination={{ pageSize: 20 }}
    />
  );
}

/** 送服务上门: visits (filters in the URL), campaigns, and the enterprises that need one. */
export default function VisitListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'visits';
  const list = useListQuery(visitListQuery);
  const { query, update } = list;
  const columns = useVisitColumns('/staff/visits');
  const result = useQuery({
    queryKey: visitKeys.list(query),
    queryFn: ({ signal }) => listVisits(query, signal),
    placeholderData: keepPreviousData,
    enabled: tab === 'visits',
  });
  return (
    <PageContainer
      title={t('svc.visits.title')}
      extra={
        canWrite ? (
          <Link to="/staff/visits/new">
            <Button type="primary" icon={<PlusOutlined />} data-testid="visit-create">
              {t('svc.visits.create')}
            </Button>
          </Link>
        ) : null
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'visits' ? {} : { tab: k })}
        items={[
          {
            key: 'visits',
            label: t('svc.visits.tabVisits'),
            children: (
              <>
                <Flex wrap gap={8} style={{ marginBottom: 16 }}>
                  <DatePicker.RangePicker
                    onChange={(v) => update({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
                  />
                  <Select
                    allowClear
                    style={{ minWidth: 180 }}
                    aria-label={t('svc.visits.purposes')}
                    placeholder={t('svc.visits.purposes')}
                    value={query.purpose}
                    options={purposeOptions(lang)}
                    onChange={(v?: (typeof VISIT_PURPOSES)[number]) => update({ purpose: v })}
                  />
                  <Select
                    allowClear
                    style={{ minWidth: 140 }}
                    aria-label={t('enterprise.fields.town')}
                    placeholder={t('enterprise.fields.town')}
                    value={query.townCode}
                    options={townOptions(lang)}
                    onChange={(v?: string) => update({ townCode: v })}
                  />
                  <Select
                    allowClear
                    style={{ minWidth: 140 }}
                    aria-label={t('svc.visits.leaderLed')}
                    placeholder={t('svc.visits.leaderLed')}
                    value={query.leader}
                    options={[
                      { value: 'true', label: t('svc.visits.leaderYes') },
                      { value: 'false', label: t('svc.visits.leaderNo') },
                    ]}
                    onChange={(v?: 'true' | 'false') => update({ leader: v })}
                  />
                  {query.campaignId ? (
                    <Button onClick={() => update({ campaignId: undefined })}>{t('svc.visits.clearCampaign')}</Button>
                  ) : null}
                </Flex>
                <PagedTable<Visit, typeof query>
                  list={list}
                  result={result}
                  columns={columns}
                  scroll={{ x: 'max-content' }}
                  data-testid="visit-table"
                />
              </>
            ),
          },
          {
            key: 'campaigns',
            label: t('svc.visits.tabCampaigns'),
            children: <CampaignsTab canWrite={canWrite} active={tab === 'campaigns'} />,
          },
          { key: 'candidates', label: t('svc.visits.tabCandidates'), children: <CandidatesTab /> },
        ]}
      />
    </PageContainer>
  );
}
