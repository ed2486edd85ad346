import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Card, Empty, Grid, Tabs, Tag, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { ListLine, ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDate, formatDateTime } from '../../utils/datetime.ts';
import { type AppointmentQuery, listAppointments } from '../appointments/api.ts';
import { appointmentStatusLabel } from '../appointments/labels.ts';
import { type DisclosureQuery, disclosureKeys, listRequests } from '../disclosure/api.ts';
import { STATUS_COLORS as DISCLOSURE_COLORS, disclosureStatusLabel } from '../disclosure/labels.ts';
import { getInbox, inboxKeys, markAllRead, markRead } from '../inbox/api.ts';
import { listPetitions, type PetitionQuery } from '../petitions/api.ts';
import { STATUS_COLORS, statusLabel } from '../petitions/labels.ts';
import { myBookings } from '../reception/api.ts';

export const MY_TABS = ['messages', 'bookings', 'petitions', 'disclosure'] as const;
type MyTab = (typeof MY_TABS)[number];

function QueryBody<T>({
  q,
  empty,
  children,
}: {
  q: { isPending: boolean; isError: boolean; error: unknown; data: T | undefined; refetch: () => unknown };
  empty: (d: T) => boolean;
  children: (d: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (q.isPending) return <PageLoading />;
  if (q.isError || q.data === undefined) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (empty(q.data)) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('common.empty')} />;
  return <>{children(q.data)}</>;
}

/** A message's link, when it points at a page a citizen can open (not the staff console). */
function citizenLink(link: string | null): string | null {
  return link?.startsWith('/') && !link.startsWith('//') && !link.startsWith('/staff') ? link : null;
}

function Messages() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const showError = useShowError();
  const query = { page: 1, pageSize: 50 };
  const q = useQuery({ queryKey: inboxKeys.list(query), queryFn: ({ signal }) => getInbox(query, signal) });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['inbox'] });
  const read = useMutation({ mutationFn: markRead, onSuccess: refresh, onError: showError });
  const readAll = useMutation({ mutationFn: markAllRead, onSuccess: refresh, onError: showError });
  return (
    <QueryBody q={q} empty={(d) => d.items.length === 0}>
      {(d) => (
        <div data-testid="my-messages">
          {d.items.some((n) => !n.readAt) ? (
            <Button
              size="small"
              loading={readAll.isPending}
              onClick={() => readAll.mutate()}
              style={{ marginBottom: 12 }}
            >
              {t('inbox.readAll')}
            </Button>
          ) : null}
          <ListLines
            items={d.items}
            rowKey="id"
            renderItem={(n) => {
              const link = citizenLink(n.link);
              return (
                // reading a message (following its link, or a click on it) marks it read
                // biome-ignore lint/a11y/noStaticElementInteractions: the keyboard reaches the link inside, whose click this catches; 全部标为已读 serves the rest
                // biome-ignore lint/a11y/useKeyWithClickEvents: as above
                <div onClick={() => (n.readAt ? undefined : read.mutate(n.id))}>
                  <ListLine
                    title={
                      <Badge dot={!n.readAt} offset={[6, 0]}>
                        {link ? <Link to={link}>{n.title}</Link> : n.title}
                      </Badge>
                    }
                    description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.body}</span>}
                    extra={<Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>}
                  />
                </div>
              );
            }}
          />
        </div>
      )}
    </QueryBody>
  );
}

function Bookings() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query: AppointmentQuery = { page: 1, pageSize: 50, sort: '-startsAt' };
  const windows = useQuery({
    queryKey: ['appointments', 'mine', query],
    queryFn: ({ signal }) => listAppointments(query, signal),
  });
  const reception = useQuery({ queryKey: ['reception', 'mine'], queryFn: ({ signal }) => myBookings(signal) });
  return (
    <>
      <Card size="small" title={t('web.my.windowBookings')} style={{ marginBottom: 16 }}>
        <QueryBody q={windows} empty={(d) => d.items.length === 0}>
          {(d) => (
            <div data-testid="my-appointments">
              <ListLines
                items={d.items}
                rowKey="id"
                renderItem={(a) => (
                  <ListLine
                    title={
                      <>
                        {`${a.date} ${a.startTime}–${a.endTime} ${a.serviceName}`}{' '}
                        <Tag>{appointmentStatusLabel(a.status, lang)}</Tag>
                      </>
                    }
                    description={`${t('common.labelled', { label: t('web.my.code'), value: a.code })} · ${a.matter}`}
                    extra={
                      // only a booking still 已预约 can be moved or cancelled (the server refuses the rest);
                      // a served one is looked up to read it or rate it
                      <Link to={`/appointments/lookup?code=${encodeURIComponent(a.code)}`}>
                        {t(a.status === 'booked' ? 'web.my.manage' : 'web.my.view')}
                      </Link>
                    }
                  />
                )}
              />
            </div>
          )}
        </QueryBody>
      </Card>
      <Card size="small" title={t('web.my.receptionBookings')}>
        <QueryBody q={reception} empty={(d) => d.items.length === 0}>
          {(d) => (
            <div data-testid="my-reception-bookings">
              <ListLines
                items={d.items}
                rowKey="id"
                renderItem={(b) => (
                  <ListLine
                    title={`${b.sessionDate} ${t('web.my.receptionDay')}`}
                    description={`${t('web.my.people', { count: b.peopleCount })} · ${b.concern}`}
                  />
                )}
              />
            </div>
          )}
        </QueryBody>
      </Card>
    </>
  );
}

function Petitions() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query: PetitionQuery = { page: 1, pageSize: 50, sort: '-receivedAt' };
  const q = useQuery({ queryKey: ['petitions', 'mine', query], queryFn: ({ signal }) => listPetitions(query, signal) });
  return (
    <QueryBody q={q} empty={(d) => d.items.length === 0}>
      {(d) => (
        <div data-testid="my-petitions">
          <ListLines
            items={d.items}
            rowKey="id"
            renderItem={(p) => (
              <ListLine
                extra={
                  // by id: the server serves her own petition to her account, so she need not type her phone;
                  // the code stays for the form should the session have ended
                  <Link to={`/petitions/track?id=${encodeURIComponent(p.id)}&code=${encodeURIComponent(p.code)}`}>
                    {t('web.my.progress')}
                  </Link>
                }
                title={
                  <>
                    {p.title} <Tag color={STATUS_COLORS[p.status]}>{statusLabel(p.status, lang)}</Tag>
                  </>
                }
                description={[
                  t('common.labelled', { label: t('web.my.code'), value: p.code }),
                  t('web.my.received', { date: formatDate(p.receivedAt) }),
                  p.resolutionDueDate ? t('web.my.due', { date: p.resolutionDueDate }) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            )}
          />
        </div>
      )}
    </QueryBody>
  );
}

const TWO_LINES: CSSProperties = {
  display: '-webkit-box',
  WebkitLineClamp: 2,
  WebkitBoxOrient: 'vertical',
  overflow: 'hidden',
};

function DisclosureRequests() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const query: DisclosureQuery = { page: 1, pageSize: 50, sort: '-receivedAt' };
  // the server answers a citizen with her own requests only
  const q = useQuery({
    queryKey: disclosureKeys.list({ own: true, ...query }),
    queryFn: ({ signal }) => listRequests(query, signal),
  });
  return (
    <QueryBody q={q} empty={(d) => d.items.length === 0}>
      {(d) => (
        <ListLines
          data-testid="my-disclosure"
          items={d.items}
          rowKey="id"
          renderItem={(r) => (
            <ListLine
              // what she asked for names the request; a long one is cut at two lines
              title={<span style={TWO_LINES}>{r.description}</span>}
              description={
                <>
                  <Tag color={DISCLOSURE_COLORS[r.status]}>{disclosureStatusLabel(r.status, lang)}</Tag>
                  {[
                    t('common.labelled', { label: t('web.my.code'), value: r.code }),
                    t('web.my.received', { date: formatDate(r.receivedAt) }),
                    r.dueDate && r.status !== 'answered' ? t('web.my.due', { date: r.dueDate }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </>
              }
              extra={
                // the citizen's only page for a request is the public look-up, which asks for the
                // phone it was filed with; the code is filled in
                <Link to={`/disclosure/track?code=${encodeURIComponent(r.code)}`}>{t('web.my.progress')}</Link>
              }
            />
          )}
        />
      )}
    </QueryBody>
  );
}

/** 我的: a signed-in citizen's messages, bookings, petitions and disclosure requests, each from the API scoped to them. */
export default function MyPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const phone = Grid.useBreakpoint().xs === true;
  const [params, setParams] = useSearchParams();
  const tab: MyTab = (MY_TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as MyTab)
    : 'messages';
  return (
    <PageContainer
      title={t('web.my.title')}
      extra={
        <>
          <ButtonLink to="/appointments">{t('web.my.book')}</ButtonLink>
          <ButtonLink to="/petitions/submit">{t('web.my.petition')}</ButtonLink>
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('web.my.hello', { name: user?.displayName ?? '' })}
      </Typography.Paragraph>
      <Tabs
        // four tabs stay whole on a phone: antd's overflow menu would put a button inside the tablist
        tabBarGutter={phone ? 16 : undefined}
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'messages', label: t('web.my.messages'), children: <Messages /> },
          { key: 'bookings', label: t('web.my.bookings'), children: <Bookings /> },
          { key: 'petitions', label: t('web.my.petitions'), children: <Petitions /> },
          { key: 'disclosure', label: t('web.my.disclosure'), children: <DisclosureRequests /> },
        ]}
      />
    </PageContainer>
  );
}
