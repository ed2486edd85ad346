import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { getQuarantine, monitoringKeys, type QuarantineEntry, rejectQuarantine } from './api.ts';
import { DecodedFrameView } from './FrameDecoder.tsx';
import { MONITORING_PERMISSIONS } from './permissions.ts';
import { RegisterStationModal } from './RegisterStationModal.tsx';

const quarantineQuery = defineListQuery({
  filters: { state: oneOfFilter(['open', 'registered', 'rejected'] as const) },
  sorts: ['-lastSeenAt', 'lastSeenAt', '-firstSeenAt', 'firstSeenAt', '-frameCount', 'frameCount'] as const,
  pageSizes: [20, 50],
});

const STATE_COLORS = { open: 'orange', registered: 'green', rejected: 'default' } as const;

/** 待认领数采仪: loggers with an unregistered MN, their last raw frame decoded; register or reject. */
export default function QuarantinePage() {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const list = useListQuery(quarantineQuery);
  const { query } = list;
  const [registerMn, setRegisterMn] = useState<string | null>(null);
  const mayDecide = canAccess(roles, MONITORING_PERMISSIONS.registry);
  const result = useQuery({
    queryKey: monitoringKeys.quarantine(query),
    queryFn: ({ signal }) => getQuarantine(query, signal),
    placeholderData: keepPreviousData,
  });
  const reject = useMutation({
    mutationFn: rejectQuarantine,
    onSuccess: () => {
      message.success(t('monitoring.quarantine.rejected'));
      void qc.invalidateQueries({ queryKey: ['monitoring'] });
    },
    onError: showError,
  });
  return (
    <PageContainer title={t('monitoring.quarantine.title')}>
      <Alert type="info" showIcon title={t('monitoring.quarantine.intro')} style={{ marginBottom: 16 }} />
      <PagedTable<QuarantineEntry, typeof query>
        list={list}
        result={result}
        rowKey="id"
        data-testid="quarantine-table"
        expandable={{
          expandedRowRender: (q) => (
            <DecodedFrameView
              raw={q.lastRaw}
              checked={{ passwordHidden: q.passwordHidden, crcValid: q.lastCrcValid, issues: q.lastIssues }}
            />
          ),
        }}
        columns={[
          {
            title: t('monitoring.mn'),
            dataIndex: 'mn',
            // one line: an MN broken in two is misread when compared with the logger's plate
            render: (mn: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {mn}
              </Typography.Text>
            ),
          },
          {
            title: t('monitoring.state'),
            dataIndex: 'state',
            render: (s: QuarantineEntry['state']) => (
              <Tag color={STATE_COLORS[s]}>{t(`monitoring.quarantine.states.${s}`)}</Tag>
            ),
          },
          { title: t('monitoring.quarantine.frameCount'), dataIndex: 'frameCount', key: 'frameCount', sorter: true },
          {
            title: t('monitoring.quarantine.firstSeen'),
            dataIndex: 'firstSeenAt',
            key: 'firstSeenAt',
            sorter: true,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, true)}</span>,
          },
          {
            title: t('monitoring.quarantine.lastSeen'),
            dataIndex: 'lastSeenAt',
            key: 'lastSeenAt',
            sorter: true,
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v, true)}</span>,
          },
          { title: t('monitoring.quarantine.remote'), dataIndex: 'remoteAddress' },
          {
            title: '',
            render: (_, q) =>
              mayDecide && q.state === 'open' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => setRegisterMn(q.mn)}>
                    {t('monitoring.register')}
                  </Button>
                  <Popconfirm title={t('monitoring.quarantine.rejectConfirm')} onConfirm={() => reject.mutate(q.id)}>
                    <Button size="small" danger>
                      {t('monitoring.quarantine.reject')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {registerMn ? <RegisterStationModal mn={registerMn} onClose={() => setRegisterMn(null)} /> : null}
    </PageContainer>
  );
}
