import type { TableProps } from 'antd';
import { Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Language } from '../../i18n.ts';
import type { Concern } from './api.ts';
import { ConcernActions } from './ConcernActions.tsx';
import { categoryLabel, STATUS_COLORS, statusLabel } from './labels.ts';

export function concernColumns(
  t: TFunction,
  lang: Language,
  canWrite: boolean,
  withSession: boolean,
): TableProps<Concern>['columns'] {
  return [
    ...(withSession
      ? [
          {
            title: t('svc.common.date'),
            dataIndex: 'sessionDate',
            width: 110,
            render: (d: string, r: Concern) => (
              <Link to={`/staff/reception/sessions/${r.sessionId}`} style={{ whiteSpace: 'nowrap' }}>
                {d}
              </Link>
            ),
          },
        ]
      : []),
    {
      title: t('svc.reception.raisedBy'),
      render: (_: unknown, r: Concern) => (
        <>
          {r.enterpriseName ?? ''} {r.raisedBy}
        </>
      ),
    },
    {
      title: t('svc.reception.category'),
      dataIndex: 'category',
      render: (c: Concern['category']) => <Tag>{categoryLabel(c, lang)}</Tag>,
    },
    {
      title: t('svc.reception.concern'),
      dataIndex: 'description',
      render: (d: string, r: Concern) => (
        <Link to={`/staff/reception/concerns/${r.id}`}>
          <Typography.Text ellipsis={{ tooltip: d }} style={{ maxWidth: 260 }}>
            {d}
          </Typography.Text>
        </Link>
      ),
    },
    {
      title: t('svc.reception.answer'),
      dataIndex: 'answer',
      ellipsis: true,
      render: (a: string | null) => a ?? t('common.none'),
    },
    { title: t('svc.reception.dueDate'), dataIndex: 'dueDate', render: (d: string | null) => d ?? t('common.none') },
    {
      title: t('svc.common.status'),
      dataIndex: 'status',
      render: (s: Concern['status'], r: Concern) => (
        <>
          <Tag color={STATUS_COLORS[s]}>{statusLabel(s, lang)}</Tag>
          {r.petitionId ? <Tag color="orange">{t('svc.reception.petitioned')}</Tag> : null}
          {r.published ? <Tag color="green">{t('svc.reception.published')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('common.actions'),
      render: (_: unknown, r: Concern) => <ConcernActions concern={r} canWrite={canWrite} />,
    },
  ];
}
