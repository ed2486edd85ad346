import { FileTextOutlined } from '@ant-design/icons';
import { EIA_CATEGORY_LABELS, type EiaPath } from '@qingshan/core/eia';
import { EIA_COLUMN_LABELS_EN, ML2021_TITLE_EN, ML2021_VERSION } from '@qingshan/core/eia-catalogue';
import {
  classificationBasisEn,
  classificationNoteIn,
  permitBasisEn,
  questionIn,
} from '@qingshan/core/eia-classification';
import { industryListEn } from '@qingshan/core/industries';
import { PERMIT_CLASS_LABELS } from '@qingshan/core/permits';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Form,
  Grid,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Steps,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { canAccess, PERMISSIONS } from '../../access.ts';
import { errorMessage } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { industryClassOptions, industryMatches, industryName } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import type { EiaWizardHandoff } from '../eia/handoff.ts';
import { pickHeading } from '../eia/labels.ts';
import { type ClassifyAnswer, type ClassifyBody, classifyProject, type FactQuestion, type Facts } from './api.ts';

type ConstructionType = ClassifyBody['constructionType'];
const CONSTRUCTION_TYPES: ConstructionType[] = ['new', 'expansion', 'alteration', 'relocation'];
const ANCILLARY = ['boiler', 'hazardous-storage', 'air-pollution-control'] as const;

const CATEGORY_COLORS: Record<string, string> = {
  'report-book': 'red',
  'report-form': 'orange',
  'registration-form': 'blue',
  none: 'green',
};

type Project = { industryCode: string; constructionType: ConstructionType; ancillaryWorks: string[] };

/**
 * 环评类别判定向导: the applicant names the industry and the kind of construction, then answers only
 * the questions the engine returns in missingFacts, round by round, until it cites a row, a column
 * and the catalogue's words. The same page serves the public portal and the staff console.
 */
export default function EiaWizardPage() {
  const { t } = useTranslation();
  const en = useLanguage() === 'en';
  const [project, setProject] = useState<Project | null>(null);
  const [facts, setFacts] = useState<Facts>({});
  const [answer, setAnswer] = useState<ClassifyAnswer | null>(null);
  const [asked, setAsked] = useState<ClassifyBody | null>(null);
  const [projectForm] = Form.useForm<Project>();
  // each round of questions is a fresh form (keyed by the round): a shared form instance, reset once
  // the answer had unmounted it, made React warn "not connected to any Form element"
  const [round, setRound] = useState(0);

  const run = useMutation({
    mutationFn: (body: ClassifyBody) => classifyProject(body),
    onSuccess: (a) => {
      setAnswer(a);
      setRound((r) => r + 1);
    },
  });

  const ask = (p: Project, f: Facts) => {
    setProject(p);
    setFacts(f);
    const withWorks =
      p.ancillaryWorks.length > 0 ? { ...f, ancillaryWorks: p.ancillaryWorks as Facts['ancillaryWorks'] } : f;
    const body = { industryCode: p.industryCode, constructionType: p.constructionType, facts: withWorks };
    setAsked(body);
    run.mutate(body);
  };

  const restart = () => {
    setProject(null);
    setFacts({});
    setAnswer(null);
    run.reset();
  };

  const step = !project ? 0 : answer && answer.category !== null ? 2 : 1;

  return (
    <PageContainer title={t('eiaWizard.title')}>
      <Typography.Paragraph type="secondary">{t('eiaWizard.intro')}</Typography.Paragraph>
      <Steps
        current={step}
        style={{ marginBottom: 24, maxWidth: 720 }}
        items={[
          { title: t('eiaWizard.stepProject') },
          { title: t('eiaWizard.stepFacts') },
          { title: t('eiaWizard.stepResult') },
        ]}
      />
      {run.isError ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={errorMessage(run.error, t)}
          data-testid="eia-error"
        />
      ) : null}

      {step === 0 ? (
        <Card style={{ maxWidth: 720 }}>
          <Form<Project>
            form={projectForm}
            layout="vertical"
            initialValues={{ constructionType: 'new', ancillaryWorks: [] }}
            onFinish={(p) => ask(p, {})}
          >
            <Form.Item
              label={t('eiaWizard.industry')}
              name="industryCode"
              rules={[{ required: true, message: t('eiaWizard.industryRequired') }]}
              extra={t('eiaWizard.industryHelp')}
            >
              <Select
                showSearch={{ filterOption: industryMatches }}
                options={industryClassOptions(en ? 'en' : 'zh-CN')}
                placeholder={t('eiaWizard.industryPlaceholder')}
                data-testid="eia-industry"
              />
            </Form.Item>
            <Form.Item label={t('eiaWizard.constructionType')} name="constructionType" required>
              <Radio.Group
                options={CONSTRUCTION_TYPES.map((c) => ({ value: c, label: t(`eiaWizard.construction.${c}`) }))}
                data-testid="eia-construction"
              />
            </Form.Item>
            <Form.Item label={t('eiaWizard.ancillary')} name="ancillaryWorks" extra={t('eiaWizard.ancillaryHelp')}>
              <Checkbox.Group options={ANCILLARY.map((a) => ({ value: a, label: t(`eiaWizard.works.${a}`) }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="eia-start">
              {t('eiaWizard.next')}
            </Button>
          </Form>
        </Card>
      ) : null}

      {step === 1 && project ? (
        <Card style={{ maxWidth: 820 }} loading={!answer && run.isPending}>
          {answer ? (
            <>
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('eiaWizard.deciding', {
                  row: answer.row,
                  column: en && answer.column ? EIA_COLUMN_LABELS_EN[answer.column] : answer.columnLabel,
                })}
                description={
                  <>
                    {answer.rowTitle ? <RowTitle title={answer.rowTitle} en={en} /> : null}
                    <Typography.Text type="secondary">“{answer.quote}”</Typography.Text>
                  </>
                }
              />
              <Form
                key={round}
                layout="vertical"
                onFinish={(values) => ask(project, { ...facts, ...normalise(answer.questions, values) })}
              >
                {answer.questions.map((q) => (
                  <QuestionField key={q.key} q={q} />
                ))}
                <Space>
                  <Button onClick={restart}>{t('eiaWizard.restart')}</Button>
                  <Button type="primary" htmlType="submit" loading={run.isPending} data-testid="eia-next">
                    {t('eiaWizard.next')}
                  </Button>
                </Space>
              </Form>
            </>
          ) : null}
        </Card>
      ) : null}

      {step === 2 && answer ? <Answer answer={answer} asked={asked} onRestart={restart} /> : null}
    </PageContainer>
  );
}

/** The form value of a question, as the API wants it (an unticked area list means "none of them"). */
function normalise(questions: FactQuestion[], values: Record<string, unknown>): Facts {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const v = values[q.key];
    out[q.key] = q.kind === 'areas' ? ((v as string[] | undefined) ?? []) : v;
  }
  return out as Facts;
}

function QuestionField({ q: asked }: { q: FactQuestion }) {
  const { t } = useTranslation();
  // the engine asks in Chinese; the English face reads the same question from core by its key
  const q = questionIn(asked, useLanguage() === 'en' ? 'en' : 'zh');
  const required = { required: q.kind !== 'areas', message: t('eiaWizard.answerRequired') };
  const testId = `eia-fact-${q.key}`;
  if (q.kind === 'boolean')
    return (
      <Form.Item label={q.label} name={q.key} rules={[required]}>
        <Radio.Group
          data-testid={testId}
          options={[
            { value: true, label: t('eiaWizard.yes') },
            { value: false, label: t('eiaWizard.no') },
          ]}
        />
      </Form.Item>
    );
  if (q.kind === 'number')
    return (
      <Form.Item label={q.label} name={q.key} rules={[required]}>
        <InputNumber min={0} max={1e12} style={{ width: 240 }} data-testid={testId} />
      </Form.Item>
    );
  if (q.kind === 'enum')
    return (
      <Form.Item label={q.label} name={q.key} rules={[required]}>
        <Radio.Group data-testid={testId} options={q.options ?? []} />
      </Form.Item>
    );
  return (
    <Form.Item label={q.label} name={q.key} extra={t('eiaWizard.areasHelp')}>
      <Checkbox.Group data-testid={testId} options={q.options ?? []} style={{ display: 'grid', gap: 4 }} />
    </Form.Item>
  );
}

/**
 * Where the result can go next: staff open a case on it (from an application, when the wizard was
 * opened from one); an enterprise records its own 登记表备案. The case keeps the result as evidence.
 */
function useCaseTarget(category: string): { to: string; label: string } | null {
  const { t } = useTranslation();
  const { roles, user } = useAuth();
  if (!user) return null;
  if (canAccess(roles, PERMISSIONS.eiaOpen)) return { to: '/staff/eia', label: t('eiaWizard.openCase') };
  if (canAccess(roles, PERMISSIONS.ownEnterprise) && category === 'registration-form')
    return { to: '/enterprise/eia', label: t('eiaWizard.recordFiling') };
  return null;
}

function Answer({
  answer,
  asked,
  onRestart,
}: {
  answer: ClassifyAnswer;
  asked: ClassifyBody | null;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const en = lang === 'en';
  const wide = Grid.useBreakpoint().md ?? true;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const category = answer.category ?? 'none';
  // the catalogue's own words are the Chinese answer; the English face names the same row, column and class
  const categoryLabel = en ? pickHeading(EIA_CATEGORY_LABELS[category], lang) : answer.categoryLabel;
  const basis = en ? classificationBasisEn(answer) : answer.basis;
  const catalogueTitle = en && answer.catalogueVersion === ML2021_VERSION ? ML2021_TITLE_EN : answer.catalogueTitle;
  const target = useCaseTarget(category);
  const applicationId = params.get('applicationId');
  const openCase = () => {
    if (!asked || !target || answer.category === null) return;
    const handoff: EiaWizardHandoff = {
      classification: {
        industryCode: asked.industryCode,
        constructionType: asked.constructionType,
        facts: (asked.facts ?? {}) as Record<string, unknown>,
      },
      answer: {
        category: answer.category,
        categoryLabel: answer.categoryLabel ?? '',
        basis: answer.basis,
        basisEn: classificationBasisEn(answer),
        quote: answer.quote,
      },
      ...(applicationId
        ? {
            application: {
              id: applicationId,
              enterpriseId: params.get('enterpriseId') ?? '',
              projectName: params.get('projectName') ?? '',
              ...(params.get('path') ? { path: params.get('path') as EiaPath } : {}),
            },
          }
        : {}),
    };
    navigate(target.to, { state: { eiaWizard: handoff } });
  };
  return (
    <Card style={{ maxWidth: 900 }} data-testid="eia-result">
      <Result
        status={category === 'none' ? 'success' : 'info'}
        // an EIA document is a requirement, not a warning: a document icon instead of the "!" of info
        icon={category === 'none' ? undefined : <FileTextOutlined style={{ color: '#1f6f43' }} />}
        title={
          <Flex justify="center" align="center" gap={12}>
            <span>{t('eiaWizard.resultTitle')}</span>
            <Tag
              color={CATEGORY_COLORS[category]}
              style={{ fontSize: 20, padding: '4px 12px' }}
              data-testid="eia-category"
            >
              {categoryLabel}
            </Tag>
          </Flex>
        }
        subTitle={basis}
        style={{ paddingBottom: 8 }}
      />
      {/* a phone has no room for a label column beside the catalogue's words: labels go above */}
      <Descriptions
        bordered
        column={1}
        size="small"
        layout={wide ? 'horizontal' : 'vertical'}
        styles={wide ? { label: { width: 140, whiteSpace: 'nowrap' } } : undefined}
      >
        <Descriptions.Item label={t('eiaWizard.industry')}>
          {answer.industryCode} {industryName(answer.industryCode, lang, answer.industryName ?? undefined)}
        </Descriptions.Item>
        <Descriptions.Item label={t('eiaWizard.row')}>
          <span data-testid="eia-row">
            {answer.row === null ? t('eiaWizard.noRow') : t('eiaWizard.rowValue', { row: answer.row })}
          </span>
          {answer.rowTitle ? <RowTitle title={answer.rowTitle} en={en} /> : null}
        </Descriptions.Item>
        {answer.columnLabel && answer.column ? (
          <Descriptions.Item label={t('eiaWizard.column')}>
            {en
              ? pickHeading({ zh: answer.columnLabel, en: EIA_COLUMN_LABELS_EN[answer.column] }, lang)
              : answer.columnLabel}
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('eiaWizard.quote')}>
          <Typography.Text strong data-testid="eia-quote">
            “{answer.quote}”
          </Typography.Text>
        </Descriptions.Item>
        {answer.clause ? <Descriptions.Item label={t('eiaWizard.clause')}>{answer.clause}</Descriptions.Item> : null}
        <Descriptions.Item label={t('eiaWizard.permit')}>
          {answer.permit ? (
            <>
              <Tag color="purple">
                {en && answer.permitClass
                  ? pickHeading(PERMIT_CLASS_LABELS[answer.permitClass], lang)
                  : answer.permit.classLabel}
              </Tag>
              {en && answer.permitClass ? permitBasisEn(answer.permit.item, answer.permitClass) : answer.permit.basis}
              <div>
                <Typography.Text type="secondary">“{answer.permit.quote}”</Typography.Text>
              </div>
            </>
          ) : (
            <Typography.Text type="secondary">{t('eiaWizard.permitUnknown')}</Typography.Text>
          )}
        </Descriptions.Item>
        {answer.notes.length > 0 ? (
          <Descriptions.Item label={t('eiaWizard.notes')}>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {answer.notes.map((n) => (
                <li key={n}>{classificationNoteIn(n, en ? 'en' : 'zh')}</li>
              ))}
            </ul>
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('eiaWizard.version')}>
          {t('common.parenthetical', { text: catalogueTitle, note: answer.catalogueVersion })}
        </Descriptions.Item>
      </Descriptions>
      <Flex justify="end" gap={8} wrap style={{ marginTop: 16 }}>
        <Button type={target ? 'default' : 'primary'} onClick={onRestart} data-testid="eia-restart">
          {t('eiaWizard.restart')}
        </Button>
        {target ? (
          <Button type="primary" onClick={openCase} data-testid="eia-open-case">
            {target.label}
          </Button>
        ) : null}
      </Flex>
    </Card>
  );
}

/**
 * A catalogue row's title: in English, a title that only lists industries with their codes reads in
 * the project's English names (the printed title on hover); a title with the catalogue's own words stays
 * as printed, like the cell it heads.
 */
function RowTitle({ title, en }: { title: string; en: boolean }) {
  const english = en ? industryListEn(title) : null;
  return english ? (
    <div title={title} data-testid="eia-row-title">
      {english}
    </div>
  ) : (
    <div data-testid="eia-row-title">{title}</div>
  );
}
