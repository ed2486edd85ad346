import { todayInShanghai } from '@qingshan/core';
import {
  CHECK_RESULTS,
  type CheckResult,
  checklistFor,
  FINDING_SEVERITIES,
  OFF_SITE_SOURCES,
  SITE_INSPECTION_KINDS,
} from '@qingshan/core/site-inspections';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Image,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { canAccess, isStaff } from '../../access.ts';
import { applyFieldErrors, errorMessage, useShowError } from '../../api/errors.ts';
import { ApiError } from '../../api/http.ts';
import { useAuth } from '../../auth/auth.tsx';
import { useMessage } from '../../components/feedback.tsx';
import { PageContainer } from '../../components/PageContainer.tsx';
import { ErrorState, PageLoading } from '../../components/QueryState.tsx';
import { useLanguage } from '../../i18n.ts';
import { formatDateTime } from '../../utils/datetime.ts';
import { listAlarms } from '../alarms/api.ts';
import { inLanguage } from '../alarms/labels.ts';
import { getEnterprise, listEnterprises } from '../enterprises/api.ts';
import {
  completeInspection,
  createInspection,
  getInspection,
  type InspectionBody,
  type InspectionDetail,
  inspectionFileUrl,
  openCase,
  siteInspectionKeys,
  updateInspection,
  uploadPhoto,
} from './api.ts';
import { kindLabel, resultLabel, severityLabel, sourceLabel, statusLabel } from './labels.ts';
import { SITE_INSPECTION_PERMISSIONS } from './permissions.ts';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.tsx';

type Values = Omit<InspectionBody, 'checklist'> & {
  checks?: Record<string, { result?: CheckResult; note?: string }>;
};

function toBody(v: Values, drawId: string | null): InspectionBody {
  const { checks, ...rest } = v;
  return {
    ...rest,
    drawId,
    latitude: rest.latitude ?? null,
    longitude: rest.longitude ?? null,
    alarmId: rest.alarmId || null,
    // the clue stays linked only while the check is an off-site one from a clue
    clueId: rest.kind === 'off-site' && rest.offSiteSource === 'clue' ? rest.clueId || null : null,
    offSiteSource: rest.kind === 'off-site' ? (rest.offSiteSource ?? null) : null,
    checklist: Object.entries(checks ?? {})
      .filter(([, c]) => c?.result)
      .map(([key, c]) => ({ key, result: c.result!, note: c.note ?? '' })),
    findings: (rest.findings ?? []).map((f) => ({
      ...f,
      itemKey: f.itemKey ?? null,
      requirement: f.requirement || null,
    })),
  };
}

function toValues(d: InspectionDetail): Values {
  return {
    kind: d.kind,
    enterpriseId: d.enterpriseId,
    inspectedOn: d.inspectedOn,
    inspectorNames: d.inspectorNames,
    latitude: d.latitude,
    longitude: d.longitude,
    place: d.place,
    offSiteSource: d.offSiteSource,
    alarmId: d.alarmId,
    clueId: d.clueId,
    sourceRef: d.sourceRef,
    summary: d.summary,
    checks: Object.fromEntries(d.checklist.map((c) => [c.key, { result: c.result as CheckResult, note: c.note }])),
    findings: d.findingList.map((f) => ({
      description: f.description,
      severity: f.severity as (typeof FINDING_SEVERITIES)[number],
      itemKey: f.itemKey,
      requirement: f.requirement,
    })),
  };
}

/**
 * What a page that starts an inspection may pass in the address (a clue, an alarm or a station: the
 * firm, off-site, the record as its source); anything not a known value is ignored, so a hand-edited link cannot smuggle one in.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function presetFrom(params: URLSearchParams): Partial<Values> {
  const kind = params.get('kind');
  const source = params.get('offSiteSource');
  const ref = params.get('sourceRef')?.slice(0, 300);
  const clueId = params.get('clueId');
  const alarmId = params.get('alarmId');
  return {
    ...(clueId && UUID.test(clueId) ? { clueId } : {}),
    ...(alarmId && UUID.test(alarmId) ? { alarmId } : {}),
    ...(params.get('enterpriseId') ? { enterpriseId: params.get('enterpriseId')! } : {}),
    ...(SITE_INSPECTION_KINDS.includes(kind as never) ? { kind: kind as Values['kind'] } : {}),
    ...(OFF_SITE_SOURCES.includes(source as never) ? { offSiteSource: source as Values['offSiteSource'] } : {}),
    ...(ref ? { sourceRef: ref } : {}),
  };
}

/**
 * 现场检查 on a phone: the firm, who and where (the browser's location, editable), the checklist of
 * its industry, findings, photos, then the enterprise's signature or refusal. A completed record is
 * shown read-only, with its orders and, for a serious finding, the case.
 */
export default function InspectionFormPage() {
  const { id } = useParams();
  const kept = useRef<KeptSigning>({ id: null, png: null, values: {} });
  if (kept.current.id !== (id ?? null)) kept.current = { id: id ?? null, png: null, values: {} };
  const detail = useQuery({
    queryKey: siteInspectionKeys.detail(id ?? 'new'),
    queryFn: ({ signal }) => getInspection(id!, signal),
    enabled: !!id,
  });
  if (id && detail.isPending) return <PageLoading />;
  if (id && detail.isError) return <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  if (d && d.status === 'completed') return <CompletedView d={d} />;
  return <DraftForm key={d ? `${d.id}:${d.version}` : 'new'} d={d} kept={kept} />;
}

/**
 * The signing in progress, kept above the draft form: a refused completion after the draft was
 * saved reloads the form at the new version, and the firm's representative should not have to
 * sign again for that. Only in this page's memory; keyed by the record, so another one starts empty.
 */
type KeptSigning = { id: string | null; png: string | null; values: CompleteValues };

function DraftForm({ d, kept }: { d: InspectionDetail | undefined; kept: React.RefObject<KeptSigning> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const drawId = d?.drawId ?? params.get('drawId');
  const [search, setSearch] = useState('');
  const [locating, setLocating] = useState(false);
  const kind = Form.useWatch('kind', form) ?? d?.kind ?? 'on-site';
  const enterpriseId = Form.useWatch('enterpriseId', form) ?? d?.enterpriseId ?? params.get('enterpriseId');
  const clueId: string | null | undefined = Form.useWatch('clueId', form);
  const offSiteSource = Form.useWatch('offSiteSource', form);
  const enterprises = useQuery({
    queryKey: ['site-inspections', 'enterprise-options', search],
    queryFn: ({ signal }) => listEnterprises({ q: search || undefined, page: 1, pageSize: 20 } as never, signal),
  });
  const firm = useQuery({
    queryKey: ['site-inspections', 'enterprise', enterpriseId],
    queryFn: ({ signal }) => getEnterprise(enterpriseId!, signal),
    enabled: !!enterpriseId,
  });
  const items = firm.data ? checklistFor(firm.data.industryCode) : [];
  const refresh = () => qc.invalidateQueries({ queryKey: siteInspectionKeys.all });
  const onError = (e: unknown) => {
    if (e instanceof ApiError) applyFieldErrors(form, e);
    showError(e);
  };
  const save = useMutation({
    mutationFn: (v: Values) =>
      d ? updateInspection(d.id, { ...toBody(v, drawId), version: d.version }) : createInspection(toBody(v, drawId)),
    onSuccess: async (r) => {
      message.success(t('siteInspections.saved'));
      await refresh();
      if (!d) navigate(`/staff/site-inspections/${r.id}`, { replace: true });
    },
    onError,
  });
  /**
   * What the form shows, saved before the record is completed: an edit not yet saved (a finding
   * added, the summary typed) would otherwise be left out of what the firm signs, and a completed
   * record cannot change. Returns the version to complete.
   */
  const saveDraft = async (): Promise<number> => {
    if (!d) throw new DraftInvalid();
    if (!form.isFieldsTouched()) return d.version;
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      throw new DraftInvalid();
    }
    const saved = await updateInspection(d.id, { ...toBody(v, drawId), version: d.version });
    return saved.version;
  };
  const locate = () => {
    if (!navigator.geolocation) return void message.warning(t('siteInspections.locateFailed'));
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        setLocating(false);
        form.setFieldsValue({
          latitude: Number(p.coords.latitude.toFixed(6)),
          longitude: Number(p.coords.longitude.toFixed(6)),
        });
      },
      () => {
        setLocating(false);
        message.warning(t('siteInspections.locateFailed'));
      },
      { timeout: 10_000 },
    );
  };
  const initial: Partial<Values> = d
    ? toValues(d)
    : {
        kind: 'on-site',
        inspectedOn: todayInShanghai(),
        inspectorNames: [],
        findings: [],
        ...presetFrom(params),
      };
  // the chosen firm keeps its name even when it is not among the search's first page (a preset firm)
  const chosen = d
    ? { value: d.enterpriseId, label: d.enterpriseName }
    : firm.data
      ? { value: firm.data.id, label: firm.data.name }
      : null;
  const options = [
    ...(chosen ? [chosen] : []),
    ...(enterprises.data?.items ?? [])
      .filter((e) => e.id !== chosen?.value)
      .map((e) => ({ value: e.id, label: e.name })),
  ];
  const alarms = useQuery({
    queryKey: ['site-inspections', 'alarm-options', enterpriseId],
    queryFn: ({ signal }) => listAlarms({ enterpriseId: enterpriseId!, page: 1, pageSize: 50 }, signal),
    enabled: kind === 'off-site' && !!enterpriseId,
  });
  const alarmOptions = (alarms.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${formatDateTime(a.raisedAt)} ${t('common.labelled', { label: a.sourceName, value: inLanguage(a.detail, a.detailEn, lang) })}`,
  }));
  return (
    <PageContainer title={d ? `${d.enterpriseName} · ${statusLabel(d.status, lang)}` : t('siteInspections.newTitle')}>
      <div style={{ maxWidth: 720 }}>
        {drawId ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('siteInspections.draw')} /> : null}
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Form.Item name="kind" label={t('siteInspections.kind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={SITE_INSPECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k, lang) }))}
              />
            </Form.Item>
            <Form.Item name="enterpriseId" label={t('siteInspections.enterprise')} rules={[{ required: true }]}>
              <Select
                showSearch
                filterOption={false}
                onSearch={setSearch}
                placeholder={t('siteInspections.enterpriseSearch')}
                options={options}
                loading={enterprises.isFetching}
              />
            </Form.Item>
            <Form.Item
              name="inspectedOn"
              label={t('siteInspections.inspectedOn')}
              rules={[{ required: true }]}
              // the form and the API keep the day as YYYY-MM-DD; only the picker holds a dayjs
              getValueProps={(v: string | undefined) => ({ value: v ? dayjs(v) : null })}
              normalize={(v: Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined)}
            >
              <DatePicker
                format="YYYY-MM-DD"
                allowClear={false}
                style={{ width: '100%' }}
                // today is Beijing's today, whatever the phone's own zone
                disabledDate={(day) => day.isAfter(dayjs(todayInShanghai()), 'day')}
              />
            </Form.Item>
            <Form.Item
              name="inspectorNames"
              label={t('siteInspections.inspectors')}
              extra={t('siteInspections.inspectorsHint')}
              rules={[{ required: true }]}
            >
              <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
            </Form.Item>
            {kind === 'off-site' ? (
              <>
                <Form.Item name="offSiteSource" label={t('siteInspections.offSiteSource')} rules={[{ required: true }]}>
                  <Select options={OFF_SITE_SOURCES.map((s) => ({ value: s, label: sourceLabel(s, lang) }))} />
                </Form.Item>
                <Form.Item name="alarmId" label={t('siteInspections.alarmId')}>
                  <Select
                    allowClear
                    data-testid="inspection-alarm"
                    placeholder={t('siteInspections.alarmPick')}
                    notFoundContent={t('siteInspections.noAlarms')}
                    loading={alarms.isFetching}
                    options={alarmOptions}
                  />
                </Form.Item>
                <Form.Item name="sourceRef" label={t('siteInspections.sourceRef')}>
                  <Input maxLength={300} />
                </Form.Item>
                <Form.Item name="clueId" hidden>
                  <Input />
                </Form.Item>
                {clueId && offSiteSource === 'clue' ? (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    data-testid="inspection-clue"
                    title={<Link to={`/staff/clues/${clueId}`}>{t('siteInspections.fromClue')}</Link>}
                  />
                ) : null}
              </>
            ) : null}
          </Card>
          <Card size="small" title={t('siteInspections.location')} style={{ marginBottom: 12 }}>
            <Button onClick={locate} loading={locating} style={{ marginBottom: 8 }} data-testid="inspection-locate">
              {locating ? t('siteInspections.locating') : t('siteInspections.locate')}
            </Button>
            <Flex gap={8}>
              <Form.Item name="latitude" label={t('siteInspections.latitude')} style={{ flex: 1 }}>
                <InputNumber min={-90} max={90} step={0.000001} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="longitude" label={t('siteInspections.longitude')} style={{ flex: 1 }}>
                <InputNumber min={-180} max={180} step={0.000001} style={{ width: '100%' }} />
              </Form.Item>
            </Flex>
            <Form.Item name="place" label={t('siteInspections.place')}>
              <Input maxLength={200} />
            </Form.Item>
          </Card>
          {items.length ? (
            <Card size="small" title={t('siteInspections.checklist')} style={{ marginBottom: 12 }}>
              <Typography.Paragraph type="secondary">{t('siteInspections.checklistHint')}</Typography.Paragraph>
              {items.map((item) => (
                <div key={item.key} style={{ borderBottom: '1px solid #f0f0f0', paddingBottom: 8, marginBottom: 8 }}>
                  <Typography.Text strong>{lang === 'en' ? item.label.en : item.label.zh}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('common.labelled', {
                      label: t('siteInspections.source'),
                      value: lang === 'en' ? item.sourceEn : item.source,
                    })}
                  </Typography.Text>
                  <Form.Item name={['checks', item.key, 'result']} style={{ margin: '6px 0' }}>
                    <Radio.Group options={CHECK_RESULTS.map((r) => ({ value: r, label: resultLabel(r, lang) }))} />
                  </Form.Item>
                  <Form.Item name={['checks', item.key, 'note']} style={{ margin: 0 }}>
                    <Input placeholder={t('siteInspections.note')} maxLength={500} />
                  </Form.Item>
                </div>
              ))}
            </Card>
          ) : null}
          <Card size="small" title={t('siteInspections.findings')} style={{ marginBottom: 12 }}>
            <Form.List name="findings">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card
                      key={f.key}
                      size="small"
                      type="inner"
                      title={`${t('siteInspections.findings')} ${i + 1}`}
                      extra={
                        <Button size="small" type="link" danger onClick={() => remove(f.name)}>
                          ×
                        </Button>
                      }
                      style={{ marginBottom: 8 }}
                    >
                      <Form.Item
                        name={[f.name, 'description']}
                        label={t('siteInspections.description')}
                        rules={[{ required: true }]}
                      >
                        <Input.TextArea rows={2} maxLength={1000} />
                      </Form.Item>
                      <Form.Item
                        name={[f.name, 'severity']}
                        label={t('siteInspections.severity')}
                        rules={[{ required: true }]}
                      >
                        <Radio.Group
                          options={FINDING_SEVERITIES.map((s) => ({ value: s, label: severityLabel(s, lang) }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'itemKey']} label={t('siteInspections.checklist')}>
                        <Select
                          allowClear
                          options={items.map((it) => ({
                            value: it.key,
                            label: lang === 'en' ? it.label.en : it.label.zh,
                          }))}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'requirement']} label={t('siteInspections.requirement')}>
                        <Input.TextArea rows={2} maxLength={1000} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button onClick={() => add({ severity: 'minor' })} block>
                    {t('siteInspections.addFinding')}
                  </Button>
                </>
              )}
            </Form.List>
          </Card>
          <Form.Item name="summary" label={t('siteInspections.summary')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={save.isPending}
            block
            size="large"
            data-testid="inspection-save"
          >
            {t('siteInspections.save')}
          </Button>
        </Form>
        {d ? <PhotosCard d={d} /> : null}
        {d ? <CompleteCard d={d} saveDraft={saveDraft} kept={kept} /> : null}
      </div>
    </PageContainer>
  );
}

function PhotosCard({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadPhoto(d.id, file),
    onSuccess: async () => {
      message.success(t('siteInspections.photoUploaded'));
      await qc.invalidateQueries({ queryKey: siteInspectionKeys.detail(d.id) });
    },
    onError: showError,
  });
  return (
    <Card size="small" title={t('siteInspections.photos')} style={{ margin: '12px 0' }}>
      <Typography.Paragraph type="secondary">{t('siteInspections.photoHint')}</Typography.Paragraph>
      <Photos d={d} />
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        capture="environment"
        data-testid="photo-input"
        style={{ display: 'none' }}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) upload.mutate(f);
          e.target.value = '';
        }}
      />
      <Button block loading={upload.isPending} onClick={() => input.current?.click()}>
        {t('siteInspections.takePhoto')}
      </Button>
    </Card>
  );
}

function Photos({ d }: { d: InspectionDetail }) {
  const photos = d.files.filter((f) => f.ownerType === 'inspection');
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Flex gap={8} wrap style={{ marginBottom: 8 }}>
        {photos.map((f) => (
          <Image
            key={f.id}
            width={96}
            height={96}
            style={{ objectFit: 'cover' }}
            src={inspectionFileUrl(d.id, f.id)}
            alt={f.fileName}
          />
        ))}
      </Flex>
    </Image.PreviewGroup>
  );
}

type CompleteValues = { signerName?: string; refused?: boolean; refusalReason?: string; witness?: string };

/** The draft's own fields hold errors: it cannot be saved, so it is not completed either. */
class DraftInvalid extends Error {}

function CompleteCard({
  d,
  saveDraft,
  kept,
}: {
  d: InspectionDetail;
  saveDraft: () => Promise<number>;
  kept: React.RefObject<KeptSigning>;
}) {
  const { t } = useTranslation();
  const message = useMessage();
  const showError = useShowError();
  const qc = useQueryClient();
  const pad = useRef<SignaturePadHandle>(null);
  const [form] = Form.useForm<CompleteValues>();
  const refused = Form.useWatch('refused', form);
  const complete = useMutation({
    mutationFn: async ({ v, png }: { v: CompleteValues; png: string | null }) => {
      const version = await saveDraft();
      if (d.kind === 'off-site') return completeInspection(d.id, { version });
      if (v.refused) return completeInspection(d.id, { refusalReason: v.refusalReason!, witness: v.witness!, version });
      return completeInspection(d.id, { signerName: v.signerName!, signaturePng: png!, version });
    },
    onSuccess: async () => {
      message.success(t('siteInspections.completed'));
      await qc.invalidateQueries({ queryKey: siteInspectionKeys.all });
    },
    onError: (e) => {
      // the draft may have been saved before the completion was refused: its version moved on
      void qc.invalidateQueries({ queryKey: siteInspectionKeys.detail(d.id) });
      if (e instanceof DraftInvalid) return void message.error(t('siteInspections.draftInvalid'));
      const unplaced = e instanceof ApiError ? applyFieldErrors(form, e) : [];
      // what no field of this card holds (the drawing refused as blank) is said in the message itself
      if (unplaced.length)
        return void message.error(
          [errorMessage(e, t), ...unplaced.map((u) => u.message)].join(t('common.clauseSeparator')),
        );
      showError(e);
    },
  });
  const submit = (v: CompleteValues) => {
    const png = d.kind === 'on-site' && !v.refused ? (pad.current?.png() ?? null) : null;
    // said in words before anything is sent: showError names only the API's refusals
    if (d.kind === 'on-site' && !v.refused && !png) return void message.error(t('siteInspections.signatureEmpty'));
    complete.mutate({ v, png });
  };
  if (d.kind === 'off-site')
    return (
      <Button
        type="primary"
        block
        size="large"
        loading={complete.isPending}
        onClick={() => submit({})}
        data-testid="inspection-complete-off-site"
      >
        {t('siteInspections.completeOffSite')}
      </Button>
    );
  return (
    <Card size="small" title={t('siteInspections.sign')} style={{ marginBottom: 12 }}>
      <Form<CompleteValues>
        form={form}
        layout="vertical"
        initialValues={kept.current.values}
        onValuesChange={(_, all) => {
          kept.current.values = all;
        }}
        onFinish={submit}
      >
        <Form.Item name="refused" valuePropName="checked">
          <Checkbox>{t('siteInspections.refuse')}</Checkbox>
        </Form.Item>
        {refused ? (
          <>
            <Form.Item name="refusalReason" label={t('siteInspections.refusalReason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Form.Item name="witness" label={t('siteInspections.witness')} rules={[{ required: true }]}>
              <Input maxLength={80} />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name="signerName" label={t('siteInspections.signerName')} rules={[{ required: true }]}>
              <Input maxLength={40} />
            </Form.Item>
            <SignaturePad
              ref={pad}
              initial={kept.current.png}
              onChange={(png) => {
                kept.current.png = png;
              }}
            />
          </>
        )}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={complete.isPending}
          style={{ marginTop: 12 }}
          data-testid="inspection-complete"
        >
          {t('siteInspections.complete')}
        </Button>
      </Form>
    </Card>
  );
}

function CompletedView({ d }: { d: InspectionDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { roles } = useAuth();
  const navigate = useNavigate();
  const showError = useShowError();
  const canRecord = canAccess(roles, SITE_INSPECTION_PERMISSIONS.record);
  const staff = isStaff(roles);
  const signature = d.files.find((f) => f.ownerType === 'signature');
  const open = useMutation({
    mutationFn: (f: InspectionDetail['findingList'][number]) =>
      openCase({ findingId: f.id, title: `${d.enterpriseName}${f.description}案` }),
    onSuccess: (c) => navigate(`/staff/enforcement-cases/${c.id}`),
    onError: showError,
  });
  return (
    <PageContainer title={`${d.enterpriseName} · ${kindLabel(d.kind, lang)}`}>
      <div style={{ maxWidth: 720 }}>
        <Descriptions column={1} size="small" bordered layout="vertical" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('siteInspections.status')}>
            <Tag color="green">{statusLabel(d.status, lang)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.inspectedOn')}>{d.inspectedOn}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.inspectors')}>{d.inspectorNames.join('、')}</Descriptions.Item>
          {d.offSiteSource ? (
            <Descriptions.Item label={t('siteInspections.offSiteSource')}>
              {sourceLabel(d.offSiteSource, lang)}{' '}
              {d.clueId ? (
                <Link to={`/staff/clues/${d.clueId}`} data-testid="inspection-clue-link">
                  {d.sourceRef || t('siteInspections.fromClue')}
                </Link>
              ) : (
                d.sourceRef
              )}
              {d.alarmId && staff ? (
                <>
                  {' '}
                  <Link to={`/staff/alarms/${d.alarmId}`} data-testid="inspection-alarm-link">
                    {t('siteInspections.openAlarm')}
                  </Link>
                </>
              ) : null}
            </Descriptions.Item>
          ) : null}
          {d.latitude !== null ? (
            <Descriptions.Item label={t('siteInspections.location')}>
              {d.latitude}, {d.longitude} {d.place}
            </Descriptions.Item>
          ) : null}
          <Descriptions.Item label={t('siteInspections.summary')}>{d.summary || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('siteInspections.officer')}>
            {d.officerName} · {d.completedAt ? formatDateTime(d.completedAt) : ''}
          </Descriptions.Item>
          {d.signerName ? (
            <Descriptions.Item label={t('siteInspections.signedBy')}>
              {d.signerName}
              {signature ? (
                <div>
                  <Image width={200} src={inspectionFileUrl(d.id, signature.id)} alt={t('siteInspections.sign')} />
                </div>
              ) : null}
            </Descriptions.Item>
          ) : null}
          {d.refusalReason ? (
            <Descriptions.Item label={t('siteInspections.refusedBy')}>
              {t('common.parenthetical', {
                text: d.refusalReason,
                note: t('common.labelled', { label: t('siteInspections.witness'), value: d.witness }),
              })}
            </Descriptions.Item>
          ) : null}
        </Descriptions>
        <Photos d={d} />
        <Card size="small" title={t('siteInspections.findings')}>
          {d.findingList.length === 0 ? <Typography.Text type="secondary">—</Typography.Text> : null}
          {d.findingList.map((f) => (
            <div key={f.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }}>
              <Space wrap>
                <Tag color={f.severity === 'serious' ? 'red' : 'orange'}>{severityLabel(f.severity, lang)}</Tag>
                <Typography.Text>{f.description}</Typography.Text>
              </Space>
              {f.requirement ? <div>{f.requirement}</div> : null}
              <Space wrap style={{ marginTop: 4 }}>
                {f.orderId ? <Link to={`/staff/rectifications/${f.orderId}`}>{t('siteInspections.order')}</Link> : null}
                {f.caseId ? <Link to={`/staff/enforcement-cases/${f.caseId}`}>{t('siteInspections.case')}</Link> : null}
                {f.severity === 'serious' && !f.caseId && canRecord ? (
                  <Button size="small" danger loading={open.isPending} onClick={() => open.mutate(f)}>
                    {t('siteInspections.openCase')}
                  </Button>
                ) : null}
              </Space>
            </div>
          ))}
        </Card>
      </div>
    </PageContainer>
  );
}
