import { EIA_CATEGORY_LABELS, EIA_NOTICE_LABELS, EIA_PATH_AUTHORITY } from '@qingshan/core/eia';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isStaff } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { PhoneCodeField } from '../../components/PhoneCodeField.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { type EiaObjection, eiaKeys, getEiaNotice, lodgeObjection } from './api.ts';
import { pickHeading } from './labels.ts';

/** One EIA notice; during the 拟批准公示 anyone may object (a mobile phone proves itself with a code). */
export default function EiaNoticePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const { user, roles } = useAuth();
  const [form] = Form.useForm<EiaObjection>();
  const qc = useQueryClient();
  const showError = useShowError();
  const message = useMessage();
  const q = useQuery({ queryKey: eiaKeys.notice(id), queryFn: ({ signal }) => getEiaNotice(id, signal) });
  const send = useMutation({
    mutationFn: (v: EiaObjection) => lodgeObjection(id, v),
    onSuccess: () => {
      form.resetFields();
      message.success(t('eia.notices.objectionSent'));
      void qc.invalidateQueries({ queryKey: eiaKeys.notice(id) });
    },
    onError: (e) => {
      if (!(e instanceof ApiError && applyFieldErrors(form, e))) showError(e);
    },
  });
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const n = q.data;
  return (
    <PageContainer
      title={t('common.labelled', { label: pickHeading(EIA_NOTICE_LABELS[n.kind], lang), value: n.projectName })}
    >
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'code', label: t('eia.code'), children: n.code },
              { key: 'ent', label: t('eia.builder'), children: n.enterpriseName },
              { key: 'addr', label: t('eia.address'), children: n.projectAddress },
              { key: 'cat', label: t('eia.category'), children: pickHeading(EIA_CATEGORY_LABELS[n.category], lang) },
              { key: 'row', label: t('eia.catalogueRow'), children: n.catalogueRow, span: 'filled' as const },
              { key: 'contact', label: t('eia.contactName'), children: `${n.contactName} ${n.contactPhone}` },
              { key: 'auth', label: t('eia.authority'), children: pickHeading(EIA_PATH_AUTHORITY[n.path], lang) },
              { key: 'acc', label: t('eia.acceptedOn'), children: n.acceptedOn },
              ...(n.publicityEndsOn && n.kind === 'pre-approval'
                ? [{ key: 'pub', label: t('eia.publicityEndsOn'), children: n.publicityEndsOn }]
                : []),
              ...(n.decidedOn ? [{ key: 'dec', label: t('eia.decidedOn'), children: n.decidedOn }] : []),
              ...(n.documentNo ? [{ key: 'no', label: t('eia.documentNo'), children: n.documentNo }] : []),
            ]}
          />
          {n.kind === 'approval' ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {t('eia.notices.rights')}
            </Typography.Paragraph>
          ) : null}
        </Card>
        {n.commitmentText ? (
          <Card size="small" title={t('eia.commitmentText')}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{n.commitmentText}</Typography.Paragraph>
          </Card>
        ) : null}
        <Card size="small" title={t('eia.objections')}>
          {n.objections.length === 0 ? <EmptyState description={t('eia.noObjections')} /> : null}
          <Flex vertical gap={12}>
            {n.objections.map((o) => (
              <Card key={o.id} size="small" type="inner" title={o.name}>
                <Typography.Paragraph>{o.content}</Typography.Paragraph>
                {o.answer ? (
                  <Alert type="success" title={t('eia.notices.bureauAnswer')} description={o.answer} />
                ) : (
                  <Typography.Text type="secondary">{t('eia.notices.answerPending')}</Typography.Text>
                )}
              </Card>
            ))}
          </Flex>
        </Card>
        {n.open ? (
          <Card size="small" title={t('eia.notices.object')}>
            <Typography.Paragraph type="secondary">
              {t('eia.notices.objectHelp', { date: n.publicityEndsOn })}
            </Typography.Paragraph>
            <Form form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(v) => send.mutate(v)}>
              <Form.Item name="name" label={t('eia.notices.yourName')} rules={[{ required: true, whitespace: true }]}>
                <Input maxLength={30} data-testid="objection-name" />
              </Form.Item>
              <Form.Item name="phone" label={t('eia.contactPhone')} rules={[{ required: true }]}>
                <Input maxLength={20} data-testid="objection-phone" />
              </Form.Item>
              {isStaff(roles) ? null : (
                <PhoneCodeField form={form} required={!user} forAccount={!!user} purpose="submission" />
              )}
              <Form.Item name="content" label={t('eia.notices.content')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={4} maxLength={2000} data-testid="objection-content" />
              </Form.Item>
              <Typography.Paragraph type="secondary">{t('eia.notices.privacy')}</Typography.Paragraph>
              <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="objection-submit">
                {t('eia.notices.submit')}
              </Button>
            </Form>
          </Card>
        ) : null}
      </Flex>
    </PageContainer>
  );
}
