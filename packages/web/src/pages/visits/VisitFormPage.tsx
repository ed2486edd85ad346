import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, DatePicker, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { RemoveRowButton } from '../../components/RemoveRowButton.tsx';
import { useLanguage } from '../../i18n.ts';
import { createVisit, listCampaigns, type VisitCreate, visitKeys } from './api.ts';
import { EnterprisePicker } from './EnterprisePicker.tsx';
import { purposeOptions } from './labels.ts';

type FormValues = {
  date: Dayjs;
  campaignId?: string;
  staff: { name: string; leader?: boolean }[];
  enterpriseIds: string[];
  purposes: VisitCreate['purposes'];
  summary: string;
  internalNote?: string;
  /** per enterprise id: its part of a joint visit */
  findings?: Record<string, string | undefined>;
  followUps?: { enterpriseId?: string; action: string; dueDate: Dayjs; internal?: boolean }[];
};

/** Record a visit after it happened: one or several enterprises, staff (leaders flagged), follow-ups. */
export default function VisitFormPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const showError = useShowError();
  const [form] = Form.useForm<FormValues>();
  const campaigns = useQuery({
    queryKey: visitKeys.campaigns({ all: true }),
    queryFn: ({ signal }) => listCampaigns({ page: 1, pageSize: 200 }, signal),
  });
  const pre = params.get('enterpriseId');
  const enterpriseIds = Form.useWatch('enterpriseIds', form) ?? [];
  // a joint visit's parts are labelled by enterprise name (its id is no one's business)
  const [names, setNames] = useState<Map<string, string>>(() => new Map(pre ? [[pre, params.get('name') ?? '']] : []));
  const nameOf = (id: string, i: number) => names.get(id) || `${t('svc.common.enterprise')} ${i + 1}`;
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      createVisit({
        date: v.date.format('YYYY-MM-DD'),
        ...(v.campaignId ? { campaignId: v.campaignId } : {}),
        staff: v.staff.map((s) => ({ name: s.name, leader: !!s.leader })),
        enterprises: v.enterpriseIds.map((id) => {
          const findings = v.findings?.[id]?.trim();
          return { enterpriseId: id, ...(findings ? { findings } : {}) };
        }),
        purposes: v.purposes,
        summary: v.summary,
        ...(v.internalNote?.trim() ? { internalNote: v.internalNote.trim() } : {}),
        followUps: (v.followUps ?? []).map((f) => ({
          ...(f.enterpriseId ? { enterpriseId: f.enterpriseId } : {}),
          action: f.action,
          dueDate: f.dueDate.format('YYYY-MM-DD'),
          internal: !!f.internal,
        })),
      }),
    onSuccess: (v) => navigate(`/staff/visits/${v.id}`),
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) {
        applyFieldErrors(
          form,
          e.errors.map((x) => ({ ...x, path: x.path.startsWith('enterprises') ? 'enterpriseIds' : x.path })),
        );
      } else showError(e);
    },
  });
  return (
    <PageContainer title={t('svc.visits.create')}>
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={(v) => save.mutate(v)}
          initialValues={{
            date: dayjs(),
            staff: [{ name: user?.displayName ?? '', leader: false }],
            enterpriseIds: pre ? [pre] : [],
            purposes: [],
          }}
          style={{ maxWidth: 760 }}
        >
          <Flex gap={16} wrap>
            <Form.Item name="date" label={t('svc.common.date')} rules={[{ required: true }]}>
              <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item name="campaignId" label={t('svc.visits.campaign')} style={{ minWidth: 'min(320px, 100%)' }}>
              <Select
                allowClear
                options={(campaigns.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: t('common.parenthetical', { text: c.theme, note: `${c.startDate}—${c.endDate}` }),
                }))}
              />
            </Form.Item>
          </Flex>
          <Form.Item
            name="enterpriseIds"
            label={t('svc.visits.enterprises')}
            // required of an array already refuses an empty one; `min: 1` said it a second time
            rules={[{ required: true, type: 'array' }]}
          >
            <EnterprisePicker
              multiple
              options={pre ? [{ value: pre, label: params.get('name') ?? pre }] : []}
              onNames={setNames}
              data-testid="visit-enterprises"
            />
          </Form.Item>
          <Form.Item label={t('svc.visits.staff')} required>
            <Form.List name="staff">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="baseline">
                      <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                        <Input maxLength={50} placeholder={t('svc.visits.staffName')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'leader']} valuePropName="checked">
                        <Checkbox>{t('svc.visits.isLeader')}</Checkbox>
                      </Form.Item>
                      {fields.length > 1 ? <RemoveRowButton onClick={() => remove(f.name)} /> : null}
                    </Flex>
                  ))}
                  <Button type="dashed" onClick={() => add({ name: '', leader: false })} icon={<PlusOutlined />}>
                    {t('svc.visits.addStaff')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item name="purposes" label={t('svc.visits.purposes')} rules={[{ required: true, type: 'array' }]}>
            <Select mode="multiple" options={purposeOptions(lang)} data-testid="visit-purposes" />
          </Form.Item>
          <Form.Item name="summary" label={t('svc.visits.summary')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="visit-summary" />
          </Form.Item>
          {enterpriseIds.map((id: string, i: number) => (
            <Form.Item
              key={id}
              name={['findings', id]}
              label={
                enterpriseIds.length > 1
                  ? t('svc.visits.findingsOf', { name: nameOf(id, i) })
                  : t('svc.visits.findings')
              }
              extra={enterpriseIds.length > 1 && i === 0 ? t('svc.visits.jointHint') : undefined}
            >
              <Input.TextArea
                rows={2}
                maxLength={2000}
                placeholder={t('svc.visits.findingsPlaceholder')}
                data-testid="visit-findings"
              />
            </Form.Item>
          ))}
          <Form.Item name="internalNote" label={t('svc.visits.internalNote')} extra={t('svc.visits.internalNoteHelp')}>
            <Input.TextArea rows={2} maxLength={2000} data-testid="visit-internal-note" />
          </Form.Item>
          <Form.Item label={t('svc.visits.followUps')}>
            <Form.List name="followUps">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8} align="baseline" wrap>
                      <Form.Item
                        name={[f.name, 'action']}
                        rules={[{ required: true, whitespace: true }]}
                        style={{ minWidth: 'min(260px, 100%)' }}
                      >
                        <Input maxLength={500} placeholder={t('svc.visits.followUpAction')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'enterpriseId']} style={{ minWidth: 200 }}>
                        <Select
                          allowClear
                          aria-label={t('svc.common.enterprise')}
                          placeholder={t('svc.common.enterprise')}
                          options={enterpriseIds.map((id: string, i: number) => ({ value: id, label: nameOf(id, i) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'dueDate']} rules={[{ required: true }]}>
                        <DatePicker placeholder={t('svc.reception.dueDate')} />
                      </Form.Item>
                      <Form.Item name={[f.name, 'internal']} valuePropName="checked">
                        <Checkbox>{t('svc.visits.internal')}</Checkbox>
                      </Form.Item>
                      <RemoveRowButton onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" onClick={() => add()} icon={<PlusOutlined />}>
                    {t('svc.visits.addFollowUp')}
                  </Button>
                </>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="visit-save">
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </PageContainer>
  );
}
