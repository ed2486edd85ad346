import type { TablePaginationConfig } from 'antd';
import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, Page } from '../api/types.ts';
import { useLanguage } from '../i18n.ts';
import { diffRecords, showValue } from '../utils/diff.ts';
import { DateTimeText } from './DateTimeText.tsx';
import { EmptyState } from './QueryState.tsx';
import { useAuditLabels } from './useAuditLabels.ts';

/** Before → after of one audit entry, field by field; changed fields highlighted. */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const labels = useAuditLabels();
  const rows = diffRecords(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  return (
    <Table
      size="small"
      rowKey="path"
      pagination={false}
      dataSource={rows}
      data-testid="audit-diff"
      rowClassName={(r) => (r.changed ? 'audit-diff-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'path',
          width: 200,
          render: (p: string) => (p ? labels.field(p, lang === 'en' ? 'en' : 'zh') : '·'),
        },
        {
          title: t('audit.before'),
          dataIndex: 'before',
          render: (v: unknown, r) => (
            <Typography.Text delete={r.changed && v !== undefined} type={r.changed ? 'danger' : undefined}>
              {showValue(v)}
            </Typography.Text>
          ),
        },
        {
          title: t('audit.after'),
          dataIndex: 'after',
          render: (v: unknown, r) => (
            <Typography.Text type={r.changed ? 'success' : undefined} strong={r.changed}>
              {showValue(v)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

export function AuditTable({
  data,
  loading,
  onPageChange,
  showEntity = true,
}: {
  data: Page<AuditEntry> | undefined;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
  showEntity?: boolean;
}) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const lang = useLanguage();
  const pagination: TablePaginationConfig = {
    current: data?.page ?? 1,
    pageSize: data?.pageSize ?? 20,
    total: data?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t('common.total', { total }),
    onChange: onPageChange,
  };
  return (
    <Table<AuditEntry>
      rowKey="seq"
      loading={loading}
      dataSource={data?.items ?? []}
      pagination={pagination}
      locale={{ emptyText: <EmptyState /> }}
      scroll={{ x: 'max-content' }}
      data-testid="audit-table"
      expandable={{ expandedRowRender: (r) => <AuditDiff before={r.before} after={r.after} /> }}
      columns={[
        { title: t('audit.seq'), dataIndex: 'seq', width: 80 },
        {
          title: t('audit.at'),
          dataIndex: 'at',
          width: 170,
          render: (v: string) => <DateTimeText value={v} withSeconds />,
        },
        {
          title: t('audit.actor'),
          dataIndex: 'actorName',
          // the platform's own steps (scheduled jobs, deemed acceptance) are recorded as the account
          // "system" with the role "system": shown as 系统 once, not as "system system"
          render: (v: string | null, r) =>
            v === null || r.actorRoles.includes('system') ? (
              t('audit.system')
            ) : (
              <span>
                {v}{' '}
                {r.actorRoles.map((role) => (
                  <Tag key={role}>{t(`roles.${role}`, { defaultValue: role })}</Tag>
                ))}
              </span>
            ),
        },
        {
          title: t('audit.action'),
          dataIndex: 'action',
          // plain label; the stored code only as a tooltip for whoever reads the raw log
          render: (v: string) => <span title={v}>{labels.action(v, lang === 'en' ? 'en' : 'zh')}</span>,
        },
        ...(showEntity
          ? [
              {
                title: t('audit.entityType'),
                dataIndex: 'entityType',
                render: (v: string) => <span title={v}>{labels.entity(v, lang === 'en' ? 'en' : 'zh')}</span>,
              },
              {
                title: t('audit.entityId'),
                dataIndex: 'entityId',
                render: (v: string | null) => <Typography.Text copyable={!!v}>{v ?? t('common.none')}</Typography.Text>,
              },
            ]
          : []),
        { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? t('common.none') },
      ]}
    />
  );
}
