import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../api/types.ts';
import { AuditTable } from '../../../components/AuditTable.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { ErrorState } from '../../../components/QueryState.tsx';
import { useAuditLabels } from '../../../components/useAuditLabels.ts';
import { useLanguage } from '../../../i18n.ts';
import { shanghaiDayEnd, shanghaiDayStart } from '../../../utils/datetime.ts';
import { auditKeys, listAudit } from './api.ts';

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter values → API query; the picked days are whole days in Asia/Shanghai. */
function toQuery(v: FilterValues): AuditQuery {
  const [from, to] = v.range ?? [null, null];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    entityType: v.entityType?.trim() || undefined,
    from: from ? shanghaiDayStart(from.format('YYYY-MM-DD')) : undefined,
    to: to ? shanghaiDayEnd(to.format('YYYY-MM-DD')) : undefined,
  };
}

/** 操作日志: the whole audit log, filtered; each row opens to its before → after diff. */
export default function AuditPage() {
  const { t } = useTranslation();
  const lang = useLanguage() === 'en' ? 'en' : 'zh';
  // Filter by what happened, in words; the stored code is the value sent.
  const labels = useAuditLabels();
  const actionOptions = labels.actions
    .map((a) => ({ value: a, label: labels.action(a, lang) }))
    .sort((x, y) => x.label.localeCompare(y.label, 'zh-CN'));
  const [form] = Form.useForm<FilterValues>();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const query = { ...filters, ...page };
  const audit = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <PageContainer title={t('audit.title')}>
      <Form<FilterValues>
        form={form}
        layout="inline"
        name="audit-filters"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setFilters(toQuery(v));
          setPage((p) => ({ ...p, page: 1 }));
        }}
        role="search"
      >
        <Form.Item label={t('audit.actor')} name="actor">
          <Input allowClear placeholder={t('audit.actorPlaceholder')} data-testid="audit-actor" />
        </Form.Item>
        <Form.Item label={t('audit.action')} name="action">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 220 }}
            placeholder={t('web.audit.pickAction')}
            data-testid="audit-action"
            options={actionOptions}
          />
        </Form.Item>
        <Form.Item label={t('audit.entityType')} name="entityType">
          <Input allowClear placeholder={t('audit.entityTypePlaceholder')} data-testid="audit-entity-type" />
        </Form.Item>
        <Form.Item label={t('audit.dateRange')} name="range">
          <DatePicker.RangePicker allowEmpty={[true, true]} data-testid="audit-range" />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" data-testid="audit-search">
            {t('common.search')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              setFilters({});
              setPage((p) => ({ ...p, page: 1 }));
            }}
          >
            {t('common.reset')}
          </Button>
        </Flex>
      </Form>
      {audit.isError && !audit.data ? (
        <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />
      ) : (
        <AuditTable
          data={audit.data}
          loading={audit.isFetching}
          onPageChange={(p, pageSize) => setPage({ page: p, pageSize })}
        />
      )}
    </PageContainer>
  );
}
