import { APPOINTMENT_STATUS_LABELS } from '@qingshan/core/appointments';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { type Appointment, apptKeys, book, listSlots, publicServices, type Slot } from './api.ts';
import { plusDays, todayShanghai } from './dates.ts';

/** Slots grouped by day, each a button; extended-hours slots are tagged 延时服务. */
export function SlotPicker({
  serviceId,
  value,
  onChange,
  onlyExtended,
}: {
  serviceId: string;
  value: string | null;
  onChange: (slot: Slot) => void;
  onlyExtended?: boolean;
}) {
  const { t } = useTranslation();
  const from = todayShanghai();
  const to = plusDays(from, 20);
  const slots = useQuery({
    queryKey: apptKeys.slots(serviceId, from, to, false),
    queryFn: ({ signal }) => listSlots(serviceId, from, to, false, signal),
  });
  if (slots.isPending) return <PageLoading />;
  if (slots.isError) return <ErrorState error={slots.error} onRetry={() => void slots.refetch()} />;
  const now = Date.now();
  const items = slots.data.items.filter(
    (s) => (!onlyExtended || s.extended) && new Date(`${s.date}T${s.startTime}:00+08:00`).getTime() > now,
  );
  if (items.length === 0) return <EmptyState description={t('appointments.noSlots')} />;
  const days = [...new Set(items.map((s) => s.date))];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {days.map((d) => (
        <Flex key={d} gap={8} wrap align="center">
          <Typography.Text strong style={{ width: 110 }}>
            {d}
          </Typography.Text>
          {items
            .filter((s) => s.date === d)
            .map((s) => (
              <Button
                key={s.id}
                size="small"
                type={value === s.id ? 'primary' : 'default'}
                disabled={s.available === 0}
                onClick={() => onChange(s)}
              >
                {s.startTime}–{s.endTime}
                {s.extended ? (
                  <Tag color="purple" style={{ marginInlineStart: 4 }}>
                    {t('appointments.extended')}
                  </Tag>
                ) : null}
                <Typography.Text type="secondary" style={{ marginInlineStart: 4, fontSize: 12 }}>
                  {s.available === 0 ? t('appointments.full') : t('appointments.left', { n: s.available })}
                </Typography.Text>
              </Button>
            ))}
        </Flex>
      ))}
    </Space>
  );
}

export function AppointmentCard({ a }: { a: Appointment }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Descriptions bordered size="small" column={1}>
      <Descriptions.Item label={t('appointments.code')}>
        <Typography.Text copyable strong>
          {a.code}
        </Typography.Text>
      </Descriptions.Item>
      <Descriptions.Item label={t('appointments.window')}>
        {a.serviceName} {a.location ? `（${a.location}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('appointments.time')}>
        {a.date} {a.startTime}–{a.endTime} {a.extended ? <Tag color="purple">{t('appointments.extended')}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('appointments.applicant')}>
        {a.name} {a.phone}
      </Descriptions.Item>
      <Descriptions.Item label={t('appointments.matter')}>{a.matter}</Descriptions.Item>
      <Descriptions.Item label={t('appointments.status')}>
        {APPOINTMENT_STATUS_LABELS[a.status][lang === 'en' ? 'en' : 'zh']}
      </Descriptions.Item>
    </Descriptions>
  );
}

/** 预约服务 / 延时服务: anyone books a window slot; citizens need only a name and phone. */
export default function BookAppointmentPage() {
  const { t } = useTranslation();
  const { user, roles } = useAuth();
  const showError = useShowError();
  const [form] = Form.useForm();
  const services = useQuery({ queryKey: apptKeys.services(false), queryFn: ({ signal }) => publicServices(signal) });
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [onlyExtended, setOnlyExtended] = useState(false);
  const [done, setDone] = useState<Appointment | null>(null);
  const isEnterprise = roles.includes('enterprise');
  const mutation = useMutation({
    mutationFn: (v: { name?: string; phone?: string; email?: string; matter: string; note?: string }) =>
      book({
        slotId: slot!.id,
        matter: v.matter,
        ...(v.name ? { name: v.name } : {}),
        ...(v.phone ? { phone: v.phone } : {}),
        ...(v.email ? { email: v.email } : {}),
        ...(v.note ? { note: v.note } : {}),
      }),
    onSuccess: setDone,
    onError: showError,
  });

  if (done) {
    return (
      <PageContainer title={t('appointments.bookTitle')}>
        <Result status="success" title={t('appointments.booked')} subTitle={t('appointments.keepCode')} />
        <Card style={{ maxWidth: 640, margin: '0 auto' }}>
          <AppointmentCard a={done} />
          <Flex gap={8} style={{ marginTop: 16 }}>
            <Link to={`/appointments/lookup?code=${done.code}`}>
              <Button>{t('appointments.manage')}</Button>
            </Link>
            <Button
              onClick={() => {
                setDone(null);
                setSlot(null);
                form.resetFields();
              }}
            >
              {t('appointments.bookAnother')}
            </Button>
          </Flex>
        </Card>
      </PageContainer>
    );
  }

  let serviceBody: ReactNode;
  if (services.isPending) serviceBody = <PageLoading />;
  else if (services.isError)
    serviceBody = <ErrorState error={services.error} onRetry={() => void services.refetch()} />;
  else if (services.data.items.length === 0) serviceBody = <EmptyState description={t('appointments.noServices')} />;
  else
    serviceBody = (
      <Select
        style={{ width: '100%', maxWidth: 480 }}
        placeholder={t('appointments.pickWindow')}
        value={serviceId}
        onChange={(v) => {
          setServiceId(v);
          setSlot(null);
        }}
        options={services.data.items.map((s) => ({ value: s.id, label: `${s.name}（${s.location}）` }))}
      />
    );

  return (
    <PageContainer
      title={t('appointments.bookTitle')}
      extra={<Link to="/appointments/lookup">{t('appointments.lookupLink')}</Link>}
    >
      <Alert type="info" showIcon title={t('appointments.intro')} style={{ marginBottom: 16 }} />
      <Card title={t('appointments.step1')} style={{ marginBottom: 16 }}>
        {serviceBody}
      </Card>
      {serviceId ? (
        <Card
          title={t('appointments.step2')}
          style={{ marginBottom: 16 }}
          extra={
            <Radio.Group value={onlyExtended} onChange={(e) => setOnlyExtended(e.target.value)} size="small">
              <Radio.Button value={false}>{t('common.all')}</Radio.Button>
              <Radio.Button value={true}>{t('appointments.onlyExtended')}</Radio.Button>
            </Radio.Group>
          }
        >
          <SlotPicker serviceId={serviceId} value={slot?.id ?? null} onChange={setSlot} onlyExtended={onlyExtended} />
        </Card>
      ) : null}
      {slot ? (
        <Card title={t('appointments.step3', { slot: `${slot.date} ${slot.startTime}–${slot.endTime}` })}>
          <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => mutation.mutate(v)}>
            {user && isEnterprise ? (
              <Typography.Paragraph type="secondary">
                {t('appointments.asEnterprise', { name: user.enterpriseName ?? '' })}
              </Typography.Paragraph>
            ) : null}
            <Form.Item
              name="name"
              label={t('appointments.name')}
              rules={[{ required: !user, message: t('appointments.nameRequired') }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('appointments.phone')}
              rules={[
                { required: !user, message: t('appointments.phoneRequired') },
                { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('appointments.phoneInvalid') },
              ]}
            >
              <Input maxLength={20} autoComplete="tel" />
            </Form.Item>
            <Form.Item
              name="matter"
              label={t('appointments.matter')}
              rules={[{ required: true, min: 2, message: t('appointments.matterRequired') }]}
            >
              <Input maxLength={200} placeholder={t('appointments.matterPlaceholder')} />
            </Form.Item>
            {user ? null : (
              <Form.Item
                name="email"
                label={t('appointments.email')}
                rules={[{ type: 'email', message: t('appointments.emailInvalid') }]}
                extra={t('appointments.emailHelp')}
              >
                <Input maxLength={200} autoComplete="email" />
              </Form.Item>
            )}
            <Form.Item name="note" label={t('appointments.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={mutation.isPending}>
              {t('appointments.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </PageContainer>
  );
}
