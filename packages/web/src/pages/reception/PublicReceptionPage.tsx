import { MAX_GROUP_REPRESENTATIVES, RECEPTION_CASE_SORTS, type ReceptionCaseSort } from '@qingshan/core/reception';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Pagination,
  Select,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaff } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PhoneCodeField } from '../../components/PhoneCodeField.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { bookPublic, getSession, listCases, listSessions, receptionKeys, type SessionSummary } from './api.ts';
import { categoryLabel, kindLabel, todayShanghai } from './labels.ts';

function BookingList({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: receptionKeys.session(sessionId),
    queryFn: ({ signal }) => getSession(sessionId, signal),
  });
  if (q.isError) return <ErrorState error={q.error} />;
  return (
    <Table
      size="small"
      rowKey="id"
      loading={q.isLoading}
      pagination={false}
      dataSource={q.data?.bookings ?? []}
      columns={[
        { title: '#', render: (_v, _r, i) => i + 1, width: 50 },
        { title: t('svc.reception.booker'), render: (_v, b) => b.enterpriseName ?? b.name },
        { title: t('svc.reception.people'), dataIndex: 'peopleCount' },
      ]}
    />
  );
}

/** 服务群众接待日 for the public: book with a name and phone (no account), see the list, read cases. */
export default function PublicReceptionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const today = todayShanghai();
  const sessions = useQuery({
    queryKey: receptionKeys.sessions({ kind: 'public', from: today, sort: 'date', page: 1, pageSize: 12 }),
    queryFn: ({ signal }) => listSessions({ kind: 'public', from: today, sort: 'date', page: 1, pageSize: 12 }, signal),
  });
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<ReceptionCaseSort>('-publishedAt');
  const cases = useQuery({
    queryKey: receptionKeys.cases({ q, sort, page }),
    queryFn: ({ signal }) => listCases({ ...(q ? { q } : {}), sort, page, pageSize: 10 }, signal),
    placeholderData: keepPreviousData,
  });
  const [booking, setBooking] = useState<SessionSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [form] = Form.useForm();
  const showError = useShowError();
  const { user, roles } = useAuth();
  const book = useMutation({
    mutationFn: (v: { name: string; phone: string; people: number; concern: string; phoneCode?: string }) =>
      bookPublic(booking!.id, v),
    onSuccess: () => {
      setDone(booking!.date);
      setBooking(null);
      form.resetFields();
      void sessions.refetch();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  return (
    <PageContainer title={t('svc.public.title')}>
      <Tabs
        items={[
          {
            key: 'book',
            label: t('svc.public.book'),
            children: (
              <Flex vertical gap={12}>
                {done ? <Alert type="success" showIcon title={t('svc.public.booked', { date: done })} /> : null}
                <Typography.Paragraph type="secondary">{t('svc.public.intro')}</Typography.Paragraph>
                {sessions.isError ? (
                  <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
                ) : null}
                {sessions.data && sessions.data.items.length === 0 ? (
                  <Empty description={t('svc.public.noSessions')} />
                ) : null}
                {/* Only the session's line opens it, so the 预约 button beside it is not a control inside
                    another (a screen reader announces the whole header as one button otherwise). */}
                <Collapse
                  collapsible="header"
                  items={(sessions.data?.items ?? []).map((s) => ({
                    key: s.id,
                    label: (
                      <Flex gap={8} wrap>
                        <strong>{s.date}</strong>
                        <Tag color="green">{kindLabel(s.kind, lang)}</Tag>
                        <span>{t('common.labelled', { label: t('svc.reception.leader'), value: s.leaderName })}</span>
                        <span>{t('svc.public.bookedCount', { n: s.bookings })}</span>
                      </Flex>
                    ),
                    extra: (
                      <Button
                        size="small"
                        type="primary"
                        onClick={(e) => {
                          e.stopPropagation();
                          setBooking(s);
                        }}
                        data-testid="public-book"
                      >
                        {t('svc.public.book')}
                      </Button>
                    ),
                    children: <BookingList sessionId={s.id} />,
                  }))}
                />
              </Flex>
            ),
          },
          {
            key: 'cases',
            label: t('svc.public.cases'),
            children: (
              <Flex vertical gap={12}>
                <Flex wrap gap={8}>
                  <Input.Search
                    allowClear
                    placeholder={t('common.search')}
                    onSearch={(v) => {
                      setQ(v.trim());
                      setPage(1);
                    }}
                    style={{ width: 360, maxWidth: '100%' }}
                  />
                  <Select
                    style={{ width: 180 }}
                    aria-label={t('common.sortBy')}
                    value={sort}
                    onChange={(v) => {
                      setSort(v);
                      setPage(1);
                    }}
                    options={RECEPTION_CASE_SORTS.map((s) => ({ value: s, label: t(`reception.caseSort.${s}`) }))}
                    data-testid="reception-case-sort"
                  />
                </Flex>
                <Spin spinning={cases.isFetching}>
                  {cases.isError && !cases.data ? (
                    <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
                  ) : cases.isPending ? (
                    <div style={{ minHeight: 96 }} />
                  ) : cases.data.items.length ? (
                    <ListLines
                      items={cases.data.items}
                      rowKey="id"
                      data-testid="reception-cases"
                      renderItem={(c) => (
                        <Card
                          size="small"
                          title={c.title}
                          extra={<Tag>{categoryLabel(c.category, lang)}</Tag>}
                          style={{ width: '100%' }}
                        >
                          <Typography.Paragraph>
                            <strong>{t('svc.public.question')}</strong>
                            {c.question}
                          </Typography.Paragraph>
                          <Typography.Paragraph>
                            <strong>{t('svc.public.reply')}</strong>
                            {c.answer}
                          </Typography.Paragraph>
                          {c.resolution ? (
                            <Typography.Paragraph type="secondary">{c.resolution}</Typography.Paragraph>
                          ) : null}
                          <Typography.Text type="secondary">{c.sessionDate}</Typography.Text>
                        </Card>
                      )}
                    />
                  ) : (
                    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                  )}
                  {cases.data?.total ? (
                    <Pagination
                      align="end"
                      style={{ marginTop: 16 }}
                      current={page}
                      pageSize={10}
                      total={cases.data.total}
                      onChange={setPage}
                    />
                  ) : null}
                </Spin>
              </Flex>
            ),
          },
        ]}
      />
      <Modal
        open={booking !== null}
        title={booking ? `${booking.date} ${kindLabel(booking.kind, lang)}` : ''}
        onCancel={() => setBooking(null)}
        onOk={() => form.submit()}
        confirmLoading={book.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => book.mutate(v)} initialValues={{ people: 1 }}>
          <Form.Item name="name" label={t('svc.public.name')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={50} data-testid="public-name" />
          </Form.Item>
          <Form.Item name="phone" label={t('svc.common.phone')} rules={[{ required: true }]}>
            <Input maxLength={20} data-testid="public-phone" />
          </Form.Item>
          {isStaff(roles) ? null : <PhoneCodeField form={form} required={!user} forAccount={!!user} />}
          <Form.Item name="people" label={t('svc.reception.people')} extra={t('svc.reception.groupHelp')}>
            <InputNumber min={1} max={MAX_GROUP_REPRESENTATIVES} />
          </Form.Item>
          <Form.Item name="concern" label={t('svc.public.concern')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} data-testid="public-concern" />
          </Form.Item>
          <Typography.Text type="secondary">{t('svc.public.privacy')}</Typography.Text>
        </Form>
      </Modal>
    </PageContainer>
  );
}
