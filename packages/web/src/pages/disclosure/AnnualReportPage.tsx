import { PROACTIVE_MEASURE_LABELS } from '@qingshan/core/disclosure-annual';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Flex, Input, Modal, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { canAccess } from '../../access.ts';
import { useShowError } from '../../api/errors.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { ListLine, ListLines } from '../../components/ListLine.tsx';
import { RecordTable } from '../../components/list-page/index.ts';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState } from '../../components/QueryState.tsx';
import { coreLang } from '../../domain.ts';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import {
  type AnnualReport,
  type AnnualTextSectionKey,
  annualKeys,
  disclosureKeys,
  exportAnnualReport,
  exportAnnualReportDocx,
  getAnnualCell,
  getAnnualReport,
  saveAnnualText,
} from './api.ts';
import { DISCLOSURE_PERMISSIONS } from './permissions.ts';

const thisYear = () => Number(new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4));

/**
 * The statutory annual report (政府信息公开工作年度报告) of a year: the bureau writes 一、五、六,
 * the platform computes 二、三、四 from its records; every number opens the records it counts.
 */
export default function AnnualReportPage() {
  const { t } = useTranslation();
  const showError = useShowError();
  const { roles } = useAuth();
  const desk = canAccess(roles, DISCLOSURE_PERMISSIONS.desk);
  const [year, setYear] = useState(thisYear());
  const [drill, setDrill] = useState<{ cell: string; title: string } | null>(null);
  const q = useQuery({ queryKey: disclosureKeys.report(year), queryFn: ({ signal }) => getAnnualReport(year, signal) });
  const xlsx = useMutation({ mutationFn: () => exportAnnualReport(year), onError: showError });
  const docx = useMutation({ mutationFn: () => exportAnnualReportDocx(year), onError: showError });
  const years = Array.from({ length: thisYear() - 2019 + 1 }, (_, i) => thisYear() - i);
  const open = (cell: string, title: string) => setDrill({ cell, title });
  const r = q.data;
  return (
    <PageContainer
      title={t('disclosure.reportTitle')}
      extra={
        <Space wrap>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('disclosure.yearOption', { year: y }) }))}
            aria-label={t('disclosure.reportYear')}
            data-testid="report-year"
          />
          <Button type="primary" onClick={() => docx.mutate()} loading={docx.isPending} data-testid="report-docx">
            {t('disclosure.exportDocx')}
          </Button>
          <Button onClick={() => xlsx.mutate()} loading={xlsx.isPending} data-testid="report-export">
            {t('disclosure.export')}
          </Button>
        </Space>
      }
    >
      <Alert type="info" showIcon title={t('disclosure.reportIntro')} style={{ marginBottom: 16 }} />
      {q.isError ? (
        <Card>
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        </Card>
      ) : !r ? (
        <Card loading />
      ) : (
        <>
          <TextSection key={`${r.year}-overview`} r={r} section="overview" desk={desk} onOpen={open} />
          <ProactiveSection r={r} onOpen={open} />
          <RequestsSection r={r} onOpen={open} />
          <AppealsSection r={r} onOpen={open} />
          <TextSection key={`${r.year}-problems`} r={r} section="problems" desk={desk} onOpen={open} />
          <TextSection key={`${r.year}-other`} r={r} section="other" desk={desk} onOpen={open} />
        </>
      )}
      {drill ? <DrillModal year={year} {...drill} onClose={() => setDrill(null)} /> : null}
    </PageContainer>
  );
}

type Open = (cell: string, title: string) => void;

/** A counted number: a link to the records behind it (a zero has none to show). */
function Num({ value, cell, title, onOpen }: { value: number; cell: string; title: string; onOpen: Open }) {
  if (value === 0) return <span>0</span>;
  return (
    <Typography.Link onClick={() => onOpen(cell, title)} data-testid={`cell-${cell}`}>
      {value}
    </Typography.Link>
  );
}

function TextSection({
  r,
  section,
  desk,
  onOpen,
}: {
  r: AnnualReport;
  section: AnnualTextSectionKey;
  desk: boolean;
  onOpen: Open;
}) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useMessage();
  const showError = useShowError();
  const saved = r.texts.find((x) => x.section === section)!;
  const [body, setBody] = useState(saved.body);
  // a save (ours or, once refetched, someone else's) replaces the text shown; another year remounts
  useEffect(() => setBody(saved.body), [saved.body]);
  const save = useMutation({
    mutationFn: () => saveAnnualText(section, { year: r.year, body, version: saved.version }),
    onSuccess: () => {
      message.success(t('disclosure.textSaved'));
      void qc.invalidateQueries({ queryKey: disclosureKeys.report(r.year) });
    },
    onError: showError,
  });
  const dirty = body !== saved.body;
  return (
    <Card
      title={t(`disclosure.section.${section}`)}
      style={{ marginBottom: 16 }}
      extra={
        saved.version > 0 ? (
          <Typography.Text type="secondary">
            {t('disclosure.textVersion', {
              version: saved.version,
              by: saved.updatedByName,
              at: saved.updatedAt ? formatDateTime(saved.updatedAt) : '',
            })}
          </Typography.Text>
        ) : (
          <Tag>{t('disclosure.textDraftEmpty')}</Tag>
        )
      }
    >
      {section === 'overview' ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('disclosure.figuresOffered')}</Typography.Text>
          <ListLines
            items={r.figures}
            // two sentences may count the same cell
            rowKey={(f) => `${f.cell} ${f.text}`}
            renderItem={(f) => (
              <Flex justify="space-between" align="center" gap={16}>
                <span>{f.text}</span>
                {/* buttons, not anchors without an address: the keyboard reaches them */}
                <Flex gap={16} style={{ flex: 'none' }}>
                  <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(f.cell, f.text)}>
                    {t('disclosure.records')}
                  </Button>
                  {desk ? (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      onClick={() => setBody((b) => (b ? `${b}${f.text}` : f.text))}
                      data-testid="figure-insert"
                    >
                      {t('disclosure.insert')}
                    </Button>
                  ) : null}
                </Flex>
              </Flex>
            )}
          />
        </div>
      ) : null}
      {desk ? (
        <>
          <Input.TextArea
            value={body}
            onChange={(e) => setBody(e.target.value)}
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={20000}
            showCount
            placeholder={t(`disclosure.sectionHint.${section}`)}
            data-testid={`text-${section}`}
          />
          <Space style={{ marginTop: 12 }}>
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() => save.mutate()}
              data-testid={`text-${section}-save`}
            >
              {t('disclosure.saveText')}
            </Button>
            {dirty ? <Typography.Text type="warning">{t('disclosure.unsaved')}</Typography.Text> : null}
          </Space>
        </>
      ) : saved.body ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{saved.body}</Typography.Paragraph>
      ) : (
        <Empty description={t('disclosure.textNotWritten')} />
      )}
    </Card>
  );
}

function ProactiveSection({ r, onOpen }: { r: AnnualReport; onOpen: Open }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  type Row = AnnualReport['proactive'][number];
  // the view's label is Chinese only; the measure's code names it in either language
  const measure = (c: Row['cells'][number]) =>
    (PROACTIVE_MEASURE_LABELS as Record<string, { zh: string; en: string }>)[c.measure]?.[coreLang(lang)] ?? c.label;
  return (
    <Card title={t('disclosure.section.proactive')} style={{ marginBottom: 16 }}>
      <RecordTable<Row>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={r.proactive}
        data-testid="report-proactive"
        columns={[
          { title: t('disclosure.infoContent'), dataIndex: lang === 'en' ? 'en' : 'zh', width: 160 },
          {
            title: t('disclosure.figure'),
            width: 360,
            render: (_, row) => (
              <Space wrap size="large">
                {row.cells.map((c) => (
                  <span key={c.measure}>
                    {t('common.labelPrefix', { label: measure(c) })}
                    {c.value === null || c.cell === null ? (
                      <Tag color="default">{t('disclosure.notRecorded')}</Tag>
                    ) : (
                      <Num
                        value={c.value}
                        cell={c.cell}
                        title={`${row[coreLang(lang)]} · ${measure(c)}`}
                        onOpen={onOpen}
                      />
                    )}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            title: t('disclosure.basis'),
            render: (_, row) => (
              <Typography.Text type={row.recorded ? undefined : 'warning'}>
                {lang === 'en' ? row.basis.en : row.basis.zh}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

function RequestsSection({ r, onOpen }: { r: AnnualReport; onOpen: Open }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  type Row = AnnualReport['rows'][number];
  const cols = r.columns;
  const num = (row: Row, key: string, value: number, colTitle: string) => (
    <Num
      value={value}
      cell={`requests:${row.key}:${key}`}
      title={`${lang === 'en' ? row.en : row.zh} · ${colTitle}`}
      onOpen={onOpen}
    />
  );
  return (
    <Card title={t('disclosure.section.requests')} style={{ marginBottom: 16 }}>
      <Table<Row>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={r.rows}
        scroll={{ x: 960 }}
        data-testid="annual-report"
        columns={[
          { title: t('disclosure.row'), dataIndex: lang === 'en' ? 'en' : 'zh', width: 400 },
          {
            title: t('disclosure.naturalPerson'),
            key: cols[0]!.key,
            align: 'right' as const,
            render: (_: unknown, row: Row) =>
              num(row, cols[0]!.key, row.cells[cols[0]!.key] ?? 0, lang === 'en' ? cols[0]!.en : cols[0]!.zh),
          },
          {
            title: t('disclosure.organisations'),
            children: cols.slice(1).map((c) => ({
              title: lang === 'en' ? c.en : c.zh,
              key: c.key,
              align: 'right' as const,
              render: (_: unknown, row: Row) => num(row, c.key, row.cells[c.key] ?? 0, lang === 'en' ? c.en : c.zh),
            })),
          },
          {
            title: t('disclosure.total'),
            key: 'total',
            align: 'right' as const,
            render: (_: unknown, row: Row) => num(row, 'total', row.total, t('disclosure.total')),
          },
        ]}
      />
    </Card>
  );
}

function AppealsSection({ r, onOpen }: { r: AnnualReport; onOpen: Open }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const block = (kind: AnnualReport['appeals'][number]['kind']) => {
    const a = r.appeals.find((x) => x.kind === kind)!;
    return r.appealColumns.map((c) => ({
      title: lang === 'en' ? c.en : c.zh,
      key: `${kind}:${c.key}`,
      align: 'right' as const,
      render: () => (
        <Num
          value={a.cells[c.key] ?? 0}
          cell={`appeals:${kind}:${c.key}`}
          title={lang === 'en' ? `${a.en} · ${c.en}` : `${a.zh} · ${c.zh}`}
          onOpen={onOpen}
        />
      ),
    }));
  };
  return (
    <Card title={t('disclosure.section.appeals')} style={{ marginBottom: 16 }}>
      <Table
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={[{ key: 'row' }]}
        scroll={{ x: 960 }}
        data-testid="report-appeals"
        columns={[
          { title: t('disclosure.reconsideration'), children: block('reconsideration') },
          {
            title: t('disclosure.litigation'),
            children: [
              { title: t('disclosure.litigationDirect'), children: block('litigation') },
              { title: t('disclosure.litigationAfter'), children: block('litigation-after-reconsideration') },
            ],
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('disclosure.appealsBasis')}
      </Typography.Paragraph>
    </Card>
  );
}

function DrillModal({
  year,
  cell,
  title,
  onClose,
}: {
  year: number;
  cell: string;
  title: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: annualKeys.cell(year, cell),
    queryFn: ({ signal }) => getAnnualCell(year, cell, signal),
  });
  return (
    <Modal open title={title} onCancel={onClose} footer={null} width={720}>
      {q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Spin spinning={q.isPending}>
          <div data-testid="drill-list" style={{ minHeight: q.isPending ? 96 : undefined }}>
            {q.data ? (
              <Typography.Paragraph>{t('disclosure.drillCount', { n: q.data.total })}</Typography.Paragraph>
            ) : null}
            {q.data?.items.length ? (
              <ListLines
                items={q.data.items}
                rowKey="id"
                renderItem={(i) => (
                  <ListLine
                    title={<Link to={i.link}>{i.title}</Link>}
                    description={i.note || undefined}
                    extra={<Typography.Text type="secondary">{i.date}</Typography.Text>}
                  />
                )}
              />
            ) : q.data ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('disclosure.listEmpty')} />
            ) : null}
          </div>
        </Spin>
      )}
    </Modal>
  );
}
