import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { matterLabel } from '../matters/labels.ts';
import { applyOnline, fileAtWindow, listBureauMatters, searchEnterprises } from './api.ts';
import { APPLICATION_PERMISSIONS } from './permissions.ts';

type Values = {
  matterCode: string;
  projectName: string;
  applicantName: string;
  applicantPhone: string;
  enterpriseId?: string;
  assisted?: boolean;
  authorisation?: string;
};

/** 网上申请 (an enterprise, for itself) and 窗口收件 (a clerk, for an enterprise; 帮办代办 with the authorisation). */
export default function ApplicationFormPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const online = canAccess(roles, APPLICATION_PERMISSIONS.apply);
  const navigate = useNavigate();
  const showError = useShowError();
  const message = useMessage();
  const [form] = Form.useForm<Values>();
  const assisted = Form.useWatch('assisted', form);
  const [entQ, setEntQ] = useState('');
  const matters = useQuery({
    queryKey: ['applications', 'matters'],
    queryFn: ({ signal }) => listBureauMatters(signal),
  });
  const ents = useQuery({
    queryKey: ['applications', 'enterprises', entQ],
    queryFn: ({ signal }) => searchEnterprises(entQ, signal),
    enabled: !online,
  });
  const submit = useMutation({
    mutationFn: (v: Values) =>
      online
        ? applyOnline({
            matterCode: v.matterCode,
            projectName: v.projectName,
            applicantName: v.applicantName,
            applicantPhone: v.applicantPhone,
          })
        : fileAtWindow({
            matterCode: v.matterCode,
            projectName: v.projectName,
            applicantName: v.applicantName,
            applicantPhone: v.applicantPhone,
            enterpriseId: v.enterpriseId ?? '',
            assisted: v.assisted ?? false,
            authorisation: v.assisted ? (v.authorisation ?? null) : null,
          }),
    onSuccess: (a) => {
      message.success(t('applications.submitted'));
      navigate(`${online ? '/enterprise' : '/staff'}/applications/${a.id}`);
    },
    onError: showError,
  });
  if (matters.isError) return <ErrorState error={matters.error} onRetry={() => void matters.refetch()} />;
  return (
    <PageContainer title={t(online ? 'applications.applyTitle' : 'applications.windowTitle')}>
      <Card style={{ maxWidth: 720 }}>
        <Form form={form} layout="vertical" onFinish={(v) => submit.mutate(v)} data-testid="application-form">
          {!online ? (
            <Form.Item name="enterpriseId" label={t('applications.enterprise')} rules={[{ required: true }]}>
              <Select
                showSearch
                filterOption={false}
                onSearch={setEntQ}
                loading={ents.isFetching}
                placeholder={t('applications.chooseEnterprise')}
                options={(ents.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
                data-testid="application-enterprise"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="matterCode" label={t('applications.chooseMatter')} rules={[{ required: true }]}>
            <Select
              loading={matters.isPending}
              options={(matters.data?.items ?? []).map((m) => ({
                value: m.code,
                label: matterLabel(m.code, m.name, lang),
              }))}
              data-testid="application-matter"
            />
          </Form.Item>
          <Form.Item name="projectName" label={t('applications.project')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="application-project" />
          </Form.Item>
          <Form.Item name="applicantName" label={t('applications.applicant')} rules={[{ required: true, max: 50 }]}>
            <Input data-testid="application-applicant" />
          </Form.Item>
          <Form.Item name="applicantPhone" label={t('applications.applicantPhone')} rules={[{ required: true }]}>
            <Input data-testid="application-phone" />
          </Form.Item>
          {!online ? (
            <>
              <Form.Item name="assisted" valuePropName="checked" extra={t('applications.assistedHelp')}>
                <Checkbox data-testid="application-assisted">{t('applications.assisted')}</Checkbox>
              </Form.Item>
              {assisted ? (
                <Form.Item
                  name="authorisation"
                  label={t('applications.authorisation')}
                  extra={t('applications.authorisationHelp')}
                  rules={[{ required: true, max: 500 }]}
                >
                  <Input.TextArea rows={2} data-testid="application-authorisation" />
                </Form.Item>
              ) : null}
            </>
          ) : (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('applications.uploadHelp')} />
          )}
          <Button type="primary" htmlType="submit" loading={submit.isPending} data-testid="application-submit">
            {t('applications.submit')}
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
