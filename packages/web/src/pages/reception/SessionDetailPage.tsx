import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { RemoveRowButton } from '../../components/RemoveRowButton.tsx';
import { useLanguage } from '../../i18n.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import {
  type Attendance,
  type Booking,
  type Concern,
  deleteAttendance,
  getSession,
  raiseConcern,
  receptionKeys,
  recordAttendance,
} from './api.ts';
import { concernColumns } from './concernColumns.tsx';
import { categoryOptions, kindLabel, todayShanghai } from './labels.ts';

/** One reception day: bookings, who came (walk-ins too), each concern and what became of it. */
export default function SessionDetailPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const { roles } = useAuth();
  const canWrite = canAccess(roles, PERMISSIONS.enterpriseWrite);
  const qc = useQueryClient();
  const showError = useShowError();
  const q = useQuery({ queryKey: receptionKeys.session(id), queryFn: ({ signal }) => getSession(id, signal) });
  const [attOpen, setAttOpen] = useState<null | {
    bookingId?: string;
    enterpriseId?: string | null;
    people?: string[];
  }>(null);
  const [concernOpen, setConcernOpen] = useState(false);
  const [attForm] = Form.useForm();
  const [cForm] = Form.useForm();
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: receptionKeys.all });
    void qc.invalidateQueries({ queryKey: ['figures'] });
  };
  const onErr = (form: ReturnType<typeof Form.useForm>[0]) => (e: unknown) => {
    if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
    else showError(e);
  };
  const att = useMutation({
    mutationFn: (v: { enterpriseId?: string; people: { name: string; phone?: string }[] }) =>
      recordAttendance(id, {
        ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
        ...(attOpen?.bookingId ? { bookingId: attOpen.bookingId } : {}),
        people: v.people.map((p) => ({ name: p.name, ...(p.phone ? { phone: p.phone } : {}) })),
      }),
    onSuccess: () => {
      setAttOpen(null);
      refresh();
    },
    onError: onErr(attForm),
  });
  const del = useMutation({ mutationFn: deleteAttendance, onSuccess: refresh, onError: showError });
  const raise = useMutation({
    mutationFn: (v: { enterpriseId?: string; raisedBy: string; category: Concern['category']; description: string }) =>
      raiseConcern(id, { ...v, ...(v.enterpriseId ? {} : { enterpriseId: undefined }) } as never),
    onSuccess: () => {
      setConcernOpen(false);
      cForm.resetFields();
      refresh();
    },
    onError: onErr(cForm),
  });

  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const { session, bookings, attendances, concerns } = q.data;
  // who came and what they raised are recorded from the day itself: the server refuses them
  // before (接待日尚未举行), so a day still to come offers no check-in, walk-in or concern
  const held = session.date <= todayShanghai();
  const canRecord = canWrite && held;
  const notHeld =
    canWrite && !held ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('reception.notHeldYet')}
      </Typography.Text>
    ) : null;
  const checkedIn = new Set((attendances ?? []).map((a) => a.bookingId).filter(Boolean));
  const attended = new Map(
    (attendances ?? []).filter((a) => a.enterpriseId).map((a) => [a.enterpriseId!, a.enterpriseName ?? '']),
  );

  return (
    <PageContainer title={`${session.date} ${kindLabel(session.kind, lang)}`}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 'l', label: t('svc.reception.leader'), children: session.leaderName },
              {
                key: 's',
                label: t('svc.reception.sections'),
                children: session.sections.join('、') || t('common.none'),
              },
              { key: 'p', label: t('svc.reception.location'), children: session.location ?? t('common.none') },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={`${t('svc.reception.bookings')} (${bookings.filter((b) => b.status === 'booked').length})`}
        >
          <Table<Booking>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={bookings}
            locale={{ emptyText: <EmptyState /> }}
            columns={[
              { title: t('svc.reception.booker'), render: (_, b) => b.enterpriseName ?? b.name },
              {
                title: t('svc.reception.people'),
                render: (_, b) => (b.people.length ? b.people.join('、') : b.peopleCount),
              },
              { title: t('svc.common.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? t('common.none') },
              { title: t('svc.reception.concern'), dataIndex: 'concern', ellipsis: true },
              {
                title: t('svc.common.status'),
                dataIndex: 'status',
                render: (s: string) => (
                  <Tag color={s === 'booked' ? 'blue' : 'default'}>
                    {t(s === 'booked' ? 'svc.reception.booked' : 'svc.reception.cancelled')}
                  </Tag>
                ),
              },
              {
                title: t('common.actions'),
                render: (_, b) =>
                  canRecord && b.status === 'booked' && !checkedIn.has(b.id) ? (
                    <Button
                      size="small"
                      onClick={() =>
                        setAttOpen({
                          bookingId: b.id,
                          enterpriseId: b.enterpriseId,
                          people: b.people.length ? b.people : b.name ? [b.name] : [],
                        })
                      }
                    >
                      {t('svc.reception.checkIn')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={`${t('svc.reception.attendance')} (${attendances?.length ?? 0})`}
          extra={
            canRecord ? (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setAttOpen({})} data-testid="attendance-add">
                {t('svc.reception.walkIn')}
              </Button>
            ) : (
              notHeld
            )
          }
        >
          <Table<Attendance>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={attendances ?? []}
            locale={{ emptyText: <EmptyState /> }}
            data-testid="attendance-table"
            columns={[
              {
                title: t('svc.common.enterprise'),
                dataIndex: 'enterpriseName',
                render: (v: string | null) => v ?? t('svc.reception.citizen'),
              },
              { title: t('svc.reception.person'), dataIndex: 'personName' },
              { title: t('svc.common.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? t('common.none') },
              {
                title: t('svc.reception.how'),
                dataIndex: 'walkIn',
                render: (w: boolean) => (w ? t('svc.reception.walkIn') : t('svc.reception.booked')),
              },
              {
                title: t('common.actions'),
                render: (_, a) =>
                  canWrite ? (
                    <Popconfirm title={t('svc.common.confirmDelete')} onConfirm={() => del.mutate(a.id)}>
                      <Button size="small" danger type="link">
                        {t('svc.common.delete')}
                      </Button>
                    </Popconfirm>
                  ) : null,
              },
            ]}
          />
        </Card>
        <Card
          size="small"
          title={`${t('svc.reception.concerns')} (${concerns?.length ?? 0})`}
          extra={
            canRecord ? (
              <Button
                size="small"
                icon={<PlusOutlined />}
                onClick={() => setConcernOpen(true)}
                data-testid="concern-add"
              >
                {t('svc.reception.addConcern')}
              </Button>
            ) : (
              notHeld
            )
          }
        >
          <Table<Concern>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={concerns ?? []}
            locale={{ emptyText: <EmptyState /> }}
            data-testid="concern-table"
            scroll={{ x: 'max-content' }}
            columns={concernColumns(t, lang, canWrite, false)}
          />
        </Card>
      </Flex>

      <Modal
        open={attOpen !== null}
        title={t('svc.reception.attendance')}
        onCancel={() => setAttOpen(null)}
        onOk={() => attForm.submit()}
        confirmLoading={att.isPending}
        destroyOnHidden
      >
        <Form
          form={attForm}
          layout="vertical"
          onFinish={(v) => att.mutate(v)}
          initialValues={{
            enterpriseId: attOpen?.enterpriseId ?? undefined,
            people: (attOpen?.people?.length ? attOpen.people : ['']).map((name) => ({ name })),
          }}
        >
          {session.kind === 'enterprise' && !attOpen?.bookingId ? (
            <Form.Item name="enterpriseId" label={t('svc.common.enterprise')} rules={[{ required: true }]}>
              <EnterprisePicker data-testid="attendance-enterprise" />
            </Form.Item>
          ) : null}
          <Form.List name="people">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="baseline">
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={[{ required: true, whitespace: true }]}
                      style={{ flex: 1 }}
                    >
                      <Input placeholder={t('svc.reception.person')} maxLength={50} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'phone']} style={{ flex: 1 }}>
                      <Input placeholder={t('svc.common.phone')} maxLength={20} />
                    </Form.Item>
                    {fields.length > 1 ? <RemoveRowButton onClick={() => remove(f.name)} /> : null}
                  </Flex>
                ))}
                <Button type="dashed" onClick={() => add({ name: '' })} icon={<PlusOutlined />} block>
                  {t('svc.reception.addPerson')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>

      <Modal
        open={concernOpen}
        title={t('svc.reception.addConcern')}
        onCancel={() => setConcernOpen(false)}
        onOk={() => cForm.submit()}
        confirmLoading={raise.isPending}
        destroyOnHidden
      >
        <Form form={cForm} layout="vertical" onFinish={(v) => raise.mutate(v)}>
          {session.kind === 'enterprise' ? (
            <Form.Item name="enterpriseId" label={t('svc.common.enterprise')} rules={[{ required: true }]}>
              <Select
                options={[...attended].map(([value, label]) => ({ value, label }))}
                data-testid="concern-enterprise"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="raisedBy" label={t('svc.reception.raisedBy')} rules={[{ required: true, whitespace: true }]}>
            <Select
              showSearch
              options={[...new Set((attendances ?? []).map((a) => a.personName))].map((n) => ({ value: n, label: n }))}
              data-testid="concern-raised-by"
            />
          </Form.Item>
          <Form.Item name="category" label={t('svc.reception.category')} rules={[{ required: true }]}>
            <Select options={categoryOptions(lang)} data-testid="concern-category" />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('svc.reception.concern')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={3} maxLength={2000} data-testid="concern-description" />
          </Form.Item>
        </Form>
      </Modal>
    </PageContainer>
  );
}
