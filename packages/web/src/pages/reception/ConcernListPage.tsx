import { CONCERN_CATEGORIES, CONCERN_STATUSES } from '@qingshan/core/reception';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import {
  defineListQuery,
  flagFilter,
  oneOfFilter,
  PagedTable,
  useListQuery,
} from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { type Concern, listConcerns, receptionKeys } from './api.ts';
import { concernColumns } from './concernColumns.tsx';
import { categoryOptions, statusLabel } from './labels.ts';

const concernListQuery = defineListQuery({
  filters: {
    status: oneOfFilter(CONCERN_STATUSES),
    category: oneOfFilter(CONCERN_CATEGORIES),
    overdue: flagFilter(),
  },
});

/** Every concern raised at reception days, with its follow-up state; overdue ones first to hand. */
export default function ConcernListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const list = useListQuery(concernListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: receptionKeys.concerns(query),
    queryFn: ({ signal }) => listConcerns(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={t('svc.reception.concerns')}>
      <Flex wrap gap={8} style={{ marginBottom: 16 }} align="center">
        <Select
          allowClear
          style={{ minWidth: 140 }}
          aria-label={t('svc.common.status')}
          placeholder={t('svc.common.status')}
          value={query.status}
          options={CONCERN_STATUSES.map((s) => ({
            value: s,
            label: statusLabel(s, lang),
          }))}
          onChange={(v?: (typeof CONCERN_STATUSES)[number]) => update({ status: v })}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          aria-label={t('svc.reception.category')}
          placeholder={t('svc.reception.category')}
          value={query.category}
          options={categoryOptions(lang)}
          onChange={(v?: (typeof CONCERN_CATEGORIES)[number]) => update({ category: v })}
        />
        <Typography.Text>{t('svc.reception.overdueOnly')}</Typography.Text>
        <Switch
          aria-label={t('svc.reception.overdueOnly')}
          checked={query.overdue === 'true'}
          onChange={(v) => update({ overdue: v ? 'true' : undefined })}
        />
      </Flex>
      <PagedTable<Concern, typeof query>
        list={list}
        result={result}
        scroll={{ x: 'max-content' }}
        columns={concernColumns(t, lang, canAccess(roles, PERMISSIONS.enterpriseWrite), true)}
      />
    </PageContainer>
  );
}
