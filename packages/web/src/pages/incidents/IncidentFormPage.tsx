import {
  INCIDENT_LEVEL_LABELS,
  INCIDENT_LEVELS,
  INCIDENT_REPORT_SOURCE_LABELS,
  INCIDENT_REPORT_SOURCES,
  type IncidentLevel,
  type IncidentReportSource,
} from '@qingshan/core/incidents';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime, TIME_ZONE } from '../../utils/datetime.ts';
import { EnterprisePicker } from '../visits/EnterprisePicker.tsx';
import { createIncident, getIncident, type Incident, incidentKeys, updateIncident } from './api.ts';

type FormValues = {
  enterpriseId?: string;
  occurredAt?: Dayjs;
  level?: IncidentLevel;
  title?: string;
  description?: string;
  response?: string;
  reportSource?: IncidentReportSource;
};

// the picker shows wall-clock time; it is the time in Shanghai whatever the browser's zone
const toInstant = (d: Dayjs) => dayjs.tz(d.format('YYYY-MM-DDTHH:mm'), TIME_ZONE).format();
const toPicker = (iso: string) => dayjs(formatDateTime(iso), 'YYYY-MM-DD HH:mm');

function IncidentForm({ incident }: { incident: Incident | null }) {
  const { t } = useTranslation();
  const lang = coreLang(useLanguage());
  const navigate = useNavigate();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<FormValues>();
  const onError = (e: unknown) => {
    if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
    else showError(e);
  };
  const create = useMutation({
    mutationFn: (v: Required<Omit<FormValues, 'response'>> & { response?: string }) =>
      createIncident({ ...v, occurredAt: toInstant(v.occurredAt), response: v.response ?? '' }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
      message.success(t('incidents.created'));
      void navigate(`/staff/incidents/${r.id}`, { state: { removalProposalId: r.removalProposalId } });
    },
    onError,
  });
  const update = useMutation({
    mutationFn: (v: FormValues) =>
      updateIncident(incident!.id, {
        occurredAt: v.occurredAt ? toInstant(v.occurredAt) : undefined,
        level: v.level,
        title: v.title,
        description: v.description,
        response: v.response ?? '',
        reportSource: v.reportSource,
        version: incident!.version,
      }),
    onSuccess: (r) => {
      qc.setQueryData(incidentKeys.detail(r.id), r);
      void qc.invalidateQueries({ queryKey: incidentKeys.all });
      message.success(t('incidents.saved'));
      void navigate(`/staff/incidents/${r.id}`);
    },
    onError,
  });
  const initial: FormValues = incident
    ? {
        enterpriseId: incident.enterpriseId,
        occurredAt: toPicker(incident.occurredAt),
        level: incident.level,
        title: incident.title,
        description: incident.description,
        response: incident.response,
        reportSource: incident.reportSource,
      }
    : { enterpriseId: params.get('enterpriseId') ?? undefined };
  const required = (message: string) => [{ required: true, whitespace: true, message }];
  return (
    <Card style={{ maxWidth: 860 }}>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => (incident ? update.mutate(v) : create.mutate(v as never))}
      >
        <Form.Item
          label={t('incidents.enterprise')}
          name="enterpriseId"
          rules={[{ required: true, message: t('incidents.pickEnterprise') }]}
        >
          {incident ? (
            <Select disabled options={[{ value: incident.enterpriseId, label: incident.enterpriseName }]} />
          ) : (
            <EnterprisePicker data-testid="incident-enterprise" />
          )}
        </Form.Item>
        <Form.Item
          label={t('incidents.occurredAt')}
          name="occurredAt"
          rules={[{ required: true, message: t('incidents.pickTime') }]}
        >
          <DatePicker
            showTime
            format="YYYY-MM-DD HH:mm"
            data-testid="incident-occurred-at"
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          label={t('incidents.level')}
          name="level"
          extra={t('incidents.levelHelp')}
          rules={[{ required: true, message: t('incidents.pickLevel') }]}
        >
          <Select
            data-testid="incident-level"
            style={{ maxWidth: 320 }}
            options={INCIDENT_LEVELS.map((l) => ({ value: l, label: INCIDENT_LEVEL_LABELS[l][lang] }))}
          />
        </Form.Item>
        <Form.Item label={t('incidents.titleField')} name="title" rules={required(t('incidents.required'))}>
          <Input maxLength={100} placeholder={t('incidents.titlePlaceholder')} data-testid="incident-title" />
        </Form.Item>
        <Form.Item label={t('incidents.description')} name="description" rules={required(t('incidents.required'))}>
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="incident-description" />
        </Form.Item>
        <Form.Item label={t('incidents.response')} name="response">
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item
          label={t('incidents.reportSource')}
          name="reportSource"
          rules={[{ required: true, message: t('incidents.pickSource') }]}
        >
          <Select
            data-testid="incident-source"
            style={{ maxWidth: 320 }}
            options={INCIDENT_REPORT_SOURCES.map((s) => ({ value: s, label: INCIDENT_REPORT_SOURCE_LABELS[s][lang] }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={create.isPending || update.isPending}
          data-testid="incident-save"
        >
          {t('incidents.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** 登记 / 修改突发环境事件: one form for both; the enterprise is fixed once registered. */
export default function IncidentFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: incidentKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getIncident(id!, signal),
    enabled: !!id,
  });
  if (id && q.isPending) return <PageLoading />;
  if (id && q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <PageContainer title={id ? t('incidents.editTitle') : t('incidents.newTitle')}>
      <IncidentForm incident={id ? (q.data ?? null) : null} />
    </PageContainer>
  );
}
