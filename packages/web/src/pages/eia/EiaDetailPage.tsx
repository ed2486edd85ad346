import { FileWordOutlined } from '@ant-design/icons';
import { todayInShanghai } from '@qingshan/core/calendar';
import {
  EIA_CATEGORY_LABELS,
  EIA_PATH_AUTHORITY,
  EIA_PATH_LABELS,
  EIA_STATE_LABELS,
  EXEMPTION_LIST_LABELS,
  type ExemptionList,
  VERIFICATION_RESULT_LABELS,
  VERIFICATION_RESULTS,
  type VerificationResult,
} from '@qingshan/core/eia';
import {
  PERMIT_CLASS_LABELS as CATALOGUE_PERMIT_CLASS_LABELS,
  EIA_COLUMNS,
  type EiaColumn,
  PERMIT_CLASSES,
} from '@qingshan/core/eia-catalogue';
import { catalogueRowEn, classificationBasisEn, permitBasisEn } from '@qingshan/core/eia-classification';
import { PERMIT_CLASS_LABELS } from '@qingshan/core/permits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Radio,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  answerObjection,
  decideEiaCase,
  downloadEiaDocument,
  type EiaCaseDetail,
  eiaKeys,
  getEiaCase,
  recordCityDecision,
  verifyEiaCase,
} from './api.ts';
import { lines } from './descriptions.ts';
import { pickHeading, STATE_COLORS } from './labels.ts';

/** One EIA case: its facts, publicity and objections, and the step its path and state allow. */
export default function EiaDetailPage({ face }: { face: 'staff' | 'enterprise' }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { id = '' } = useParams();
  const q = useQuery({ queryKey: eiaKeys.detail(id), queryFn: ({ signal }) => getEiaCase(id, signal) });
  const showError = useShowError();
  if (q.isLoading) return <PageLoading />;
  if (q.isError || !q.data) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const c = q.data;
  return (
    <PageContainer title={`${c.code} ${c.projectName}`}>
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={lines([
              {
                key: 'state',
                label: t('eia.state'),
                children: <Tag color={STATE_COLORS[c.state]}>{pickHeading(EIA_STATE_LABELS[c.state], lang)}</Tag>,
              },
              { key: 'path', label: t('eia.path'), children: pickHeading(EIA_PATH_LABELS[c.path], lang) },
              {
                key: 'ent',
                label: t('eia.enterprise'),
                children:
                  face === 'staff' ? (
                    <Link to={`/staff/enterprises/${c.enterpriseId}`}>{c.enterpriseName}</Link>
                  ) : (
                    c.enterpriseName
                  ),
              },
              { key: 'auth', label: t('eia.authority'), children: pickHeading(EIA_PATH_AUTHORITY[c.path], lang) },
              { key: 'addr', label: t('eia.address'), children: c.projectAddress },
              {
                key: 'type',
                label: t('eia.constructionType'),
                children: t(
                  `eia.construction.${c.constructionType as 'new' | 'expansion' | 'alteration' | 'relocation'}`,
                ),
              },
              { key: 'ind', label: t('eia.industryCode'), children: c.industryCode },
              { key: 'cat', label: t('eia.category'), children: pickHeading(EIA_CATEGORY_LABELS[c.category], lang) },
              {
                key: 'row',
                label: t('eia.catalogueRow'),
                // the stored text is Chinese; the English face says it from the evidence, the legal words as printed
                children:
                  lang === 'en' && c.classification ? catalogueRowEn(evidenceOf(c.classification)) : c.catalogueRow,
                wide: true,
              },
              ...(c.applicationId
                ? [
                    {
                      key: 'app',
                      label: t('eia.application'),
                      children: (
                        <Link to={`/${face}/applications/${c.applicationId}`} data-testid="eia-application-link">
                          {c.applicationCode ?? c.applicationId}
                        </Link>
                      ),
                    },
                  ]
                : []),
              { key: 'contact', label: t('eia.contactName'), children: `${c.contactName} ${c.contactPhone}` },
              { key: 'acc', label: t('eia.acceptedOn'), children: c.acceptedOn },
              ...(c.publicityEndsOn
                ? [{ key: 'pub', label: t('eia.publicityEndsOn'), children: c.publicityEndsOn }]
                : []),
              ...(c.decisionDueDate ? [{ key: 'ddue', label: t('eia.decisionDue'), children: c.decisionDueDate }] : []),
              ...(c.decidedOn ? [{ key: 'dec', label: t('eia.decidedOn'), children: c.decidedOn }] : []),
              ...(c.decidedByName ? [{ key: 'by', label: t('eia.decidedBy'), children: c.decidedByName }] : []),
              ...(c.documentNo ? [{ key: 'no', label: t('eia.documentNo'), children: c.documentNo }] : []),
              ...(c.decisionReason ? [{ key: 'why', label: t('eia.reason'), children: c.decisionReason }] : []),
              ...(c.exemptionList
                ? [
                    {
                      key: 'exl',
                      label: t('eia.exemptionList'),
                      children: pickHeading(EXEMPTION_LIST_LABELS[c.exemptionList as ExemptionList], lang),
                      wide: true,
                    },
                    { key: 'exe', label: t('eia.exemptionEntry'), children: c.exemptionEntry, wide: true },
                  ]
                : []),
              ...(c.receiptNo ? [{ key: 'rec', label: t('eia.receiptNo'), children: c.receiptNo }] : []),
              ...(c.verificationDueDate && (c.state === 'approved' || c.state === 'rectifying')
                ? [{ key: 'vdue', label: t('eia.verificationDue'), children: c.verificationDueDate }]
                : []),
              ...(c.verificationResult
                ? [
                    {
                      key: 'vres',
                      label: t('eia.verificationResult'),
                      children: `${t('common.parenthetical', {
                        text: pickHeading(VERIFICATION_RESULT_LABELS[c.verificationResult as VerificationResult], lang),
                        note: c.verifiedOn,
                      })}${c.verificationNote ?? ''}`,
                      wide: true,
                    },
                  ]
                : []),
              ...(c.creditConsequence
                ? [{ key: 'credit', label: t('eia.creditConsequence'), children: c.creditConsequence, wide: true }]
                : []),
            ])}
          />
        </Card>
        {c.classification ? <Evidence c={c} /> : null}
        {c.documents.length > 0 ? (
          <Card size="small" title={t('eia.documents')}>
            <Flex gap={8} wrap>
              {c.documents.map((k) => (
                <Button
                  key={k}
                  icon={<FileWordOutlined />}
                  onClick={() => void downloadEiaDocument(c.id, k).catch(showError)}
                  data-testid={`eia-doc-${k}`}
                >
                  {t('common.parenthetical', { text: t(`eia.doc.${k}`), note: 'Word' })}
                </Button>
              ))}
            </Flex>
          </Card>
        ) : null}
        {c.commitmentText ? (
          <Card size="small" title={t('eia.commitmentText')}>
            <Typography.Paragraph style={{ marginBottom: 0 }}>{c.commitmentText}</Typography.Paragraph>
            {c.commitmentSignedAt ? (
              <Typography.Text type="secondary">
                {t('eia.signedAt', { at: formatDateTime(c.commitmentSignedAt, true) })}
              </Typography.Text>
            ) : null}
          </Card>
        ) : null}
        {c.path === 'commitment' ? <Objections c={c} face={face} /> : null}
        {face === 'staff' ? <Actions c={c} /> : null}
      </Flex>
    </PageContainer>
  );
}

/** The evidence's cell as core's English helpers read it (the view types the column as a string). */
function evidenceOf(e: NonNullable<EiaCaseDetail['classification']>) {
  const column = (EIA_COLUMNS as readonly string[]).includes(e.column ?? '') ? (e.column as EiaColumn) : null;
  return { row: e.row, rowTitle: e.rowTitle, column, quote: e.quote };
}

/** What the classification engine was given and answered: the case's category rests on it. */
function Evidence({ c }: { c: EiaCaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const en = lang === 'en';
  const e = c.classification!;
  const permitClass = e.permit
    ? PERMIT_CLASSES.find((k) => CATALOGUE_PERMIT_CLASS_LABELS[k] === e.permit!.classLabel)
    : undefined;
  return (
    <Card size="small" title={t('eia.evidence')} data-testid="eia-evidence">
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'basis',
            label: t('eia.basis'),
            children: en ? classificationBasisEn({ ...evidenceOf(e), category: c.category, basis: e.basis }) : e.basis,
          },
          ...(e.rowTitle ? [{ key: 'row', label: t('eia.rowTitle'), children: e.rowTitle }] : []),
          {
            key: 'quote',
            label: t('eia.quote'),
            children: <Typography.Text strong>“{e.quote}”</Typography.Text>,
          },
          ...(e.clause ? [{ key: 'clause', label: t('eia.clause'), children: e.clause }] : []),
          ...(e.permit
            ? [
                {
                  key: 'permit',
                  label: t('eia.permitClass'),
                  children:
                    en && permitClass
                      ? t('common.parenthetical', {
                          text: pickHeading(PERMIT_CLASS_LABELS[permitClass], lang),
                          note: permitBasisEn(e.permit.item, permitClass),
                        })
                      : t('common.parenthetical', { text: e.permit.classLabel, note: e.permit.basis }),
                },
              ]
            : []),
          { key: 'ver', label: t('eia.catalogueVersion'), children: e.catalogueVersion },
        ]}
      />
    </Card>
  );
}

function Objections({ c, face }: { c: EiaCaseDetail; face: 'staff' | 'enterprise' }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const canAnswer = face === 'staff' && canAccess(roles, PERMISSIONS.eiaDecide);
  const answer = useMutation({
    mutationFn: (v: { objectionId: string; answer: string }) => answerObjection(c.id, v.objectionId, v.answer),
    onSuccess: () => void qc.invalidateQueries({ queryKey: eiaKeys.all }),
    onError: showError,
  });
  return (
    <Card size="small" title={t('eia.objections')}>
      {c.objections.length === 0 ? <EmptyState description={t('eia.noObjections')} /> : null}
      <Flex vertical gap={12}>
        {c.objections.map((o) => (
          <Card
            key={o.id}
            size="small"
            type="inner"
            title={`${o.name} ${o.phone} · ${formatDateTime(o.createdAt, true)}`}
          >
            <Typography.Paragraph>{o.content}</Typography.Paragraph>
            {o.answer ? (
              <Alert type="success" title={t('eia.answered', { by: o.answeredByName ?? '' })} description={o.answer} />
            ) : canAnswer ? (
              <Form
                layout="inline"
                onFinish={(v: { answer: string }) => answer.mutate({ objectionId: o.id, answer: v.answer })}
              >
                <Form.Item name="answer" rules={[{ required: true, whitespace: true }]} style={{ flex: 1 }}>
                  <Input.TextArea
                    rows={2}
                    maxLength={2000}
                    placeholder={t('eia.answerPlaceholder')}
                    data-testid="eia-answer"
                  />
                </Form.Item>
                <Button htmlType="submit" loading={answer.isPending} data-testid="eia-answer-submit">
                  {t('eia.answer')}
                </Button>
              </Form>
            ) : (
              <Tag color="red">{t('eia.awaitingAnswer')}</Tag>
            )}
          </Card>
        ))}
      </Flex>
    </Card>
  );
}

function Actions({ c }: { c: EiaCaseDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const done = () => void qc.invalidateQueries({ queryKey: eiaKeys.all });
  const decide = useMutation({
    mutationFn: (v: { approve: boolean; reason?: string }) => decideEiaCase(c.id, { version: c.version, ...v }),
    onSuccess: done,
    onError: showError,
  });
  const city = useMutation({
    mutationFn: (v: { approve: boolean; externalRef?: string; reason?: string; decidedOn: Dayjs }) =>
      recordCityDecision(c.id, { ...v, version: c.version, decidedOn: v.decidedOn.format('YYYY-MM-DD') }),
    onSuccess: done,
    onError: showError,
  });
  const verify = useMutation({
    mutationFn: (v: { result: VerificationResult; note: string; creditConsequence?: string }) =>
      verifyEiaCase(c.id, { version: c.version, ...v }),
    onSuccess: done,
    onError: showError,
  });
  const [vForm] = Form.useForm();
  const result = Form.useWatch('result', vForm) as VerificationResult | undefined;
  const [dForm] = Form.useForm();
  const approving = Form.useWatch('approve', dForm) as boolean | undefined;
  const decidable =
    (c.path === 'commitment' && c.state === 'publicity') || (c.path === 'ordinary' && c.state === 'accepted');
  // the server refuses a commitment decision while the publicity runs or an objection waits for its
  // answer: the button is not offered until then (the alert says why)
  const waiting =
    c.path === 'commitment' &&
    ((c.publicityEndsOn !== null && todayInShanghai() <= c.publicityEndsOn) || c.unansweredObjections > 0);
  if (decidable && canAccess(roles, PERMISSIONS.eiaDecide)) {
    return (
      <Card size="small" title={t('eia.decision')}>
        {c.path === 'commitment' ? (
          <Alert
            style={{ marginBottom: 12 }}
            type={waiting ? 'warning' : 'info'}
            showIcon
            title={t('eia.decisionRule', { date: c.publicityEndsOn })}
            description={c.unansweredObjections > 0 ? t('eia.unanswered', { count: c.unansweredObjections }) : null}
          />
        ) : null}
        <Form form={dForm} layout="inline" initialValues={{ approve: true }} onFinish={(v) => decide.mutate(v)}>
          <Form.Item name="approve">
            <Radio.Group
              options={[
                { value: true, label: t('eia.approve') },
                { value: false, label: t('eia.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="reason"
            extra={t('eia.documentNoGenerated')}
            rules={[{ required: approving === false, whitespace: true, message: t('eia.refusalReason') }]}
          >
            <Input placeholder={t('eia.reason')} maxLength={500} />
          </Form.Item>
          {/* a decision takes the bureau's next 文号 and cannot be undone: asked once more */}
          <Popconfirm
            title={approving === false ? t('eia.refuseConfirm') : t('eia.approveConfirm')}
            onConfirm={() => dForm.submit()}
            disabled={waiting}
          >
            <Button type="primary" disabled={waiting} loading={decide.isPending} data-testid="eia-decide">
              {t('eia.decide')}
            </Button>
          </Popconfirm>
        </Form>
      </Card>
    );
  }
  if (c.path === 'report-book' && c.state === 'at-city' && canAccess(roles, PERMISSIONS.eiaOpen)) {
    return (
      <Card size="small" title={t('eia.cityDecision')}>
        <Form layout="inline" initialValues={{ approve: true }} onFinish={(v) => city.mutate(v)}>
          <Form.Item name="approve">
            <Radio.Group
              options={[
                { value: true, label: t('eia.approve') },
                { value: false, label: t('eia.refuse') },
              ]}
            />
          </Form.Item>
          <Form.Item name="externalRef">
            <Input placeholder={t('eia.externalRef')} maxLength={60} />
          </Form.Item>
          <Form.Item name="decidedOn" rules={[{ required: true }]}>
            <DatePicker placeholder={t('eia.decidedOn')} />
          </Form.Item>
          <Form.Item name="reason">
            <Input placeholder={t('eia.reason')} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={city.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    );
  }
  if (
    c.path === 'commitment' &&
    (c.state === 'approved' || c.state === 'rectifying') &&
    canAccess(roles, PERMISSIONS.eiaVerify)
  ) {
    return (
      <Card size="small" title={t('eia.verification')}>
        <Form form={vForm} layout="vertical" initialValues={{ result: 'pass' }} onFinish={(v) => verify.mutate(v)}>
          <Form.Item name="result" label={t('eia.verificationResult')}>
            <Radio.Group
              options={VERIFICATION_RESULTS.map((r) => ({
                value: r,
                label: pickHeading(VERIFICATION_RESULT_LABELS[r], lang),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={result === 'revoke' ? t('eia.revocationReason') : t('eia.verificationNote')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {result === 'revoke' ? (
            <Form.Item
              name="creditConsequence"
              label={t('eia.creditConsequence')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={300} />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" loading={verify.isPending}>
            {t('common.save')}
          </Button>
        </Form>
      </Card>
    );
  }
  return null;
}
