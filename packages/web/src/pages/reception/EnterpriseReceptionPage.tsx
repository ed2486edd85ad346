import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState } from '../../components/QueryState.tsx';
import { RemoveRowButton } from '../../components/RemoveRowButton.tsx';
import { useLanguage } from '../../i18n.ts';
import { EventRatingAction, useEventRatings } from '../ratings/EventRating.tsx';
import {
  bookEnterprise,
  type Concern,
  cancelBooking,
  listConcerns,
  listSessions,
  myBookings,
  receptionCaps,
  receptionKeys,
  type SessionSummary,
} from './api.ts';
import { categoryLabel, STATUS_COLORS, statusLabel, todayShanghai } from './labels.ts';

/** The enterprise's side: book a 服务企业接待日, see its bookings and how its concerns went, and rate them once over. */
export default function EnterpriseReceptionPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const qc = useQueryClient();
  const showError = useShowError();
  const today = todayShanghai();
  const sq = { kind: 'enterprise' as const, from: today, sort: 'date' as const, page: 1, pageSize: 12 };
  const sessions = useQuery({
    queryKey: receptionKeys.sessions(sq),
    queryFn: ({ signal }) => listSessions(sq, signal),
  });
  const mine = useQuery({ queryKey: receptionKeys.mine, queryFn: ({ signal }) => myBookings(signal) });
  const cq = { page: 1, pageSize: 50 };
  const concerns = useQuery({
    queryKey: receptionKeys.concerns(cq),
    queryFn: ({ signal }) => listConcerns(cq, signal),
  });
  const ratingOf = useEventRatings(
    'reception-concern',
    (concerns.data?.items ?? []).map((c) => c.id),
  );
  const caps = useQuery({ queryKey: ['rules', 'reception-caps'], queryFn: ({ signal }) => receptionCaps(signal) });
  const maxPeople = caps.data?.maxPeoplePerEnterprise ?? 3;
  const [booking, setBooking] = useState<SessionSummary | null>(null);
  const [form] = Form.useForm();
  const refresh = () => void qc.invalidateQueries({ queryKey: receptionKeys.all });
  const book = useMutation({
    mutationFn: (v: { people: string[]; contactPhone?: string; concern: string }) =>
      bookEnterprise(booking!.id, {
        people: v.people,
        concern: v.concern,
        ...(v.contactPhone ? { contactPhone: v.contactPhone } : {}),
      }),
    onSuccess: () => {
      setBooking(null);
      form.resetFields();
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  const cancel = useMutation({ mutationFn: cancelBooking, onSuccess: refresh, onError: showError });
  const bookedIds = new Set((mine.data?.items ?? []).filter((b) => b.status === 'booked').map((b) => b.sessionId));
  return (
    <PageContainer title={t('svc.reception.enterpriseTitle')}>
      <Flex vertical gap={16}>
        {caps.data ? (
          <Alert
            type="info"
            showIcon
            title={t('svc.reception.caps', {
              enterprises: caps.data.maxEnterprisesPerDay,
              people: caps.data.maxPeoplePerEnterprise,
            })}
          />
        ) : null}
        <Card size="small" title={t('svc.reception.upcoming')}>
          {sessions.isError ? <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} /> : null}
          <RecordTable<SessionSummary>
            rowKey="id"
            size="small"
            pagination={false}
            loading={sessions.isLoading}
            dataSource={sessions.data?.items ?? []}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('svc.common.date'), dataIndex: 'date' },
              { title: t('svc.reception.leader'), dataIndex: 'leaderName' },
              { title: t('svc.reception.sections'), dataIndex: 'sections', render: (s: string[]) => s.join('、') },
              { title: t('svc.reception.bookedEnterprises'), dataIndex: 'bookedEnterprises' },
              {
                title: t('common.actions'),
                render: (_, s) =>
                  bookedIds.has(s.id) ? (
                    <Tag color="blue">{t('svc.reception.booked')}</Tag>
                  ) : (
                    <Button size="small" type="primary" onClick={() => setBooking(s)} data-testid="enterprise-book">
                      {t('svc.public.book')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('svc.reception.myBookings')}>
          <RecordTable
            rowKey="id"
            size="small"
            pagination={false}
            loading={mine.isLoading}
            dataSource={mine.data?.items ?? []}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('svc.common.date'), dataIndex: 'sessionDate' },
              { title: t('svc.reception.people'), dataIndex: 'people', render: (p: string[]) => p.join('、') },
              { title: t('svc.reception.concern'), dataIndex: 'concern', ellipsis: true },
              {
                title: t('svc.common.status'),
                dataIndex: 'status',
                render: (s: string) => t(s === 'booked' ? 'svc.reception.booked' : 'svc.reception.cancelled'),
              },
              {
                title: t('common.actions'),
                render: (_, b) =>
                  b.status === 'booked' && b.sessionDate >= today ? (
                    <Popconfirm title={t('svc.reception.cancelConfirm')} onConfirm={() => cancel.mutate(b.id)}>
                      <Button size="small">{t('common.cancel')}</Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card size="small" title={t('svc.reception.myConcerns')}>
          <RecordTable<Concern>
            rowKey="id"
            size="small"
            loading={concerns.isLoading}
            dataSource={concerns.data?.items ?? []}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('svc.common.date'), dataIndex: 'sessionDate' },
              {
                title: t('svc.reception.category'),
                dataIndex: 'category',
                render: (c: Concern['category']) => categoryLabel(c, lang),
              },
              { title: t('svc.reception.concern'), dataIndex: 'description', ellipsis: true },
              { title: t('svc.reception.answerText'), dataIndex: 'answer', ellipsis: true },
              { title: t('svc.reception.dueDate'), dataIndex: 'dueDate' },
              {
                title: t('svc.common.status'),
                dataIndex: 'status',
                render: (s: Concern['status']) => <Tag color={STATUS_COLORS[s]}>{statusLabel(s, lang)}</Tag>,
              },
              {
                title: t('ratings.column'),
                key: 'rating',
                width: 150,
                render: (_, c) => <EventRatingAction eventType="reception-concern" state={ratingOf(c.id)} />,
              },
            ]}
          />
        </Card>
      </Flex>
      <Modal
        open={booking !== null}
        title={booking?.date}
        onCancel={() => setBooking(null)}
        onOk={() => form.submit()}
        confirmLoading={book.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => book.mutate(v)} initialValues={{ people: [''] }}>
          <Form.List name="people">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item name={f.name} rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                      <Input placeholder={t('svc.reception.person')} maxLength={50} />
                    </Form.Item>
                    {fields.length > 1 ? <RemoveRowButton onClick={() => remove(f.name)} /> : null}
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  disabled={fields.length >= maxPeople}
                  onClick={() => add('')}
                  icon={<PlusOutlined />}
                  block
                >
                  {t('svc.reception.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="contactPhone" label={t('svc.common.phone')} style={{ marginTop: 12 }}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="concern" label={t('svc.public.concern')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
