import { CREDIT_GRADE_LABELS, CREDIT_GRADES, type CreditGrade } from '@qingshan/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { applyFieldErrors, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLines } from '../../components/ListLine.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { type CreditProposal, creditKeys, decideCreditProposal, listCreditProposals } from './api.ts';
import { CREDIT_PERMISSIONS } from './permissions.ts';

type Values = { grade?: CreditGrade; reason: string };

function Decide({ proposal }: { proposal: CreditProposal }) {
  const { t } = useTranslation();
  const lang = coreLang(useLanguage());
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const decide = useMutation({
    mutationFn: (v: Values & { confirm: boolean }) =>
      decideCreditProposal(proposal.id, {
        confirm: v.confirm,
        grade: v.confirm ? v.grade : undefined,
        reason: v.reason,
        version: proposal.version,
      }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: creditKeys.all });
      void qc.invalidateQueries({ queryKey: ['enterprises'] });
      message.success(t('credit.proposalDecided'));
    },
    onError: (e) => {
      if (e instanceof ApiError && e.errors.length) applyFieldErrors(form, e);
      else showError(e);
    },
  });
  const submit = (confirm: boolean) =>
    void form
      .validateFields(confirm ? undefined : ['reason'])
      .then((v) => decide.mutate({ ...v, confirm }))
      .catch(() => {});
  return (
    <Form form={form} layout="inline" style={{ rowGap: 8, marginTop: 8 }}>
      <Form.Item name="grade" rules={[{ required: true, message: t('credit.pickGrade') }]}>
        <Select
          style={{ width: 200 }}
          aria-label={t('credit.grade')}
          placeholder={t('credit.grade')}
          options={CREDIT_GRADES.map((g) => ({ value: g, label: CREDIT_GRADE_LABELS[g][lang] }))}
        />
      </Form.Item>
      <Form.Item name="reason" rules={[{ required: true, whitespace: true, message: t('credit.reasonRequired') }]}>
        <Input style={{ width: 320 }} maxLength={1000} placeholder={t('credit.reasonPlaceholder')} />
      </Form.Item>
      <Space>
        <Button type="primary" loading={decide.isPending} onClick={() => submit(true)}>
          {t('credit.confirmProposal')}
        </Button>
        <Button loading={decide.isPending} onClick={() => submit(false)}>
          {t('credit.dismissProposal')}
        </Button>
      </Space>
    </Form>
  );
}

/**
 * 待确认的信用调整: what the firm's penalty decisions call for. Which grade a penalty leads to is the
 * officer's judgement; confirming records it as a credit evaluation whose basis names the decision.
 */
export function CreditProposals({ enterpriseId }: { enterpriseId: string }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const q = useQuery({
    queryKey: creditKeys.proposals(enterpriseId),
    queryFn: ({ signal }) => listCreditProposals({ enterpriseId, status: 'open', page: 1, pageSize: 20 }, signal),
  });
  if (!q.data?.items.length) return null;
  const canDecide = canAccess(roles, CREDIT_PERMISSIONS.record);
  return (
    <Card size="small" title={t('credit.proposalsTitle')}>
      <Alert type="info" showIcon title={t('credit.proposalsIntro')} style={{ marginBottom: 12 }} />
      <ListLines
        items={q.data.items}
        rowKey="id"
        renderItem={(p) => (
          <>
            <Typography.Text strong>{p.basis}</Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(p.createdAt)}</Typography.Text>{' '}
            {p.sourceLink ? <Link to={p.sourceLink}>{t('credit.openCase')}</Link> : null}
            {canDecide ? <Decide proposal={p} /> : null}
          </>
        )}
      />
    </Card>
  );
}
