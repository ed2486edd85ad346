import { BUREAU_NAME } from '@qingshan/core';
import { todayInShanghai } from '@qingshan/core/calendar';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { industryMatches, labelContains, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { createPolicy, getPolicy, type PolicyBody, policyKeys, type StaffPolicyDetail, updatePolicy } from './api.ts';
import { industryOptions, kindOptions, topicOptions } from './labels.ts';

type Values = Omit<PolicyBody, 'validFrom' | 'validTo'> & { validFrom: Dayjs; validTo?: Dayjs | null };

const toBody = (v: Values): PolicyBody => ({
  ...v,
  documentNo: v.documentNo?.trim() || undefined,
  validFrom: v.validFrom.format('YYYY-MM-DD'),
  validTo: v.validTo ? v.validTo.format('YYYY-MM-DD') : undefined,
});

/** Writing a policy: a new draft, or an edit (a published one is corrected in place, not pushed again). */
export default function PolicyFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: policyKeys.staffDetail(id ?? ''),
    queryFn: ({ signal }) => getPolicy(id!, signal),
    enabled: !!id,
  });
  if (id && q.isPending) return <PageLoading />;
  if (id && q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <PageContainer title={t(id ? 'policies.editTitle' : 'policies.createTitle')}>
      <PolicyForm existing={id ? q.data : undefined} />
    </PageContainer>
  );
}

function PolicyForm({ existing }: { existing: StaffPolicyDetail | undefined }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      existing ? updatePolicy(existing.id, { ...toBody(v), version: existing.version }) : createPolicy(toBody(v)),
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: policyKeys.all });
      message.success(t('policies.savedDraft'));
      navigate(`/staff/policies/${p.id}`);
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const initial: Partial<Values> = existing
    ? {
        kind: existing.kind,
        title: existing.title,
        summary: existing.summary,
        body: existing.body,
        issuer: existing.issuer,
        documentNo: existing.documentNo ?? undefined,
        industries: existing.industries,
        towns: existing.towns,
        topics: existing.topics,
        validFrom: dayjs(existing.validFrom),
        validTo: existing.validTo ? dayjs(existing.validTo) : null,
        forCitizens: existing.forCitizens,
        qaOpen: existing.qaOpen,
      }
    : {
        kind: 'benefit',
        issuer: BUREAU_NAME,
        industries: [],
        towns: [],
        topics: [],
        validFrom: dayjs(todayInShanghai()),
        forCitizens: false,
        qaOpen: true,
      };
  return (
    <Card>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('policies.kind')} rules={[{ required: true }]}>
              <Select options={kindOptions(lang)} data-testid="policy-kind" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="title" label={t('policies.title')} rules={[{ required: true, min: 4, max: 100 }]}>
              <Input maxLength={100} data-testid="policy-title" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="issuer" label={t('policies.issuer')} rules={[{ required: true, min: 2, max: 100 }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="documentNo" label={t('policies.documentNo')}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="summary" label={t('policies.summary')} rules={[{ required: true, min: 4, max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} showCount data-testid="policy-summary" />
        </Form.Item>
        <Form.Item name="body" label={t('policies.body')} rules={[{ required: true, min: 10, max: 20_000 }]}>
          <Input.TextArea rows={10} maxLength={20_000} showCount data-testid="policy-text" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="topics" label={t('policies.topics')} rules={[{ required: true, type: 'array', min: 1 }]}>
              <Select mode="multiple" options={topicOptions(lang)} data-testid="policy-topics" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="validFrom" label={t('policies.validFrom')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="validTo" label={t('policies.validTo')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('policies.openEnded')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industries" label={t('policies.industries')}>
              <Select
                mode="multiple"
                allowClear
                options={industryOptions(lang)}
                filterOption={industryMatches}
                maxCount={30}
                data-testid="policy-industries"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="towns" label={t('policies.towns')}>
              <Select mode="multiple" allowClear options={townOptions(lang)} filterOption={labelContains} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="qaOpen" valuePropName="checked">
          <Checkbox>{t('policies.qaOpen')}</Checkbox>
        </Form.Item>
        <Form.Item name="forCitizens" valuePropName="checked">
          <Checkbox>{t('policies.forCitizens')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
