import { figureSegments, type TextSegment } from '@qingshan/core/period-report';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Flex, Input, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLine, ListLines } from '../../components/ListLine.tsx';
import { PageContainer, SectionTitle } from '../../components/PageContainer.tsx';
import { EmptyState, ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { inLanguage } from '../alarms/labels.ts';
import { ARTICLE_PERIOD, periodFromParams, periodQuery } from '../figures/period.ts';
import {
  createDraft,
  type DraftSection,
  exportDraftDocx,
  exportFreshDocx,
  getDraft,
  getFreshDraft,
  listDrafts,
  listVersions,
  periodReportKeys,
  type ReportFigure,
  saveDraft,
} from './api.ts';
import { PERIOD_REPORT_PERMISSIONS } from './permissions.ts';

/** Each segment with where it starts in the sentence: a stable key, since segments follow the text. */
function withOffsets(segs: TextSegment[]): { seg: TextSegment; at: number }[] {
  let at = 0;
  return segs.map((seg) => {
    const here = at;
    at += seg.text.length;
    return { seg, at: here };
  });
}

/** The report's text; each number the drafter stated links to the records its figure counts. */
function ReportText({
  sections,
  period,
  figures,
}: {
  sections: DraftSection[];
  period: { from: string; to: string };
  figures?: ReportFigure[];
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const l = lang === 'en' ? 'en' : 'zh';
  const defs = new Map((figures ?? []).map((f) => [f.key, f]));
  return (
    <div data-testid="period-report-text">
      {sections.map((s) => (
        <div key={s.key}>
          {s.heading ? <SectionTitle>{s.heading}</SectionTitle> : null}
          <Typography.Paragraph style={{ textIndent: '2em', lineHeight: 2 }}>
            {s.sentences.map((x) => (
              <span key={x.id} data-sentence={x.id}>
                {withOffsets(figureSegments(x.text, x.figures)).map(({ seg, at }) => {
                  const key = `${x.id}@${at}`;
                  if (!('figure' in seg)) return <span key={key}>{seg.text}</span>;
                  const def = defs.get(seg.figure);
                  const link = (
                    <Link
                      key={key}
                      to={`/staff/figures/${seg.figure}?${periodQuery(period)}`}
                      data-testid={`figure-link-${seg.figure}`}
                      style={{ textDecoration: 'underline' }}
                    >
                      {seg.text}
                    </Link>
                  );
                  return def ? (
                    <Tooltip
                      key={key}
                      title={t('periodReport.figureLink', {
                        label: def.label[l],
                        definition: def.definition[l],
                        source: inLanguage(def.source, def.sourceEn, lang),
                      })}
                    >
                      {link}
                    </Tooltip>
                  ) : (
                    link
                  );
                })}
              </span>
            ))}
          </Typography.Paragraph>
        </div>
      ))}
    </div>
  );
}

function SavedDrafts({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: periodReportKeys.drafts({ page: 1, pageSize: 10, sort: '-updated' }),
    queryFn: ({ signal }) => listDrafts({ page: 1, pageSize: 10, sort: '-updated' }, signal),
  });
  return (
    <Card size="small" title={t('periodReport.drafts')}>
      {q.isLoading ? (
        <PageLoading />
      ) : q.isError || !q.data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState description={t('periodReport.draftsEmpty')} />
      ) : (
        <ListLines
          items={q.data.items}
          rowKey="id"
          renderItem={(d) => (
            <ListLine
              title={d.title}
              description={`${t('periodReport.version', { version: d.version })} · ${t('periodReport.updatedAt')} ${formatDateTime(d.updatedAt)}`}
              extra={
                <Button type="link" onClick={() => onOpen(d.id)}>
                  {t('periodReport.open')}
                </Button>
              }
            />
          )}
        />
      )}
    </Card>
  );
}

function FreshReport({ onSaved }: { onSaved: (id: string) => void }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const showError = useShowError();
  const [params, setParams] = useSearchParams();
  const period = periodFromParams(params);
  const q = useQuery({
    queryKey: periodReportKeys.fresh(period),
    queryFn: ({ signal }) => getFreshDraft(period, signal),
  });
  const save = useMutation({
    mutationFn: (p: { from: string; to: string }) => createDraft(p),
    onSuccess: (d) => onSaved(d.id),
    onError: showError,
  });
  const data = q.data;
  return (
    <PageContainer
      title={t('periodReport.title')}
      extra={
        <Flex gap={8} wrap>
          <DatePicker.RangePicker
            allowClear={false}
            value={data ? [dayjs(data.from), dayjs(data.to)] : null}
            onChange={(v) => {
              if (v?.[0] && v[1]) setParams({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
            }}
            data-testid="period-report-range"
          />
          <Button onClick={() => setParams({})}>{t('periodReport.thisYear')}</Button>
          <Button onClick={() => setParams({ ...ARTICLE_PERIOD })} data-testid="period-report-article">
            {t('periodReport.articlePeriod')}
          </Button>
        </Flex>
      }
    >
      {q.isLoading ? (
        <PageLoading />
      ) : q.isError || !data ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Alert type="info" showIcon title={t('periodReport.hint')} />
          <Card
            title={data.title}
            extra={
              <Space>
                <Button
                  onClick={() => void exportFreshDocx({ from: data.from, to: data.to }).catch(showError)}
                  data-testid="period-report-export"
                >
                  {t('periodReport.exportDocx')}
                </Button>
                {canAccess(roles, PERIOD_REPORT_PERMISSIONS.edit) ? (
                  <Button
                    type="primary"
                    loading={save.isPending}
                    onClick={() => save.mutate({ from: data.from, to: data.to })}
                    data-testid="period-report-save-draft"
                  >
                    {t('periodReport.saveAsDraft')}
                  </Button>
                ) : null}
              </Space>
            }
          >
            <ReportText sections={data.sections} period={data} figures={data.figures} />
          </Card>
          <SavedDrafts onOpen={onSaved} />
        </Flex>
      )}
    </PageContainer>
  );
}

function SavedReport({ id, onBack }: { id: string; onBack: () => void }) {
  const { t } = useTranslation();
  const { roles } = useAuth();
  const showError = useShowError();
  const message = useMessage();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: periodReportKeys.draft(id), queryFn: ({ signal }) => getDraft(id, signal) });
  const versions = useQuery({
    queryKey: periodReportKeys.versions(id),
    queryFn: ({ signal }) => listVersions(id, signal),
  });
  const [editing, setEditing] = useState<{ title: string; sections: DraftSection[]; note: string } | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const d = q.data!;
      const e = editing!;
      return saveDraft(id, {
        version: d.version,
        title: e.title,
        ...(e.note.trim() ? { note: e.note.trim() } : {}),
        sections: e.sections.map((s) => ({
          key: s.key,
          heading: s.heading,
          sentences: s.sentences.map((x) => ({ id: x.id, text: x.text })),
        })),
      });
    },
    onSuccess: (d) => {
      setEditing(null);
      message.success(t('periodReport.saved', { version: d.version }));
      void qc.invalidateQueries({ queryKey: periodReportKeys.all });
    },
    onError: showError,
  });
  const d = q.data;
  const setSentence = (si: number, xi: number, text: string) =>
    setEditing((e) =>
      e
        ? {
            ...e,
            sections: e.sections.map((s, i) =>
              i === si ? { ...s, sentences: s.sentences.map((x, j) => (j === xi ? { ...x, text } : x)) } : s,
            ),
          }
        : e,
    );
  return (
    <PageContainer
      title={t('periodReport.title')}
      extra={<Button onClick={onBack}>{t('periodReport.backToFresh')}</Button>}
    >
      {q.isLoading ? (
        <PageLoading />
      ) : q.isError || !d ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Flex vertical gap={16}>
          <Typography.Text type="secondary" data-testid="period-report-draft-meta">
            {t('periodReport.draftOf', { from: d.from, to: d.to, version: d.version, by: d.createdByName })}
          </Typography.Text>
          <Card
            title={editing ? null : d.title}
            extra={
              <Space>
                {editing ? (
                  <>
                    <Button onClick={() => setEditing(null)}>{t('periodReport.cancel')}</Button>
                    <Button
                      type="primary"
                      loading={save.isPending}
                      onClick={() => save.mutate()}
                      data-testid="period-report-save"
                    >
                      {t('periodReport.save')}
                    </Button>
                  </>
                ) : (
                  <>
                    <Button
                      onClick={() => void exportDraftDocx(id).catch(showError)}
                      data-testid="period-report-export-draft"
                    >
                      {t('periodReport.exportDocx')}
                    </Button>
                    {canAccess(roles, PERIOD_REPORT_PERMISSIONS.edit) ? (
                      <Button
                        type="primary"
                        onClick={() => setEditing({ title: d.title, sections: d.sections, note: '' })}
                        data-testid="period-report-edit"
                      >
                        {t('periodReport.edit')}
                      </Button>
                    ) : null}
                  </>
                )}
              </Space>
            }
          >
            {editing ? (
              <Flex vertical gap={8}>
                <Input
                  addonBefore={t('periodReport.titleLabel')}
                  aria-label={t('periodReport.titleLabel')}
                  value={editing.title}
                  maxLength={200}
                  onChange={(e) => setEditing({ ...editing, title: e.target.value })}
                />
                {editing.sections.map((s, si) => (
                  <div key={s.key}>
                    {s.heading ? <SectionTitle>{s.heading}</SectionTitle> : null}
                    {s.sentences.map((x, xi) => (
                      <Input.TextArea
                        key={x.id}
                        value={x.text}
                        autoSize
                        maxLength={2000}
                        style={{ marginBottom: 8 }}
                        aria-label={t('periodReport.sentenceLabel', {
                          n: editing.sections.slice(0, si).reduce((n, p) => n + p.sentences.length, 0) + xi + 1,
                        })}
                        onChange={(e) => setSentence(si, xi, e.target.value)}
                        data-testid={`sentence-${x.id}`}
                      />
                    ))}
                  </div>
                ))}
                <Input
                  placeholder={t('periodReport.note')}
                  value={editing.note}
                  maxLength={200}
                  onChange={(e) => setEditing({ ...editing, note: e.target.value })}
                />
              </Flex>
            ) : (
              <ReportText sections={d.sections} period={d} />
            )}
          </Card>
          <Card size="small" title={t('periodReport.versions')}>
            {versions.isLoading ? (
              <PageLoading />
            ) : versions.isError || !versions.data ? (
              <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />
            ) : (
              <ListLines
                items={versions.data}
                rowKey="version"
                renderItem={(v) => (
                  <ListLine
                    title={t('periodReport.version', { version: v.version })}
                    description={`${t('periodReport.savedBy', { by: v.savedByName, at: formatDateTime(v.savedAt) })}${v.note ? ` · ${v.note}` : ''}`}
                  />
                )}
              />
            )}
          </Card>
        </Flex>
      )}
    </PageContainer>
  );
}

/** 阶段报告: drafted from the figures, saved as a versioned draft, edited, exported as Word. */
export default function PeriodReportPage() {
  const [params, setParams] = useSearchParams();
  const draftId = params.get('draft');
  if (draftId && /^[0-9a-f-]{36}$/.test(draftId)) {
    return <SavedReport id={draftId} onBack={() => setParams({})} />;
  }
  return <FreshReport onSaved={(id) => setParams({ draft: id })} />;
}
