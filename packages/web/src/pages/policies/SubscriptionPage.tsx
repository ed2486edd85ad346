import { POLICY_KINDS, POLICY_TOPICS } from '@qingshan/core/policies';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Popconfirm, Select, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { industryMatches, labelContains, townOptions } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { cancelSubscription, getSubscription, policyKeys, type SubscriptionBody, saveSubscription } from './api.ts';
import { industryOptions, kindOptions, topicOptions } from './labels.ts';
import { POLICY_PERMISSIONS } from './permissions.ts';

/**
 * 政策订阅: by industry, town, topic and kind; each left empty means any. Enterprises in their
 * portal; citizens on the public portal (they are sent the notices the bureau marks for them).
 */
export default function SubscriptionPage() {
  const { t } = useTranslation();
  const { roles, loading } = useAuth();
  if (loading) return <PageLoading />;
  if (!canAccess(roles, POLICY_PERMISSIONS.reader)) {
    return (
      <PageContainer title={t('policies.subscription')}>
        <Alert type="info" showIcon title={t('policies.signInToSubscribe')} />
        <ButtonLink type="primary" style={{ marginTop: 16 }} to="/login?redirect=/policies/subscription">
          {t('policies.signIn')}
        </ButtonLink>
      </PageContainer>
    );
  }
  return <SubscriptionForm />;
}

function SubscriptionForm() {
  const { t } = useTranslation();
  const enterpriseFace = useLocation().pathname.startsWith('/enterprise/');
  const lang = useLanguage();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<SubscriptionBody>();
  const q = useQuery({ queryKey: policyKeys.subscription, queryFn: ({ signal }) => getSubscription(signal) });
  const save = useMutation({
    mutationFn: saveSubscription,
    onSuccess: (s) => {
      qc.setQueryData(policyKeys.subscription, s);
      message.success(t('policies.saved'));
    },
    onError: (e) => {
      if (e instanceof ApiError) applyFieldErrors(form, e);
      showError(e);
    },
  });
  const cancel = useMutation({
    mutationFn: cancelSubscription,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: policyKeys.subscription });
      form.setFieldsValue({ industries: [], towns: [], topics: [], kinds: [] });
      message.success(t('policies.unsubscribed'));
    },
    onError: showError,
  });
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const s = q.data;
  return (
    <PageContainer
      title={
        <Space>
          {t('policies.subscription')}
          {s.subscribed ? (
            <Tag color="green">{t('policies.subscribed')}</Tag>
          ) : (
            <Tag>{t('policies.notSubscribed')}</Tag>
          )}
        </Space>
      }
      extra={
        enterpriseFace ? (
          <ButtonLink to="/enterprise/policies">{t('policies.myMenu')}</ButtonLink>
        ) : (
          <ButtonLink to="/policies">{t('policies.publicTitle')}</ButtonLink>
        )
      }
    >
      <Alert
        type="info"
        showIcon
        title={t(enterpriseFace ? 'policies.subscriptionIntro' : 'policies.citizenSubscriptionIntro')}
        style={{ marginBottom: 16 }}
      />
      <Card>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 720 }}
          initialValues={{ industries: s.industries, towns: s.towns, topics: s.topics, kinds: s.kinds }}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item name="industries" label={t('policies.subIndustries')}>
            <Select
              mode="multiple"
              allowClear
              options={industryOptions(lang)}
              filterOption={industryMatches}
              maxCount={30}
            />
          </Form.Item>
          <Form.Item name="towns" label={t('policies.subTowns')}>
            <Select mode="multiple" allowClear options={townOptions(lang)} filterOption={labelContains} />
          </Form.Item>
          <Form.Item name="topics" label={t('policies.subTopics')}>
            <Select
              mode="multiple"
              allowClear
              options={topicOptions(lang)}
              maxCount={POLICY_TOPICS.length}
              data-testid="subscription-topics"
            />
          </Form.Item>
          <Form.Item name="kinds" label={t('policies.subKinds')}>
            <Select mode="multiple" allowClear options={kindOptions(lang)} maxCount={POLICY_KINDS.length} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="subscription-save">
              {t('policies.save')}
            </Button>
            {s.subscribed ? (
              <Popconfirm title={t('policies.unsubscribe')} onConfirm={() => cancel.mutate()}>
                <Button danger loading={cancel.isPending}>
                  {t('policies.unsubscribe')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
