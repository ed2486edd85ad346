import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../auth/auth.tsx';
import { ListLine, ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate } from '../../utils/datetime.ts';
import { type AppointmentQuery, listAppointments } from '../appointments/api.ts';
import { todayShanghai } from '../appointments/dates.ts';
import { appointmentStatusLabel } from '../appointments/labels.ts';
import { figureKeys, getFigures } from '../figures/api.ts';
import { BAD_COLOUR } from '../figures/chartOptions.ts';
import { anyFigure, latestYearWithData, yearPeriod } from '../figures/period.ts';
import { listSessions, type SessionQuery } from '../reception/api.ts';
import { kindLabel } from '../reception/labels.ts';
import { getWorklist, getWorklistCounts, machineryKeys } from '../worklist/api.ts';
import { ClockStateTag } from '../worklist/ClockParts.tsx';
import { clockTitle } from '../worklist/titles.ts';
import { KEY_FIGURES, workbenchSections } from './sections.ts';

/** A small card's body: loading, error, empty or the content. */
function Body<T>({
  q,
  empty,
  children,
}: {
  q: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty: (d: T) => boolean;
  children: (d: T) => React.ReactNode;
}) {
  if (q.isPending) return <PageLoading />;
  if (q.isError || q.data === undefined) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (empty(q.data)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <>{children(q.data)}</>;
}

function TodoCard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const counts = useQuery({ queryKey: machineryKeys.counts, queryFn: ({ signal }) => getWorklistCounts(signal) });
  const query = { page: 1, pageSize: 6, sort: 'due' as const };
  const list = useQuery({
    queryKey: machineryKeys.worklist(query),
    queryFn: ({ signal }) => getWorklist(query, signal),
  });
  return (
    <Card
      title={t('web.workbench.todo')}
      extra={<Link to="/staff/worklist">{t('web.workbench.all')}</Link>}
      data-testid="workbench-todo"
    >
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={8}>
          <Statistic title={t('worklist.total')} value={counts.data?.total ?? '—'} />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('worklist.overdue')}
            value={counts.data?.overdue ?? '—'}
            styles={{ content: { color: '#cf1322' } }}
          />
        </Col>
        <Col span={8}>
          <Statistic
            title={t('worklist.dueSoon')}
            value={counts.data?.dueSoon ?? '—'}
            styles={{ content: { color: '#d46b08' } }}
          />
        </Col>
      </Row>
      <Body q={list} empty={(d) => d.items.length === 0}>
        {(d) => (
          <ListLines
            size="small"
            items={d.items}
            rowKey="id"
            renderItem={(w) => (
              <ListLine
                title={w.link ? <Link to={w.link}>{clockTitle(w.title, lang)}</Link> : clockTitle(w.title, lang)}
                description={t('web.workbench.due', { date: formatDate(w.dueDate) })}
                extra={<ClockStateTag state={w.state} />}
              />
            )}
          />
        )}
      </Body>
    </Card>
  );
}

function AppointmentsCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query: AppointmentQuery = { from: today, to: today, page: 1, pageSize: 8, sort: 'startsAt' };
  const q = useQuery({
    queryKey: ['appointments', 'workbench', query],
    queryFn: ({ signal }) => listAppointments(query, signal),
  });
  return (
    <Card
      title={t('web.workbench.appointments')}
      extra={<Link to="/staff/appointments">{t('web.workbench.all')}</Link>}
      data-testid="workbench-appointments"
    >
      <Body q={q} empty={(d) => d.items.length === 0}>
        {(d) => (
          <>
            <ListLines
              size="small"
              items={d.items}
              rowKey="id"
              renderItem={(a) => (
                <ListLine
                  title={`${a.startTime}–${a.endTime} ${a.name}`}
                  description={`${a.serviceName} · ${a.matter}`}
                  extra={<Tag>{appointmentStatusLabel(a.status, lang)}</Tag>}
                />
              )}
            />
            {d.total > d.items.length ? (
              <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
                {t('web.workbench.more', { n: d.total })}
              </Typography.Paragraph>
            ) : null}
          </>
        )}
      </Body>
    </Card>
  );
}

function ReceptionCard({ today }: { today: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query: SessionQuery = {
    from: today,
    to: today,
    page: 1,
    pageSize: 5,
    sort: 'date',
  };
  const q = useQuery({
    queryKey: ['reception', 'workbench', query],
    queryFn: ({ signal }) => listSessions(query, signal),
  });
  return (
    <Card
      title={t('web.workbench.reception')}
      extra={<Link to="/staff/reception">{t('web.workbench.all')}</Link>}
      data-testid="workbench-reception"
    >
      <Body q={q} empty={(d) => d.items.length === 0}>
        {(d) => (
          <ListLines
            size="small"
            items={d.items}
            rowKey="id"
            renderItem={(s) => (
              <ListLine
                title={
                  <Link to={`/staff/reception/sessions/${s.id}`}>
                    {kindLabel(s.kind, lang)} · {s.leaderName}
                  </Link>
                }
                description={t('web.workbench.receptionLine', {
                  location: s.location,
                  bookings: s.bookings,
                  people: s.people,
                })}
              />
            )}
          />
        )}
      </Body>
    </Card>
  );
}

function FiguresCard() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  // This year, or — when it has no records yet — the latest year that has some (as the dashboard).
  const q = useQuery({
    queryKey: [...figureKeys.all, 'workbench'],
    queryFn: async ({ signal }) => {
      const current = await getFigures({}, signal);
      if (anyFigure(current.values)) return current;
      const year = await latestYearWithData(Number(current.to.slice(0, 4)), async (y) =>
        anyFigure((await getFigures(yearPeriod(y), signal)).values),
      );
      return year === null ? current : getFigures(yearPeriod(year), signal);
    },
  });
  return (
    <Card
      title={t('web.workbench.keyFigures')}
      extra={<Link to="/staff/figures">{t('web.workbench.all')}</Link>}
      data-testid="workbench-figures"
    >
      <Body q={q} empty={() => false}>
        {(d) => (
          <>
            <Typography.Paragraph type="secondary">
              {t('svc.figures.period', { from: d.from, to: d.to })}
            </Typography.Paragraph>
            <Row gutter={[16, 16]}>
              {KEY_FIGURES.map((key) => d.figures.find((f) => f.key === key))
                .filter((f) => f !== undefined)
                .map((f) => (
                  <Col xs={12} md={6} key={f.key}>
                    <Link to={`/staff/figures/${f.key}?from=${d.from}&to=${d.to}`}>
                      <Statistic
                        title={f.label[l]}
                        value={f.value}
                        suffix={f.unit[l]}
                        styles={f.key === 'badRatings' && f.value > 0 ? { content: { color: BAD_COLOUR } } : undefined}
                      />
                    </Link>
                  </Col>
                ))}
            </Row>
          </>
        )}
      </Body>
    </Card>
  );
}

/** 工作台: what this user has to do today, by role, built from the APIs the role already reads. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const { user, roles } = useAuth();
  const sections = workbenchSections(roles);
  const today = todayShanghai();
  return (
    <PageContainer
      title={t('web.workbench.title')}
      extra={<Typography.Text type="secondary">{t('web.workbench.today', { date: today })}</Typography.Text>}
    >
      <Typography.Paragraph>{t('web.workbench.hello', { name: user?.displayName ?? '' })}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {sections.includes('todo') ? (
          <Col xs={24} xl={12}>
            <TodoCard />
          </Col>
        ) : null}
        {sections.includes('appointments') ? (
          <Col xs={24} xl={12}>
            <AppointmentsCard today={today} />
          </Col>
        ) : null}
        {sections.includes('reception') ? (
          <Col xs={24} xl={12}>
            <ReceptionCard today={today} />
          </Col>
        ) : null}
        {sections.includes('figures') ? (
          <Col xs={24}>
            <FiguresCard />
          </Col>
        ) : null}
      </Row>
    </PageContainer>
  );
}
