import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Radio, Result, Select, Tag, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess, isStaff, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { PhoneCodeField } from '../../components/PhoneCodeField.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { type Appointment, apptKeys, book, listSlots, publicServices, type Slot } from './api.ts';
import { dayHeading, plusDays, todayShanghai } from './dates.ts';
import { appointmentStatusLabel } from './labels.ts';

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
  const currentLang = useLanguage();
  const [day, setDay] = useState<string | null>(null);
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
  const lang = currentLang === 'en' ? 'en' : 'zh';
  const shown =
    day && days.includes(day)
      ? day
      : (days.find((d) => items.some((s) => s.date === d && s.available > 0)) ?? days[0]!);
  // First the day (a strip of day buttons with weekday names, scrolling sideways on a phone), then
  // that day's slots under its heading: a phone shows one day's slots, not three weeks of them.
  // Every button is at least 44 px tall, a thumb's width.
  return (
    <Flex vertical gap={12} data-testid="slot-days">
      <div
        role="tablist"
        aria-label={t('appointments.step2')}
        style={{ display: 'flex', gap: 8, overflowX: 'auto', paddingBottom: 4 }}
      >
        {days.map((d) => {
          const free = items.filter((s) => s.date === d).reduce((n, s) => n + s.available, 0);
          return (
            <Button
              key={d}
              role="tab"
              aria-selected={d === shown}
              type={d === shown ? 'primary' : 'default'}
              ghost={d === shown}
              onClick={() => setDay(d)}
              data-testid="slot-day-tab"
              style={{ minHeight: 44, height: 'auto', paddingBlock: 4, flex: '0 0 auto', lineHeight: 1.3 }}
            >
              <Flex vertical align="center">
                <span>{dayHeading(d, from, lang)}</span>
                <span style={{ fontSize: 12 }}>
                  {free === 0 ? t('appointments.full') : t('appointments.left', { n: free })}
                </span>
              </Flex>
            </Button>
          );
        })}
      </div>
      <section aria-label={dayHeading(shown, from, lang)} data-testid="slot-day">
        <SectionTitle style={{ margin: '0 0 8px' }}>{dayHeading(shown, from, lang)}</SectionTitle>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(136px, 1fr))', gap: 8 }}>
          {items
            .filter((s) => s.date === shown)
            .map((s) => (
              <Button
                key={s.id}
                type={value === s.id ? 'primary' : 'default'}
                disabled={s.available === 0}
                onClick={() => onChange(s)}
                data-testid="slot"
                aria-pressed={value === s.id}
                style={{ minHeight: 44, height: 'auto', paddingBlock: 4, whiteSpace: 'normal', lineHeight: 1.3 }}
              >
                <Flex vertical align="center">
                  <span>
                    {s.startTime}–{s.endTime}
                  </span>
                  <span style={{ fontSize: 12 }}>
                    {s.extended ? (
                      <Tag color="purple" style={{ marginInlineEnd: 4 }}>
                        {t('appointments.extended')}
                      </Tag>
                    ) : null}
                    <span>
                      {s.available === 0 ? t('appointments.full') : t('appointments.left', { n: s.available })}
                    </span>
                  </span>
                </Flex>
              </Button>
            ))}
        </div>
      </section>
    </Flex>
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
      <Descriptions.Item label={t('appointments.status')}>{appointmentStatusLabel(a.status, lang)}</Descriptions.Item>
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
  const isEnterprise = canAccess(roles, PERMISSIONS.bookAsEnterprise);
  // staff booking for a caller and enterprise accounts need no code; a citizen account only for
  // a phone other than its own (the server decides)
  const codeField = !isStaff(roles) && !isEnterprise;
  // On a phone the form is below a long list of slots: bring it into view once a slot is chosen.
  const formRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (slot) formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [slot]);
  const mutation = useMutation({
    mutationFn: (v: {
      name?: string;
      phone?: string;
      phoneCode?: string;
      email?: string;
      matter: string;
      note?: string;
    }) =>
      book({
        slotId: slot!.id,
        matter: v.matter,
        ...(v.phoneCode ? { phoneCode: v.phoneCode } : {}),
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
        aria-label={t('appointments.pickWindow')}
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
        <Card
          ref={formRef}
          data-testid="booking-form"
          style={{ scrollMarginTop: 8 }}
          title={t('appointments.step3', { slot: `${slot.date} ${slot.startTime}–${slot.endTime}` })}
        >
          <Form form={form} layout="vertical" style={{ maxWidth: 480 }} onFinish={(v) => mutation.mutate(v)}>
            {user && isEnterprise ? (
              <Typography.Paragraph type="secondary">
                {t('appointments.asEnterprise', { name: user.enterpriseName ?? '' })}
              </Typography.Paragraph>
            ) : null}
            <Form.Item
              name="name"
              label={t('appointments.name')}
              rules={[{ required: !isEnterprise, message: t('appointments.nameRequired') }]}
            >
              <Input maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('appointments.phone')}
              rules={[
                { required: !isEnterprise, message: t('appointments.phoneRequired') },
                { pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, message: t('appointments.phoneInvalid') },
              ]}
            >
              <Input maxLength={20} autoComplete="tel" />
            </Form.Item>
            {codeField ? <PhoneCodeField form={form} required={!user} forAccount={!!user} /> : null}
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
