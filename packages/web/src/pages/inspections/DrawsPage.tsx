import { DRAW_SORTS } from '@qingshan/core/inspection-draws';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { DateTimeText } from '../../components/DateTimeText.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { createDraw, type DrawSummary, getDraws, getPlans, inspectionKeys } from './api.ts';
import { InspectionsNav } from './InspectionsNav.tsx';
import { INSPECTION_PERMISSIONS } from './permissions.ts';

const drawsQuery = defineListQuery({
  filters: {},
  sorts: DRAW_SORTS,
  pageSizes: [20, 50],
});

/** 双随机抽查: the draws (their targets stay on the secret detail page) and a new draw from a plan. */
export default function DrawsPage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const list = useListQuery(drawsQuery);
  const { query } = list;
  const qc = useQueryClient();
  const navigate = useNavigate();
  const message = useMessage();
  const showError = useShowError();
  const [planId, setPlanId] = useState<string>();
  const result = useQuery({
    queryKey: inspectionKeys.draws(query),
    queryFn: ({ signal }) => getDraws(query, signal),
    placeholderData: keepPreviousData,
  });
  const canDraw = canAccess(roles, INSPECTION_PERMISSIONS.draw);
  const plans = useQuery({
    queryKey: inspectionKeys.plans({ pageSize: 50 }),
    queryFn: ({ signal }) => getPlans({ page: 1, pageSize: 50 }, signal),
    enabled: canDraw,
  });
  const draw = useMutation({
    mutationFn: (id: string) => createDraw(id),
    onSuccess: (d) => {
      void qc.invalidateQueries({ queryKey: ['inspections'] });
      message.success(t('inspections.drawn', { count: d.targets.length }));
      void navigate(`/staff/inspections/draws/${d.id}`);
    },
    onError: showError,
  });
  return (
    <PageContainer title={t('inspections.title')} extra={<InspectionsNav current="draws" />}>
      {canDraw ? (
        <Space style={{ marginBottom: 16 }} wrap>
          <Select
            style={{ width: 280 }}
            aria-label={t('inspections.choosePlan')}
            placeholder={t('inspections.choosePlan')}
            data-testid="draw-plan"
            value={planId}
            onChange={setPlanId}
            loading={plans.isPending}
            notFoundContent={t('inspections.noPlanToDraw')}
            // a plan is drawn once (the server refuses a second draw): only plans not yet drawn are offered
            options={(plans.data?.items ?? []).filter((p) => !p.drawn).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Popconfirm
            title={t('inspections.drawConfirm')}
            disabled={!planId}
            onConfirm={() => planId && draw.mutate(planId)}
          >
            <Button type="primary" disabled={!planId} loading={draw.isPending} data-testid="draw-new">
              {t('inspections.newDraw')}
            </Button>
          </Popconfirm>
        </Space>
      ) : null}
      <PagedTable<DrawSummary, typeof query>
        list={list}
        result={result}
        rowKey="id"
        columns={[
          {
            title: t('inspections.plan'),
            dataIndex: 'planName',
            key: 'plan',
            sorter: true,
            render: (name: string, d) => <Link to={`/staff/inspections/draws/${d.id}`}>{name}</Link>,
          },
          {
            title: t('inspections.drawnAt'),
            dataIndex: 'drawnAt',
            key: 'drawnAt',
            sorter: true,
            render: (v: string) => <DateTimeText value={v} />,
          },
          { title: t('inspections.drawnBy'), dataIndex: 'drawnByName' },
          { title: t('inspections.targetCount'), dataIndex: 'targetCount', key: 'targetCount', sorter: true },
          {
            title: t('inspections.status'),
            dataIndex: 'status',
            render: (s: DrawSummary['status']) => (
              <Tag color={s === 'published' ? 'green' : 'gold'}>{t(`inspections.statuses.${s}`)}</Tag>
            ),
          },
          {
            title: t('inspections.publishedAt'),
            dataIndex: 'publishedAt',
            key: 'publishedAt',
            sorter: true,
            render: (v: string | null) => (v ? formatDateTime(v) : '—'),
          },
        ]}
      />
    </PageContainer>
  );
}
