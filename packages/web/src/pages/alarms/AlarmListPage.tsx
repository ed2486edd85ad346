import { ALARM_KINDS, ALARM_SOURCE_KINDS, ALARM_STATES } from '@qingshan/core/alarms';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Flex, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useAuth } from '../../auth/auth.tsx';
import { defineListQuery, oneOfFilter, PagedTable, useListQuery } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { type Alarm, alarmKeys, listAlarms } from './api.ts';
import { kindLabel, STATE_COLORS, sourceKindLabel, stateLabel } from './labels.ts';
import { ALARM_PERMISSIONS } from './permissions.ts';

const alarmListQuery = defineListQuery({
  filters: {
    kind: oneOfFilter(ALARM_KINDS),
    sourceKind: oneOfFilter(ALARM_SOURCE_KINDS),
    // `open` (not yet closed) is what the monitoring overview counts and links here with
    state: oneOfFilter([...ALARM_STATES, 'open'] as const),
    answered: oneOfFilter(['true', 'false'] as const),
  },
  sorts: ['-raisedAt', 'raisedAt'] as const,
});

/** 报警处置 (staff: every enterprise's alarms) and 报警提醒 (an enterprise: its own), one list. */
export default function AlarmListPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const staff = canAccess(roles, ALARM_PERMISSIONS.staff);
  const base = staff ? '/staff/alarms' : '/enterprise/alarms';
  const list = useListQuery(alarmListQuery);
  const { query, update } = list;
  const result = useQuery({
    queryKey: alarmKeys.list(query),
    queryFn: ({ signal }) => listAlarms(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <PageContainer title={staff ? t('alarms.title') : t('alarms.myTitle')}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ width: 260 }}
          aria-label={t('alarms.kind')}
          placeholder={t('alarms.kind')}
          value={query.kind}
          onChange={(v) => update({ kind: v })}
          options={ALARM_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
        />
        <Select
          allowClear
          style={{ width: 180 }}
          aria-label={t('alarms.source')}
          placeholder={t('alarms.source')}
          value={query.sourceKind}
          onChange={(v) => update({ sourceKind: v })}
          options={ALARM_SOURCE_KINDS.map((k) => ({ value: k, label: sourceKindLabel(k, lang) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('alarms.state')}
          placeholder={t('alarms.state')}
          value={query.state}
          onChange={(v) => update({ state: v })}
          options={[
            { value: 'open', label: t('alarms.stateOpen') },
            ...ALARM_STATES.map((s) => ({ value: s, label: stateLabel(s, lang) })),
          ]}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('alarms.answered')}
          placeholder={t('alarms.answered')}
          value={query.answered}
          onChange={(v) => update({ answered: v })}
          options={[
            { value: 'true', label: t('alarms.answeredYes') },
            { value: 'false', label: t('alarms.answeredNo') },
          ]}
        />
      </Flex>
      <PagedTable<Alarm, typeof query>
        cardHeading="sourceName"
        list={list}
        result={result}
        emptyText={t('alarms.empty')}
        rowKey="id"
        columns={[
          {
            title: t('alarms.raisedAt'),
            dataIndex: 'raisedAt',
            key: 'raisedAt',
            sorter: true,
            render: (v: string, a) => (
              <Link to={`${base}/${a.id}`} style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(v)}
              </Link>
            ),
          },
          ...(staff ? [{ title: t('alarms.enterprise'), dataIndex: 'enterpriseName' }] : []),
          {
            title: t('alarms.source'),
            dataIndex: 'sourceName',
            render: (v: string, a: Alarm) => `${sourceKindLabel(a.sourceKind, lang)} · ${v}`,
          },
          {
            title: t('alarms.kind'),
            dataIndex: 'kind',
            render: (k: Alarm['kind'], a: Alarm) => (
              <>
                {kindLabel(k, lang)}
                {a.recurrenceOf ? (
                  <Tag color="volcano" style={{ marginLeft: 8 }}>
                    {t('alarms.recurred')}
                  </Tag>
                ) : null}
              </>
            ),
          },
          {
            title: t('alarms.state'),
            dataIndex: 'state',
            // a state is a word or two: one line (the answer column's due time left it 报警/中 on two)
            render: (s: Alarm['state']) => (
              <Tag color={STATE_COLORS[s]} style={{ whiteSpace: 'nowrap' }}>
                {stateLabel(s, lang)}
              </Tag>
            ),
          },
          {
            title: t('alarms.answered'),
            dataIndex: 'acknowledged',
            render: (_: boolean, a: Alarm) => (
              <>
                {a.acknowledged ? (
                  <Tag color={a.answeredInTime ? 'green' : 'orange'}>
                    {a.answeredInTime ? t('alarms.answeredYes') : t('alarms.answeredLate')}
                  </Tag>
                ) : (
                  <Tag>{t('alarms.answeredNo')}</Tag>
                )}
                {/* an open alarm nobody answered: by when (a closed one no longer waits) */}
                {!a.acknowledged && !a.closedAt ? (
                  <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
                    {t('alarms.dueBy', { due: formatDateTime(a.answerDueAt) })}
                  </Typography.Text>
                ) : null}
                {a.escalatedAt ? <Tag color="red">{t('alarms.escalated')}</Tag> : null}
              </>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
