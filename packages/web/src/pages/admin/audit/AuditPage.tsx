import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../api/types.ts';
import { AuditTable } from '../../../components/AuditTable.tsx';
import { dateFilter, defineListQuery, textFilter, useListQuery } from '../../../components/list-page/index.ts';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { ErrorState } from '../../../components/QueryState.tsx';
import { useAuditLabels } from '../../../components/useAuditLabels.ts';
import { useLanguage } from '../../../i18n.ts';
import { shanghaiDayEnd, shanghaiDayStart } from '../../../utils/datetime.ts';
import { auditKeys, listAudit } from './api.ts';
import { entityTypeOptions } from './entityTypes.ts';

interface FilterValues {
  actor?: string;
  action?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

// the filters live in the URL (a filtered log can be shared and survives the back button)
const auditListQuery = defineListQuery({
  filters: {
    actor: textFilter(),
    action: textFilter(),
    entityType: textFilter(),
    from: dateFilter(),
    to: dateFilter(),
  },
});

/** The list query → API query; the picked days are whole days in Asia/Shanghai. */
function toAuditQuery(q: typeof auditListQuery.defaults): AuditQuery & { page: number; pageSize: number } {
  return {
    actor: q.actor,
    action: q.action,
    entityType: q.entityType,
    from: q.from ? shanghaiDayStart(q.from) : undefined,
    to: q.to ? shanghaiDayEnd(q.to) : undefined,
    page: q.page,
    pageSize: q.pageSize,
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
  // record types in words; types read as the same word (正面清单, 环境信用) are one choice
  const entityOptions = entityTypeOptions(labels, lang);
  const [form] = Form.useForm<FilterValues>();
  const list = useListQuery(auditListQuery);
  const query = toAuditQuery(list.query);
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
        initialValues={{
          actor: list.query.actor,
          action: list.query.action,
          entityType: list.query.entityType,
          range: [list.query.from ? dayjs(list.query.from) : null, list.query.to ? dayjs(list.query.to) : null],
        }}
        onFinish={(v) => {
          const [from, to] = v.range ?? [null, null];
          list.update({
            actor: v.actor?.trim() || undefined,
            action: v.action || undefined,
            entityType: v.entityType?.trim() || undefined,
            from: from ? from.format('YYYY-MM-DD') : undefined,
            to: to ? to.format('YYYY-MM-DD') : undefined,
          });
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
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('audit.entityTypePlaceholder')}
            data-testid="audit-entity-type"
            options={entityOptions}
          />
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
              list.reset();
              form.setFieldsValue({ actor: undefined, action: undefined, entityType: undefined, range: null });
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
          onPageChange={(page, pageSize) => list.update({ page, pageSize })}
        />
      )}
    </PageContainer>
  );
}
