/**
 * On-site and off-site inspections (现场检查 / 非现场检查), the rectification orders their findings
 * lead to (责令改正), and enforcement cases (行政处罚案件) opened on serious findings. Pure rules:
 * the checklists by industry with their legal sources, the case stages and their order, the
 * request bodies. rules.md §3; 《生态环境行政处罚办法》（生态环境部令第30号）.
 */
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { type ClockProfileDefinition, PERMIT_REGS_EN } from './deadline.ts';
import type { MessageTable } from './messages.ts';
import { isoDateSchema } from './text.ts';

type Label = { zh: string; en: string };

export const SITE_INSPECTION_KINDS = ['on-site', 'off-site'] as const;
export type SiteInspectionKind = (typeof SITE_INSPECTION_KINDS)[number];
export const SITE_INSPECTION_KIND_LABELS: Record<SiteInspectionKind, Label> = {
  'on-site': { zh: '现场检查', en: 'on-site inspection' },
  'off-site': { zh: '非现场检查', en: 'off-site check' },
};

/** What an off-site check was built from. */
export const OFF_SITE_SOURCES = ['monitoring', 'alarm', 'video', 'clue'] as const;
export type OffSiteSource = (typeof OFF_SITE_SOURCES)[number];
export const OFF_SITE_SOURCE_LABELS: Record<OffSiteSource, Label> = {
  monitoring: { zh: '在线监测数据', en: 'monitoring data' },
  alarm: { zh: '监测报警', en: 'monitoring alarm' },
  video: { zh: '视频监控', en: 'video' },
  clue: { zh: '线索', en: 'clue' },
};

export const SITE_INSPECTION_STATUSES = ['draft', 'completed'] as const;
export type SiteInspectionStatus = (typeof SITE_INSPECTION_STATUSES)[number];
export const SITE_INSPECTION_STATUS_LABELS: Record<SiteInspectionStatus, Label> = {
  draft: { zh: '检查中', en: 'in progress' },
  completed: { zh: '已完成', en: 'completed' },
};

/**
 * When the enterprise sees a record in its portal: an on-site record once completed, i.e. once the
 * firm signed it or refused to sign before a witness. The firm was there and read what it signed,
 * so nothing in it is news; until then it is the officers' working draft. An off-site check is
 * built in the office from monitoring data, alarms, video or clues the firm never saw, and may
 * rest on a draw not yet published: the firm learns of it through the rectification orders it
 * leads to (which it always sees), not as a record.
 */
export const ENTERPRISE_VISIBLE_RECORD = { kind: 'on-site', status: 'completed' } as const satisfies {
  kind: SiteInspectionKind;
  status: SiteInspectionStatus;
};
export const visibleToEnterprise = (r: { kind: string; status: string }): boolean =>
  r.kind === ENTERPRISE_VISIBLE_RECORD.kind && r.status === ENTERPRISE_VISIBLE_RECORD.status;

export const CHECK_RESULTS = ['ok', 'problem', 'not-applicable'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, Label> = {
  ok: { zh: '符合', en: 'compliant' },
  problem: { zh: '有问题', en: 'problem' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
};

export const FINDING_SEVERITIES = ['minor', 'serious'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];
export const FINDING_SEVERITY_LABELS: Record<FindingSeverity, Label> = {
  minor: { zh: '一般问题（责令改正）', en: 'minor (order to rectify)' },
  serious: { zh: '涉嫌违法（可立案）', en: 'suspected violation (may open a case)' },
};

/** source: the law and article an item checks; sourceEn: the same citation in English */
export type ChecklistItem = { key: string; label: Label; source: string; sourceEn: string };
export type Checklist = {
  key: string;
  label: Label;
  industryPrefixes: readonly string[];
  items: readonly ChecklistItem[];
};

const EPL = '《中华人民共和国环境保护法》';
const PLR = '《排污许可管理条例》';
const SWL = '《中华人民共和国固体废物污染环境防治法》';
const APL = '《中华人民共和国大气污染防治法》';
const WPL = '《中华人民共和国水污染防治法》';
const EPL_EN = 'Environmental Protection Law';
const SWL_EN = 'Law on the Prevention and Control of Environmental Pollution by Solid Waste';
const APL_EN = 'Law on the Prevention and Control of Atmospheric Pollution';
const WPL_EN = 'Law on the Prevention and Control of Water Pollution';
const LIVESTOCK_REGS_EN =
  'Regulations on the Prevention and Control of Pollution from Large-Scale Livestock and Poultry Farming';

/** Items every inspection checks, whatever the industry. */
export const GENERAL_CHECKLIST: Checklist = {
  key: 'general',
  label: { zh: '通用检查项', en: 'general items' },
  industryPrefixes: [],
  items: [
    {
      key: 'permit',
      label: {
        zh: '持有有效排污许可证或已排污登记，按证排污',
        en: 'valid discharge permit or registration; discharges as permitted',
      },
      source: `${PLR}第二条、第十七条`,
      sourceEn: `${PERMIT_REGS_EN}, Art. 2 and 17`,
    },
    {
      key: 'facilities',
      label: { zh: '污染防治设施正常运行，未擅自拆除或闲置', en: 'pollution control facilities run normally' },
      source: `${EPL}第四十一条、第四十二条`,
      sourceEn: `${EPL_EN}, Art. 41 and 42`,
    },
    {
      key: 'ledger',
      label: { zh: '环境管理台账记录完整、真实', en: 'environmental management ledger complete and true' },
      source: `${PLR}第二十一条`,
      sourceEn: `${PERMIT_REGS_EN}, Art. 21`,
    },
    {
      key: 'hazardous-waste',
      label: {
        zh: '危险废物贮存场所规范，标识、台账、转移联单齐全',
        en: 'hazardous waste stored properly, labelled, ledger and manifests',
      },
      source: `${SWL}第七十七条、第七十八条、第八十二条`,
      sourceEn: `${SWL_EN}, Art. 77, 78 and 82`,
    },
    {
      key: 'outlets',
      label: { zh: '排污口规范设置，标志牌齐全', en: 'outlets set up properly and signposted' },
      source: `${WPL}第二十二条`,
      sourceEn: `${WPL_EN}, Art. 22`,
    },
    {
      key: 'monitoring',
      label: {
        zh: '按规定开展自行监测，自动监测设备联网正常',
        en: 'self-monitoring done; automatic monitoring online',
      },
      source: `${APL}第二十四条；${WPL}第二十三条`,
      sourceEn: `${APL_EN}, Art. 24; ${WPL_EN}, Art. 23`,
    },
  ],
};

/** Items by industry (GB/T 4754-2017 code prefixes of the enterprise's industry). */
export const INDUSTRY_CHECKLISTS: readonly Checklist[] = [
  {
    key: 'fireworks',
    label: { zh: '烟花爆竹制造', en: 'fireworks manufacturing' },
    industryPrefixes: ['2672'],
    items: [
      {
        key: 'explosive-waste',
        label: {
          zh: '含药废渣、废药按危险废物（HW15）收集处置',
          en: 'explosive residues handled as hazardous waste (HW15)',
        },
        source: '《国家危险废物名录（2021年版）》HW15 爆炸性废物；《中华人民共和国固体废物污染环境防治法》第八十一条',
        sourceEn: `National Catalogue of Hazardous Wastes (2021 edition), HW15 explosive waste; ${SWL_EN}, Art. 81`,
      },
      {
        key: 'dust-workshop',
        label: { zh: '配药、装药工序粉尘收集措施到位', en: 'dust collected at mixing and charging' },
        source: `${APL}第四十八条`,
        sourceEn: `${APL_EN}, Art. 48`,
      },
    ],
  },
  {
    key: 'building-materials',
    label: { zh: '水泥、砖瓦、陶瓷', en: 'cement, bricks, ceramics' },
    industryPrefixes: ['301', '303', '307'],
    items: [
      {
        key: 'fugitive-dust',
        label: {
          zh: '物料堆场封闭或覆盖，无组织排放控制到位',
          en: 'stockpiles enclosed or covered; fugitive emissions controlled',
        },
        source: `${APL}第四十八条、第七十二条`,
        sourceEn: `${APL_EN}, Art. 48 and 72`,
      },
      {
        key: 'kiln-emissions',
        label: {
          zh: '窑炉废气达标排放（GB 4915 / GB 29620 / GB 25464）',
          en: 'kiln emissions within the industry standard',
        },
        source:
          '《水泥工业大气污染物排放标准》GB 4915-2013；《砖瓦工业大气污染物排放标准》GB 29620-2013；《陶瓷工业污染物排放标准》GB 25464-2010',
        sourceEn:
          'Emission Standard of Air Pollutants for Cement Industry, GB 4915-2013; Emission Standard of Air Pollutants for Brick and Tile Industry, GB 29620-2013; Emission Standard of Pollutants for Ceramics Industry, GB 25464-2010',
      },
    ],
  },
  {
    key: 'livestock',
    label: { zh: '畜禽养殖', en: 'livestock farming' },
    industryPrefixes: ['03'],
    items: [
      {
        key: 'manure-facilities',
        label: { zh: '粪污贮存、处理设施配套并正常使用', en: 'manure storage and treatment in place and used' },
        source: '《畜禽规模养殖污染防治条例》第十三条',
        sourceEn: `${LIVESTOCK_REGS_EN}, Art. 13`,
      },
      {
        key: 'manure-use',
        label: { zh: '粪污资源化利用台账完整，无直排', en: 'manure reuse recorded; no direct discharge' },
        source: '《畜禽规模养殖污染防治条例》第二十条',
        sourceEn: `${LIVESTOCK_REGS_EN}, Art. 20`,
      },
    ],
  },
  {
    key: 'food-and-paper',
    label: { zh: '农副食品加工、造纸', en: 'food processing, paper' },
    industryPrefixes: ['13', '14', '22'],
    items: [
      {
        key: 'wastewater',
        label: { zh: '生产废水经处理达标排放，雨污分流', en: 'process wastewater treated; rain and sewage separated' },
        source: `${WPL}第二十一条、第三十九条`,
        sourceEn: `${WPL_EN}, Art. 21 and 39`,
      },
    ],
  },
];

/** The checklist of an enterprise's industry: the general items, then its industry's own. */
export function checklistFor(industryCode: string): ChecklistItem[] {
  const own = INDUSTRY_CHECKLISTS.filter((c) => c.industryPrefixes.some((p) => industryCode.startsWith(p)));
  return [...GENERAL_CHECKLIST.items, ...own.flatMap((c) => c.items)];
}

export function checklistItemKeys(industryCode: string): Set<string> {
  return new Set(checklistFor(industryCode).map((i) => i.key));
}

// ---------------------------------------------------------------------------------------------
// Rectification orders (责令改正)

export const RECTIFICATION_ORDER_STATUSES = ['open', 'answered', 'returned', 'accepted'] as const;
export type RectificationOrderStatus = (typeof RECTIFICATION_ORDER_STATUSES)[number];
export const RECTIFICATION_ORDER_STATUS_LABELS: Record<RectificationOrderStatus, Label> = {
  open: { zh: '待企业整改', en: 'awaiting rectification' },
  answered: { zh: '企业已提交整改情况，待核查', en: 'answered, awaiting verification' },
  returned: { zh: '核查未通过，退回重新整改', en: 'returned for further rectification' },
  accepted: { zh: '整改已核查通过', en: 'rectification verified' },
};

export const SITE_INSPECTION_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: 'site-inspection.rectify',
    length: 30,
    unit: 'calendar',
    warnBefore: 5,
    direction: 'after-start',
    rollsOver: true,
    label: { zh: '责令限期改正', en: 'order to rectify within a period' },
    source:
      '《生态环境行政处罚办法》（生态环境部令第30号）第九条（责令当事人改正或者限期改正违法行为）；30 日为本局默认期限，可调整',
    sourceEn:
      'Measures for Administrative Penalties for Ecology and Environment (MEE Order No. 30), Art. 9 (the party is ordered to correct the violation, at once or within a set period); 30 days is this bureau’s default period, which it may change',
    note: '企业提交整改情况且经核查通过之时为完成',
    noteEn: 'completed when the enterprise submitted the rectification answer that passed verification',
  },
]);

// ---------------------------------------------------------------------------------------------
// Enforcement cases (行政处罚案件)

export const CASE_STAGES = ['filed', 'investigation', 'notice', 'decision', 'execution'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];
const PENALTY_MEASURES = '《生态环境行政处罚办法》';
export const PENALTY_MEASURES_EN = 'Measures for Administrative Penalties for Ecology and Environment';
const PENALTY_LAW = '《中华人民共和国行政处罚法》';
const PENALTY_LAW_EN = 'Administrative Penalty Law';

/** Each stage with the article it follows (source), cited in English too (sourceEn). */
export const CASE_STAGE_LABELS: Record<CaseStage, Label & { source: string; sourceEn: string }> = {
  filed: {
    zh: '立案',
    en: 'case filed',
    source: `${PENALTY_MEASURES}第二十五条`,
    sourceEn: `${PENALTY_MEASURES_EN}, Art. 25`,
  },
  investigation: {
    zh: '调查取证',
    en: 'investigation',
    source: `${PENALTY_MEASURES}第二十九条`,
    sourceEn: `${PENALTY_MEASURES_EN}, Art. 29`,
  },
  notice: {
    zh: '告知（陈述申辩、听证）',
    en: 'notice (statement, hearing)',
    source: `${PENALTY_LAW}第四十四条、第六十三条`,
    sourceEn: `${PENALTY_LAW_EN}, Art. 44 and 63`,
  },
  decision: {
    zh: '处罚决定',
    en: 'penalty decision',
    source: `${PENALTY_LAW}第五十七条、第五十九条`,
    sourceEn: `${PENALTY_LAW_EN}, Art. 57 and 59`,
  },
  execution: {
    zh: '执行',
    en: 'execution',
    source: `${PENALTY_LAW}第六十六条`,
    sourceEn: `${PENALTY_LAW_EN}, Art. 66`,
  },
};

/** The cases' orders: newest filed first (the default) or oldest, by enterprise, or by the fine. */
export const CASE_SORTS = [
  '-createdAt',
  'createdAt',
  'enterprise',
  '-enterprise',
  '-penaltyAmount',
  'penaltyAmount',
] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The public penalty list's orders: latest decided first (the default) or earliest, by enterprise or by 文号. */
export const PUBLIC_PENALTY_SORTS = [
  '-decidedOn',
  'decidedOn',
  'enterprise',
  '-enterprise',
  'decisionNumber',
  '-decisionNumber',
] as const;
export type PublicPenaltySort = (typeof PUBLIC_PENALTY_SORTS)[number];

/** The stage that may follow `current` (null: the case is finished). Stages go in order, none skipped. */
export function nextCaseStage(current: CaseStage): CaseStage | null {
  const i = CASE_STAGES.indexOf(current);
  return CASE_STAGES[i + 1] ?? null;
}

export type CaseStageRecord = { stage: CaseStage; at: string; byName: string; note: string };

/**
 * 行政处罚信息公开. A decision is published on the public portal the moment it is recorded, which
 * meets the 7-working-day limit of the national rule; a decision revoked (or changed, or found
 * unlawful or void) is withdrawn from the list within 3 days with the reason shown in its place.
 * Only the firm (name and credit code) is published: never a natural person's data (the legal
 * representative, contacts, identity numbers, phone numbers), which the decision's text is checked
 * for before it is recorded.
 */
export const PENALTY_PUBLICITY = {
  publishWithinWorkingDays: 7,
  publishSource:
    '《国家发展改革委办公厅关于进一步规范“信用中国”网站和地方信用门户网站行政处罚信息公示工作的通知》（发改办财金〔2017〕1171号）：自作出行政处罚决定之日起7个工作日内上网公开',
  withdrawWithinDays: 3,
  withdrawSource:
    '《中华人民共和国行政处罚法》第四十八条：具有一定社会影响的行政处罚决定应当依法公开；公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由',
} as const;

// An 18-character resident identity number (GB 11643: region, birth date, sequence, check), or a
// mainland mobile number, standing alone; the birth date keeps a firm's all-digit credit code out.
const IDENTITY_NUMBER =
  /(?<![0-9A-Za-z])\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/;
const MOBILE_NUMBER = /(?<!\d)1[3-9]\d{9}(?!\d)/;

/** Whether a text to be published carries a natural person's identity or mobile number. */
export function hasPersonalNumbers(text: string): boolean {
  return IDENTITY_NUMBER.test(text) || MOBILE_NUMBER.test(text);
}

export const SITE_INSPECTION_MESSAGES = {
  'siteInspections.publishedText.personal': {
    zh: '此内容将在门户网站公开，不得含有身份证号码、手机号码等自然人个人信息',
    en: 'This text is published on the portal: it must not contain identity or mobile numbers of natural persons',
  },
} as const satisfies MessageTable;

const publishedText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !hasPersonalNumbers(s), { error: 'siteInspections.publishedText.personal' });

// ---------------------------------------------------------------------------------------------
// Request bodies

const text = (max: number) => z.string().trim().min(1).max(max);
const uuid = z.uuid();

export const checklistEntrySchema = z.strictObject({
  key: z.string().min(1).max(60),
  result: z.enum(CHECK_RESULTS),
  note: z.string().trim().max(500).default(''),
});

export const findingInputSchema = z.strictObject({
  description: text(1000),
  severity: z.enum(FINDING_SEVERITIES),
  /** the checklist item it was found under, if any */
  itemKey: z.string().min(1).max(60).nullable().default(null),
  /** what the enterprise must do (the order's requirement); none: no order (noted only) */
  requirement: z.string().trim().max(1000).nullable().default(null),
});

const siteInspectionFields = {
  kind: z.enum(SITE_INSPECTION_KINDS),
  enterpriseId: uuid,
  /** the random-inspection draw the firm was drawn in, when it comes from one */
  drawId: uuid.nullable().default(null),
  inspectedOn: isoDateSchema,
  inspectorNames: z.array(text(40)).min(1).max(6),
  latitude: z.number().min(-90).max(90).nullable().default(null),
  longitude: z.number().min(-180).max(180).nullable().default(null),
  place: z.string().trim().max(200).default(''),
  offSiteSource: z.enum(OFF_SITE_SOURCES).nullable().default(null),
  alarmId: uuid.nullable().default(null),
  /** the clue the check follows up (offSiteSource 'clue'): a link to the record, not only its words */
  clueId: uuid.nullable().default(null),
  /** a video snapshot link, a clue number, a monitoring period */
  sourceRef: z.string().trim().max(300).default(''),
  checklist: z.array(checklistEntrySchema).max(40).default([]),
  findings: z.array(findingInputSchema).max(30).default([]),
  summary: z.string().trim().max(2000).default(''),
};

type Fields = {
  kind: SiteInspectionKind;
  latitude: number | null;
  longitude: number | null;
  offSiteSource: OffSiteSource | null;
  alarmId: string | null;
  clueId: string | null;
};
const refineRecord = <T extends z.ZodType<Fields>>(schema: T) =>
  schema
    .refine((b) => (b.latitude === null) === (b.longitude === null), {
      path: ['longitude'],
      message: 'common.invalid',
    })
    .refine((b) => b.kind === 'on-site' || b.offSiteSource !== null, {
      path: ['offSiteSource'],
      message: 'common.required',
    })
    .refine((b) => b.offSiteSource === 'alarm' || b.alarmId === null, { path: ['alarmId'], message: 'common.invalid' })
    .refine((b) => b.offSiteSource !== 'alarm' || b.alarmId !== null, {
      path: ['alarmId'],
      message: 'common.required',
    })
    .refine((b) => b.offSiteSource === 'clue' || b.clueId === null, { path: ['clueId'], message: 'common.invalid' });

export const siteInspectionBody = refineRecord(z.strictObject(siteInspectionFields));
/** a draft's save: the fields and the version it was read at */
export const siteInspectionUpdateBody = refineRecord(
  z.strictObject({ ...siteInspectionFields, version: z.number().int().positive() }),
);
export type SiteInspectionBody = z.infer<typeof siteInspectionBody>;

/** A PNG drawn on the page's canvas, base64 without the data: prefix; capped at ~300 kB. */
export const SIGNATURE_MAX_BASE64 = 400_000;

/**
 * Completing a record: on site, the enterprise's signature (its signer and the drawn PNG) or its
 * refusal (the reason and a witness); an off-site check has nobody on site and sends neither.
 */
export const completeInspectionBody = z
  .strictObject({
    signerName: text(40).optional(),
    signaturePng: z
      .string()
      .min(60)
      .max(SIGNATURE_MAX_BASE64)
      .regex(/^[A-Za-z0-9+/]+=*$/)
      .optional(),
    refusalReason: text(500).optional(),
    witness: text(80).optional(),
    version: z.number().int().positive(),
  })
  .refine((b) => (b.signerName === undefined) === (b.signaturePng === undefined), {
    path: ['signaturePng'],
    message: 'common.required',
  })
  .refine((b) => (b.refusalReason === undefined) === (b.witness === undefined), {
    path: ['witness'],
    message: 'common.required',
  })
  .refine((b) => b.signerName === undefined || b.refusalReason === undefined, {
    path: ['refusalReason'],
    message: 'common.invalid',
  });
export type CompleteInspectionBody = z.infer<typeof completeInspectionBody>;

export const rectificationAnswerBody = z.strictObject({ text: text(2000) });
export const rectificationVerifyBody = z
  .strictObject({ verdict: z.enum(['accept', 'return']), reason: z.string().trim().max(1000).default('') })
  .refine((b) => b.verdict === 'accept' || b.reason.length > 0, { path: ['reason'], message: 'common.required' });

export const caseOpenBody = z.strictObject({
  findingId: uuid,
  title: text(200),
  note: z.string().trim().max(1000).default(''),
});

/** Penalty amounts in yuan, with at most two decimals; capped well above any county penalty. */
export const penaltyAmountSchema = z
  .string()
  .regex(/^\d{1,9}(\.\d{1,2})?$/, { error: 'common.invalid' })
  .refine((s) => Number(s) > 0, { error: 'common.invalid' });

export const caseStageBody = z
  .strictObject({
    stage: z.enum(CASE_STAGES),
    note: z.string().trim().max(1000).default(''),
    decisionNumber: z.string().trim().min(1).max(60).optional(),
    penaltyAmount: penaltyAmountSchema.optional(),
    /** 违法事实: what the decision found, as published */
    facts: publishedText(2000).optional(),
    /** 处罚依据: the provisions the penalty rests on */
    legalBasis: publishedText(500).optional(),
    /** 处罚内容: the penalty in words (罚款、责令停产整治…) */
    penaltyContent: publishedText(500).optional(),
    version: z.number().int().positive(),
  })
  .refine((b) => b.stage !== 'decision' || b.decisionNumber !== undefined, {
    path: ['decisionNumber'],
    message: 'common.required',
  })
  .refine((b) => b.stage !== 'decision' || b.penaltyAmount !== undefined, {
    path: ['penaltyAmount'],
    message: 'common.required',
  })
  .refine((b) => b.stage !== 'decision' || b.facts !== undefined, { path: ['facts'], message: 'common.required' })
  .refine((b) => b.stage !== 'decision' || b.legalBasis !== undefined, {
    path: ['legalBasis'],
    message: 'common.required',
  })
  .refine((b) => b.stage !== 'decision' || b.penaltyContent !== undefined, {
    path: ['penaltyContent'],
    message: 'common.required',
  })
  .refine(
    (b) =>
      b.stage === 'decision' ||
      (b.decisionNumber === undefined &&
        b.penaltyAmount === undefined &&
        b.facts === undefined &&
        b.legalBasis === undefined &&
        b.penaltyContent === undefined),
    { path: ['stage'], message: 'common.invalid' },
  );

/** 撤销: a decision revoked (on review, in court, or by the bureau itself) leaves the public list. */
export const caseRevokeBody = z.strictObject({
  reason: publishedText(500),
  version: z.number().int().positive(),
});

// ---------------------------------------------------------------------------------------------

export const SITE_INSPECTIONS_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'site-inspection.create',
    'site-inspection.update',
    'site-inspection.file',
    'site-inspection.complete',
    'site-inspection.publish-draw',
    'rectification-order.create',
    'rectification-order.file',
    'rectification-order.answer',
    'rectification-order.verify',
    'enforcement-case.open',
    'enforcement-case.stage',
    'enforcement-case.revoke',
  ],
  records: {
    'site-inspection': { zh: '检查记录', en: 'Inspection record' },
    'rectification-order': { zh: '责令整改', en: 'Rectification order' },
    'enforcement-case': { zh: '处罚案件', en: 'Enforcement case' },
  },
  actionLabels: {
    'site-inspection.create': { zh: '新建检查记录', en: 'Inspection record created' },
    'site-inspection.update': { zh: '修改检查记录', en: 'Inspection record changed' },
    'site-inspection.file': { zh: '上传检查照片', en: 'Inspection photo uploaded' },
    'site-inspection.complete': { zh: '检查完成（签字或拒签）', en: 'Inspection completed (signed or refused)' },
    'site-inspection.publish-draw': { zh: '以检查记录公开抽查结果', en: 'Draw results published from records' },
    'rectification-order.create': { zh: '下达责令整改', en: 'Rectification ordered' },
    'rectification-order.file': { zh: '上传整改证明', en: 'Rectification proof uploaded' },
    'rectification-order.answer': { zh: '企业提交整改情况', en: 'Rectification answered' },
    'rectification-order.verify': { zh: '核查整改', en: 'Rectification verified' },
    'enforcement-case.open': { zh: '处罚案件立案', en: 'Enforcement case filed' },
    'enforcement-case.stage': { zh: '处罚案件进入下一阶段', en: 'Enforcement case stage' },
    'enforcement-case.revoke': { zh: '撤销处罚决定（撤回公开）', en: 'Penalty decision revoked (withdrawn)' },
  },
  fields: {
    drawId: { zh: '抽查编号', en: 'draw ID' },
    inspectedOn: { zh: '检查日期', en: 'inspected on' },
    inspectorNames: { zh: '检查人员', en: 'inspectors' },
    latitude: { zh: '纬度', en: 'latitude' },
    longitude: { zh: '经度', en: 'longitude' },
    place: { zh: '检查地点', en: 'place' },
    offSiteSource: { zh: '非现场检查来源', en: 'off-site source' },
    alarmId: { zh: '报警编号', en: 'alarm ID' },
    clueId: { zh: '线索编号', en: 'clue ID' },
    sourceRef: { zh: '来源说明', en: 'source reference' },
    checklist: { zh: '检查项', en: 'checklist' },
    findings: { zh: '发现问题', en: 'findings' },
    signerName: { zh: '企业签字人', en: 'signed by' },
    refusalReason: { zh: '拒签原因', en: 'refusal reason' },
    witness: { zh: '见证人', en: 'witness' },
    officerId: { zh: '记录人编号', en: 'recorded by' },
    officerName: { zh: '记录人', en: 'recorded by' },
    inspectionId: { zh: '检查记录编号', en: 'inspection ID' },
    severity: { zh: '严重程度', en: 'severity' },
    itemKey: { zh: '检查项', en: 'checklist item' },
    requirement: { zh: '整改要求', en: 'requirement' },
    findingId: { zh: '问题编号', en: 'finding ID' },
    answerId: { zh: '整改答复编号', en: 'answer ID' },
    position: { zh: '序号', en: 'position' },
    orderId: { zh: '整改编号', en: 'order ID' },
    text: { zh: '整改情况', en: 'answer' },
    submittedAt: { zh: '提交时间', en: 'submitted at' },
    submittedByName: { zh: '提交人', en: 'submitted by' },
    verdict: { zh: '核查结论', en: 'verdict' },
    verifiedByName: { zh: '核查人', en: 'verified by' },
    verifiedAt: { zh: '核查时间', en: 'verified at' },
    onTime: { zh: '按期整改', en: 'on time' },
    stages: { zh: '阶段记录', en: 'stages' },
    decisionNumber: { zh: '处罚决定书文号', en: 'decision number' },
    penaltyAmount: { zh: '罚款金额（元）', en: 'penalty (yuan)' },
    facts: { zh: '违法事实', en: 'facts' },
    legalBasis: { zh: '处罚依据', en: 'legal basis' },
    penaltyContent: { zh: '处罚内容', en: 'penalty' },
    decidedBy: { zh: '处罚机关', en: 'deciding authority' },
    publishedAt: { zh: '公开时间', en: 'published at' },
    revokedAt: { zh: '撤销时间', en: 'revoked at' },
    revocationReason: { zh: '撤销理由', en: 'revocation reason' },
  },
};
