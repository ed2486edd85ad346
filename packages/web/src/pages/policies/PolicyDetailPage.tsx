import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, Form, Input, Space, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { ButtonLink } from '../../components/ButtonLink.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { formatDateTime } from '../../utils/datetime.ts';
import { askQuestion, getPublicPolicy, listQuestions, markPolicyRead, policyKeys, publicAttachmentUrl } from './api.ts';
import { PolicyBody } from './PolicyBody.tsx';
import { POLICY_PERMISSIONS } from './permissions.ts';

/**
 * One published policy, on the public portal and in the enterprise portal. Opening it signed in
 * as an account it was pushed to marks it read (that is what the reach counts); an enterprise can
 * ask a question on it and sees its own questions with their answers.
 */
export default function PolicyDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { roles } = useAuth();
  const enterpriseFace = useLocation().pathname.startsWith('/enterprise/');
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: policyKeys.publicDetail(id),
    queryFn: ({ signal }) => getPublicPolicy(id, signal),
    retry: false,
  });
  const reader = canAccess(roles, POLICY_PERMISSIONS.reader);
  const read = useMutation({
    mutationFn: () => markPolicyRead(id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: policyKeys.all });
      void qc.invalidateQueries({ queryKey: ['inbox'] });
    },
  });
  const marked = useRef('');
  const loaded = q.isSuccess;
  const mark = read.mutate;
  useEffect(() => {
    if (loaded && reader && marked.current !== id) {
      marked.current = id;
      mark();
    }
  }, [loaded, reader, id, mark]);

  const back = enterpriseFace ? '/enterprise/policies' : '/policies';
  if (q.isPending) return <PageLoading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const p = q.data;
  return (
    <PageContainer
      title={p.title}
      extra={
        <Space>
          {read.data?.readAt ? <Tag color="green">{t('policies.read')}</Tag> : null}
          <ButtonLink to={back}>{t('policies.back')}</ButtonLink>
        </Space>
      }
    >
      <PolicyBody p={p} attachmentUrl={(a) => publicAttachmentUrl(id, a)} />
      {enterpriseFace && canAccess(roles, POLICY_PERMISSIONS.ask) ? <Questions id={id} open={p.qaOpen} /> : null}
    </PageContainer>
  );
}

function Questions({ id, open }: { id: string; open: boolean }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<{ question: string }>();
  const page = { page: 1, pageSize: 50 };
  const q = useQuery({
    queryKey: policyKeys.questions(id, page),
    queryFn: ({ signal }) => listQuestions(id, page, signal),
  });
  const ask = useMutation({
    mutationFn: (question: string) => askQuestion(id, question),
    onSuccess: () => {
      form.resetFields();
      message.success(t('policies.asked'));
      void qc.invalidateQueries({ queryKey: policyKeys.questions(id, page) });
    },
    onError: showError,
  });
  const mine = (q.data?.items ?? []).filter((x) => x.mine);
  return (
    <Card title={t('policies.questions')}>
      {open ? (
        <Form form={form} layout="vertical" onFinish={(v) => ask.mutate(v.question)}>
          <Form.Item name="question" rules={[{ required: true, min: 4, max: 1000 }]}>
            <Input.TextArea
              rows={3}
              maxLength={1000}
              showCount
              placeholder={t('policies.askPlaceholder')}
              data-testid="policy-question"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={ask.isPending} data-testid="policy-ask">
            {t('policies.ask')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('policies.qaClosed')}</Typography.Text>
      )}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} /> : null}
      {mine.length ? (
        <section style={{ marginTop: 16 }}>
          <Typography.Title level={5}>{t('policies.myQuestions')}</Typography.Title>
          <ListLines
            items={mine}
            rowKey="id"
            renderItem={(x) => (
              <Flex vertical gap={4}>
                <Space wrap>
                  <Typography.Text strong>{x.question}</Typography.Text>
                  {x.answer ? (
                    <Tag color="green">{t('policies.answered')}</Tag>
                  ) : (
                    <Tag color="orange">{t('policies.awaiting')}</Tag>
                  )}
                </Space>
                <Typography.Text type="secondary">{formatDateTime(x.createdAt)}</Typography.Text>
                {x.answer ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                    {t('common.labelled', { label: t('policies.answer'), value: x.answer })}
                  </Typography.Paragraph>
                ) : null}
              </Flex>
            )}
          />
        </section>
      ) : null}
    </Card>
  );
}
