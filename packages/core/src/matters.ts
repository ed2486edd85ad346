import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { BUREAU_NAME } from './bureau.ts';
import { DEFAULT_CLOCK_PROFILES } from './deadline.ts';

/**
 * Matters (事项) and their service guides (办事指南): what the bureau offers, who decides it, what
 * to bring and how long it takes. The shipped catalogue below is the county's real matters
 * (rules.md §0–§2, reference.md §1); the server stores it as versioned data an admin edits, so a
 * field here is a default, and each group of fields carries the source it comes from. Where the
 * domain files give no article, the source says 依据待核 rather than guess one.
 */

/** Who actually decides (rules.md §0): the county bureau decides some matters and only tracks the rest. */
export const DECIDING_AUTHORITIES = ['bureau', 'city-bureau', 'national-system'] as const;
export type DecidingAuthority = (typeof DECIDING_AUTHORITIES)[number];
export const DECIDING_AUTHORITY_LABELS: Readonly<Record<DecidingAuthority, { zh: string; en: string }>> = {
  bureau: { zh: '本局办理', en: 'this bureau' },
  'city-bureau': { zh: '市生态环境局审批（本局帮办跟踪）', en: 'city bureau (tracked here)' },
  'national-system': { zh: '全国系统办理（本局帮办跟踪）', en: 'national system (tracked here)' },
};

/** The guides' orders: by name (the default) either way, or by the guide's last change either way. */
export const MATTER_SORTS = ['name', '-name', 'updatedAt', '-updatedAt'] as const;
export type MatterSort = (typeof MATTER_SORTS)[number];

export const MATTER_CHANNELS = ['online', 'window', 'post'] as const;
export type MatterChannel = (typeof MATTER_CHANNELS)[number];
export const MATTER_CHANNEL_LABELS: Readonly<Record<MatterChannel, { zh: string; en: string }>> = {
  online: { zh: '网上办理', en: 'online' },
  window: { zh: '窗口办理', en: 'at the window' },
  post: { zh: '邮寄办理', en: 'by post' },
};

export const MATERIAL_FORMS = ['original', 'copy', 'original-or-copy'] as const;
export type MaterialForm = (typeof MATERIAL_FORMS)[number];
export const MATERIAL_FORM_LABELS: Readonly<Record<MaterialForm, { zh: string; en: string }>> = {
  original: { zh: '原件', en: 'original' },
  copy: { zh: '复印件', en: 'copy' },
  'original-or-copy': { zh: '原件或复印件', en: 'original or copy' },
};

/** Clock profile keys (deadline.ts) a guide may name as its statutory or promised limit. */
export const MATTER_CLOCK_PROFILE_KEYS: readonly string[] = DEFAULT_CLOCK_PROFILES.map((p) => p.key);

const text = (max: number) => z.string().trim().min(1).max(max);
const source = text(500);

export const matterCodeSchema = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,59}$/, 'matter code: lower-case letters, digits and hyphens');

export const materialItemSchema = z.strictObject({
  name: text(200),
  required: z.boolean(),
  form: z.enum(MATERIAL_FORMS),
  count: z.number().int().min(1).max(20),
  /** a template's file name or address, when the bureau offers one */
  template: z.string().trim().max(300).nullable(),
  /** 容缺受理: may the application be accepted while this item is still missing (with a commitment) */
  deferrable: z.boolean(),
  note: z.string().trim().max(500).nullable(),
});
export type MaterialItem = z.infer<typeof materialItemSchema>;

const clockKey = z.string().refine((k) => MATTER_CLOCK_PROFILE_KEYS.includes(k), { message: 'unknown clock profile' });

export const matterTimeLimitsSchema = z.strictObject({
  /** clock profile of the statutory limit; null when the law sets none (e.g. effective on filing) */
  statutoryProfile: clockKey.nullable(),
  /** clock profile of the bureau's promised (shorter) limit, if any */
  promisedProfile: clockKey.nullable(),
  /** clock profile of the one-time notice of missing materials */
  incompleteNoticeProfile: clockKey.nullable(),
  /** the limits in plain words, as the guide prints them */
  description: text(500),
});

export const matterFaqSchema = z.strictObject({ question: text(300), answer: text(2000) });

/** The source of each field group: every statement in a guide says where it comes from. */
export const matterSourcesSchema = z.strictObject({
  decidingAuthority: source,
  conditions: source,
  materials: source,
  timeLimits: source,
  fees: source,
  channels: source,
});

/** A matter's editable content: what one version holds. */
export const matterContentSchema = z.strictObject({
  name: text(100),
  /** words citizens search by (环评, 排污证), beside the name */
  keywords: z.array(text(30)).max(20),
  /** the legal basis, in full (laws and articles) */
  legalBasis: text(2000),
  decidingAuthority: z.enum(DECIDING_AUTHORITIES),
  /** the external system or body that decides, when not this bureau (e.g. 全国排污许可证管理信息平台) */
  externalSystem: z.string().trim().max(200).nullable(),
  conditions: z.array(text(500)).min(1).max(30),
  materials: z.array(materialItemSchema).max(40),
  timeLimits: matterTimeLimitsSchema,
  fees: text(300),
  channels: z.array(z.enum(MATTER_CHANNELS)).min(1).max(3),
  /** where and how, in plain words (window address, platform address) */
  whereToApply: text(500),
  faq: z.array(matterFaqSchema).max(20),
  sources: matterSourcesSchema,
});
export type MatterContent = z.infer<typeof matterContentSchema>;

export const matterSchema = matterContentSchema.extend({ code: matterCodeSchema });
export type Matter = z.infer<typeof matterSchema>;

/**
 * An admin's edit: the whole new content and why (the old version is kept), with the version it was
 * made from: an edit of an older version would silently undo another admin's change.
 */
export const matterEditBody = z.strictObject({
  version: z.number().int().min(1),
  content: matterContentSchema,
  reason: text(500),
});
export type MatterEditBody = z.infer<typeof matterEditBody>;

const EIA_LAW_22 = '《中华人民共和国环境影响评价法》第二十二条';
const EIA_REG_9 = '《建设项目环境保护管理条例》第九条';
const XKF32 = '《中华人民共和国行政许可法》第三十二条第一款第（四）项';
const XKF82 = '《中华人民共和国行政许可法》第八十二条';
const NO_FEE = `不收费（${EIA_LAW_22}：审批、备案环境影响评价文件不得收取任何费用）`;
const OPTIMISE = '《优化营商环境条例》第三十六条（一次性告知、一次办结）';
const WINDOW = `${BUREAU_NAME}政务服务窗口（工作日办公时间；可预约延时服务）`;

function material(name: string, opts: Partial<Omit<MaterialItem, 'name'>> = {}): MaterialItem {
  return {
    name,
    required: opts.required ?? true,
    form: opts.form ?? 'original',
    count: opts.count ?? 1,
    template: opts.template ?? null,
    deferrable: opts.deferrable ?? false,
    note: opts.note ?? null,
  };
}

/** The matters the county bureau handles or helps with, shipped as version 1 of each. */
export const SHIPPED_MATTERS: readonly Matter[] = Object.freeze([
  {
    code: 'eia-report-form',
    name: '建设项目环境影响报告表审批',
    keywords: ['环评', '报告表', '环评审批'],
    legalBasis: `${EIA_LAW_22}；${EIA_REG_9}；${XKF82}`,
    decidingAuthority: 'bureau',
    externalSystem: null,
    conditions: [
      '项目依《建设项目环境影响评价分类管理名录（2021年版）》应编制环境影响报告表',
      '环境影响报告表由在环境影响评价信用平台登记的编制单位和编制主持人编制',
      '本局依市生态环境局授权承担该报告表审批的具体工作',
    ],
    materials: [
      material('建设项目环境影响报告表审批申请书', { template: '审批申请书（窗口领取）' }),
      material('建设项目环境影响报告表（报批版）'),
      material('建设项目环境影响报告表（公开版本）', {
        deferrable: true,
        note: '可容缺受理：签署承诺后限期补交',
      }),
      material('建设单位营业执照或统一社会信用代码证明', { form: 'copy' }),
    ],
    timeLimits: {
      statutoryProfile: 'eia.report-form.statutory',
      promisedProfile: 'eia.report-form.promised',
      incompleteNoticeProfile: 'application.incomplete-notice',
      description: '法定 30 个工作日，本局承诺 7 个工作日；技术评估、专家评审时间不计入；材料不齐的，5 日内一次性告知',
    },
    fees: NO_FEE,
    channels: ['window', 'online'],
    whereToApply: `${WINDOW}；或全国建设项目环评统一申报和审批系统`,
    faq: [
      {
        question: '报告表由谁编制？',
        answer: '由建设单位委托在环境影响评价信用平台登记的编制单位编制，编制主持人应在平台登记（生态环境部令第9号）。',
      },
    ],
    sources: {
      decidingAuthority:
        '生态环境部《关于进一步深化环境影响评价改革的通知》（2024）：区县生态环境部门根据市级授权承担部分报告表审批具体工作',
      conditions: `${EIA_LAW_22}；《中华人民共和国环境影响评价法》第十六条；《建设项目环境影响评价分类管理名录（2021年版）》；生态环境部令第9号`,
      materials: `${XKF32}（一次性告知）；${OPTIMISE}；清单内容依据待核（以本局窗口公布为准）`,
      timeLimits: `${EIA_LAW_22}；${XKF82}；承诺时限参照萍乡市芦溪县做法`,
      fees: EIA_LAW_22,
      channels: '生态环境部：全国建设项目环评统一申报和审批系统（2024 年底前覆盖全部审批部门）',
    },
  },
  {
    code: 'eia-report-form-commitment',
    name: '建设项目环境影响报告表审批（告知承诺制）',
    keywords: ['环评', '报告表', '告知承诺', '承诺制'],
    legalBasis: `${EIA_LAW_22}；《关于统筹做好疫情防控和经济社会发展生态环保工作的指导意见》（环综合〔2020〕13号）；国办发〔2019〕11号`,
    decidingAuthority: 'bureau',
    externalSystem: null,
    conditions: [
      '项目属于告知承诺制正面清单所列行业，且应编制环境影响报告表',
      '项目不位于环境敏感区，不含电镀工艺，不涉及国家安全',
      '建设单位签署告知承诺书，对材料真实性和落实环保措施作出承诺',
    ],
    materials: [
      material('建设项目环境影响报告表审批申请书', { template: '审批申请书（窗口领取）' }),
      material('告知承诺书', { template: '告知承诺书（窗口领取）' }),
      material('建设项目环境影响报告表（报批版）'),
      material('建设单位营业执照或统一社会信用代码证明', { form: 'copy' }),
    ],
    timeLimits: {
      statutoryProfile: 'eia.report-form.statutory',
      promisedProfile: 'eia.commitment.decision',
      incompleteNoticeProfile: 'application.incomplete-notice',
      description: '材料齐全后公示 5 个工作日，公示期满后 1 个工作日内作出决定；审批后 30 日内事后核查',
    },
    fees: NO_FEE,
    channels: ['window', 'online'],
    whereToApply: WINDOW,
    faq: [
      {
        question: '承诺不实会怎样？',
        answer: '事后核查发现承诺不实的，可撤销审批决定，并记入企业环境信用记录。',
      },
    ],
    sources: {
      decidingAuthority: '环综合〔2020〕13号（告知承诺一批）；依据待核：市局对本局的具体授权文件',
      conditions:
        '环综合〔2020〕13号；排除情形参照自贡等地实施细则（环境敏感区、电镀、国家安全）；依据待核：江西省/萍乡市适用行业清单',
      materials: '参照厦门、黑龙江、广东（粤环发〔2020〕3号）告知承诺制实施细则：报批申请书、承诺书、环评文件',
      timeLimits: '公示与决定时限参照江西省宜春市上高县 2024 年做法；事后核查参照广州市实施细则（2021）',
      fees: EIA_LAW_22,
      channels: '依据待核（以本局窗口公布为准）',
    },
  },
  {
    code: 'eia-report-book',
    name: '建设项目环境影响报告书审批',
    keywords: ['环评', '报告书', '市局审批'],
    legalBasis: `${EIA_LAW_22}；${EIA_REG_9}；${XKF82}`,
    decidingAuthority: 'city-bureau',
    externalSystem: '萍乡市生态环境局',
    conditions: [
      '项目依《建设项目环境影响评价分类管理名录（2021年版）》应编制环境影响报告书',
      '由市生态环境局审批；本局帮助企业准备材料并跟踪进度，不作出审批决定',
    ],
    materials: [
      material('建设项目环境影响报告书审批申请书'),
      material('建设项目环境影响报告书（报批版）'),
      material('建设项目环境影响报告书（公开版本）'),
      material('公众参与说明'),
    ],
    timeLimits: {
      statutoryProfile: 'eia.report-book.statutory',
      promisedProfile: 'eia.report-book.promised',
      incompleteNoticeProfile: 'application.incomplete-notice',
      description: '法定 60 个工作日（专家评审时间不计入），承诺时限以市局公布为准',
    },
    fees: NO_FEE,
    channels: ['online', 'window'],
    whereToApply: '全国建设项目环评统一申报和审批系统，或萍乡市生态环境局窗口；本局窗口提供帮办',
    faq: [
      {
        question: '县局能审批报告书吗？',
        answer: '不能。县局是市局的派出分局，报告书由市生态环境局审批，县局帮办并跟踪批复文号和日期。',
      },
    ],
    sources: {
      decidingAuthority:
        '生态环境部《关于进一步深化环境影响评价改革的通知》（2024）；垂直管理改革：县级审批权限上交市级',
      conditions: `${EIA_LAW_22}；《中华人民共和国环境影响评价法》第十六条`,
      materials: '依据待核（以市生态环境局公布的办事指南为准）',
      timeLimits: `${EIA_LAW_22}；${XKF82}；《中华人民共和国行政许可法》第四十五条（专家评审时间不计入）`,
      fees: EIA_LAW_22,
      channels: '生态环境部：全国建设项目环评统一申报和审批系统',
    },
  },
  {
    code: 'eia-registration-filing',
    name: '建设项目环境影响登记表备案',
    keywords: ['环评', '登记表', '备案'],
    legalBasis:
      '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）；《中华人民共和国环境影响评价法》第十六条',
    decidingAuthority: 'national-system',
    externalSystem: '建设项目环境影响登记表网上备案系统',
    conditions: [
      '项目依分类管理名录应填报环境影响登记表',
      '在项目建成并投入生产运营前登录备案系统在线备案',
      '建设单位对备案内容的真实性负责',
    ],
    materials: [material('建设项目环境影响登记表（网上填报）', { note: '在备案系统在线填报，无需纸质材料' })],
    timeLimits: {
      statutoryProfile: null,
      promisedProfile: null,
      incompleteNoticeProfile: null,
      description: '备案即生效，系统即时生成备案编号和回执',
    },
    fees: NO_FEE,
    channels: ['online'],
    whereToApply: '建设项目环境影响登记表网上备案系统；本局窗口可帮办填报',
    faq: [
      {
        question: '不备案会怎样？',
        answer: '依《中华人民共和国环境影响评价法》第三十一条，责令备案，可处五万元以下罚款。',
      },
    ],
    sources: {
      decidingAuthority: '环境保护部令第41号第七至八条（全国统一网上备案系统）',
      conditions: '环境保护部令第41号第四条（真实性）；第五条（备案地）',
      materials: '环境保护部令第41号（网上备案）',
      timeLimits: '环境保护部令第41号第十至十一条（依据待核：条文编号未经核实）',
      fees: EIA_LAW_22,
      channels: '环境保护部令第41号第七至八条',
    },
  },
  {
    code: 'eia-exemption',
    name: '建设项目环评豁免认定',
    keywords: ['环评', '豁免', '不需要环评'],
    legalBasis:
      '《建设项目环境影响评价分类管理名录（2021年版）》（名录未作规定的建设项目不纳入环评管理）；江西省环评豁免目录（随《环评审批提质增效改革指导意见》发布）',
    decidingAuthority: 'bureau',
    externalSystem: null,
    conditions: [
      '项目不在分类管理名录内，或名录对该情形各栏均为“/”，或列入江西省豁免目录',
      '认定结果载明所依据的名录条目或豁免目录条目及认定人',
    ],
    materials: [
      material('建设项目基本情况说明（建设内容、规模、工艺、选址）'),
      material('建设单位营业执照或统一社会信用代码证明', { form: 'copy' }),
    ],
    timeLimits: {
      statutoryProfile: null,
      promisedProfile: null,
      incompleteNoticeProfile: 'application.incomplete-notice',
      description: '法律未规定办理时限（依据待核）；本局当场或尽快答复',
    },
    fees: '不收费',
    channels: ['window'],
    whereToApply: WINDOW,
    faq: [
      {
        question: '豁免后还需要办排污许可吗？',
        answer: '豁免环评不等于豁免排污许可或排污登记，请对照《固定污染源排污许可分类管理名录（2019年版）》。',
      },
    ],
    sources: {
      decidingAuthority: 'rules.md §2 所述县局自行认定；依据待核：市局授权文件',
      conditions: '《建设项目环境影响评价分类管理名录（2021年版）》；江西省第一批豁免目录（16 行业 32 类）',
      materials: '依据待核（以本局窗口公布为准）',
      timeLimits: '依据待核',
      fees: '依据待核',
      channels: '依据待核',
    },
  },
  {
    code: 'discharge-permit',
    name: '排污许可证核发',
    keywords: ['排污许可', '排污证', '许可证'],
    legalBasis:
      '《排污许可管理条例》第六条、第七条、第九条、第十二条、第十四条；《固定污染源排污许可分类管理名录（2019年版）》（生态环境部令第11号）',
    decidingAuthority: 'city-bureau',
    externalSystem: '全国排污许可证管理信息平台',
    conditions: [
      '依分类管理名录属于重点管理或简化管理的排污单位',
      '在投入生产或实际排污前取得排污许可证',
      '重点管理单位申请前在平台公开基本信息',
    ],
    materials: [
      material('排污许可证申请表（平台填报）'),
      material('自行监测方案'),
      material('守法承诺书', { template: '平台模板' }),
      material('排污口和监测孔规范化设置情况说明', { deferrable: true, note: '可容缺受理：签署承诺后限期补交' }),
      material('建设项目环境影响评价批复文号或备案编号', { required: false, form: 'copy' }),
    ],
    timeLimits: {
      statutoryProfile: 'permit.simplified',
      promisedProfile: null,
      incompleteNoticeProfile: 'permit.incomplete-notice',
      description:
        '简化管理 20 日，重点管理 30 日（需现场核查的 45 日）；材料不齐的，当场或 3 日内出具告知单；有效期 5 年',
    },
    fees: '不收费',
    channels: ['online', 'post'],
    whereToApply: '全国排污许可证管理信息平台网上申请，或以信函方式提交萍乡市生态环境局；本局帮办窗口协助填报',
    faq: [
      {
        question: '县局能发排污许可证吗？',
        answer:
          '不能。排污许可证由设区的市级以上生态环境主管部门核发（《排污许可管理条例》第六条），县局帮办并记录许可证编号。',
      },
    ],
    sources: {
      decidingAuthority: '《排污许可管理条例》第六条',
      conditions: '《固定污染源排污许可分类管理名录（2019年版）》；《排污许可管理条例》第七条',
      materials: '依据待核（以全国排污许可证管理信息平台的申请要求为准）',
      timeLimits: '《排污许可管理条例》第九条、第十二条、第十四条',
      fees: '依据待核',
      channels: '《排污许可管理条例》第七条（平台或信函）',
    },
  },
  {
    code: 'discharge-registration',
    name: '固定污染源排污登记',
    keywords: ['排污登记', '登记管理', '排污许可'],
    legalBasis: '《固定污染源排污许可分类管理名录（2019年版）》（生态环境部令第11号）；《排污许可管理条例》第二十四条',
    decidingAuthority: 'national-system',
    externalSystem: '全国排污许可证管理信息平台',
    conditions: [
      '依分类管理名录属于登记管理的排污单位（无需申领排污许可证）',
      '登记事项变化的，自变化之日起 20 日内变更登记',
    ],
    materials: [material('排污登记表（平台填报：基本信息、去向、执行标准、治理措施）', { note: '平台在线填报' })],
    timeLimits: {
      statutoryProfile: null,
      promisedProfile: null,
      incompleteNoticeProfile: null,
      description: '提交即由平台生成登记编号和回执',
    },
    fees: '不收费',
    channels: ['online'],
    whereToApply: '全国排污许可证管理信息平台；本局窗口可帮办填报',
    faq: [],
    sources: {
      decidingAuthority: '《固定污染源排污许可分类管理名录（2019年版）》',
      conditions: '《固定污染源排污许可分类管理名录（2019年版）》；《排污许可管理条例》第二十四条',
      materials: '《固定污染源排污许可分类管理名录（2019年版）》',
      timeLimits: '《固定污染源排污许可分类管理名录（2019年版）》（即时生成编号）',
      fees: '依据待核',
      channels: '《固定污染源排污许可分类管理名录（2019年版）》',
    },
  },
  {
    code: 'discharge-permit-renewal',
    name: '排污许可证延续',
    keywords: ['排污许可', '延续', '到期'],
    legalBasis: '《排污许可管理条例》第十四条',
    decidingAuthority: 'city-bureau',
    externalSystem: '全国排污许可证管理信息平台',
    conditions: ['排污许可证有效期届满后需继续排放污染物', '在有效期届满 60 日前提出延续申请'],
    materials: [material('排污许可证延续申请表（平台填报）'), material('原排污许可证', { form: 'copy' })],
    timeLimits: {
      statutoryProfile: null,
      promisedProfile: null,
      incompleteNoticeProfile: 'permit.incomplete-notice',
      description: '有效期届满 60 日前申请；审批部门 20 日内作出决定',
    },
    fees: '不收费',
    channels: ['online'],
    whereToApply: '全国排污许可证管理信息平台；本局帮办窗口协助',
    faq: [],
    sources: {
      decidingAuthority: '《排污许可管理条例》第六条',
      conditions: '《排污许可管理条例》第十四条',
      materials: '依据待核（以平台要求为准）',
      timeLimits: '《排污许可管理条例》第十四条',
      fees: '依据待核',
      channels: '《排污许可管理条例》第七条',
    },
  },
]);

/**
 * The shipped matters' names in English, by code: the code is the matter, whatever version its
 * guide is at, like a status's label. Only the name is translated; a guide's content stays Chinese.
 */
export const MATTER_NAMES_EN: Readonly<Record<string, string>> = Object.freeze({
  'eia-report-form': 'Approval of an EIA report form',
  'eia-report-form-commitment': 'Approval of an EIA report form (commitment-based)',
  'eia-report-book': 'Approval of an EIA report book',
  'eia-registration-filing': 'Filing of an EIA registration form',
  'eia-exemption': 'Confirmation of EIA exemption',
  'discharge-permit': 'Issue of a pollutant discharge permit',
  'discharge-registration': 'Discharge registration of a fixed pollution source',
  'discharge-permit-renewal': 'Renewal of a pollutant discharge permit',
});

const SHIPPED_NAMES_ZH: ReadonlyMap<string, string> = new Map(SHIPPED_MATTERS.map((m) => [m.code, m.name]));

/**
 * A matter's name in `lang`: in English the shipped English name of its code, else the stored
 * Chinese name. A matter an admin has renamed keeps its new Chinese name: the English one was
 * written for the old name and may no longer fit.
 */
export function matterName(code: string, zhName: string, lang: 'zh' | 'en'): string {
  if (lang !== 'en') return zhName;
  const en = MATTER_NAMES_EN[code];
  return en !== undefined && SHIPPED_NAMES_ZH.get(code) === zhName ? en : zhName;
}

/**
 * The names a matter shows in English, as (code, Chinese name, English name): a matter whose code
 * and stored name are a pair here shows the English one (matterName), so a list searched or sorted
 * in English matches and orders on these.
 */
export const MATTER_NAME_PAIRS: readonly { code: string; zh: string; en: string }[] = Object.freeze(
  [...SHIPPED_NAMES_ZH].flatMap(([code, zh]) => {
    const en = MATTER_NAMES_EN[code];
    return en === undefined ? [] : [{ code, zh, en }];
  }),
);

/** A shipped matter's English name from its Chinese one (clock titles carry the name, not the code). */
export function matterNameOfZh(zhName: string): string | null {
  for (const [code, zh] of SHIPPED_NAMES_ZH) if (zh === zhName) return MATTER_NAMES_EN[code] ?? null;
  return null;
}

/** Where a guide's statutory/promised limits point at an unknown profile, or a source is missing. */
export function matterProblems(m: Matter): string[] {
  const out: string[] = [];
  const parsed = matterSchema.safeParse(m);
  if (!parsed.success) out.push(...parsed.error.issues.map((i) => `${m.code}: ${i.path.join('.')} ${i.message}`));
  return out;
}

/** How the audit log reads this module's entries (listed by the server module's definition). */
export const MATTER_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: ['matter.update'],
  records: { matter: { zh: '事项', en: 'Matter' } },
  actionLabels: { 'matter.update': { zh: '修改办事指南（新增版本）', en: 'Service guide changed (new version)' } },
  fields: {
    currentVersion: { zh: '当前版本', en: 'current version' },
    decidingAuthority: { zh: '办理机关', en: 'deciding authority' },
    matterCode: { zh: '事项编码', en: 'matter code' },
  },
};
