// EIA cases on their paths (rules.md §2): commitment (告知承诺), ordinary approval of a report form,
// report book (decided by the city bureau; tracked), exemption determination and registration-form
// filing (national system; tracked). Pure rules and the bodies the API accepts; no I/O.

import { z } from 'zod';
import type { ApplicationState } from './applications.ts';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import { eiaFactsSchema } from './eia-classification.ts';
import { isChinesePhone } from './enterprise.ts';
import type { MessageTable } from './messages.ts';

export const EIA_PATHS = ['commitment', 'ordinary', 'report-book', 'exemption', 'filing'] as const;
export type EiaPath = (typeof EIA_PATHS)[number];

export const EIA_PATH_LABELS: Record<EiaPath, { zh: string; en: string }> = {
  commitment: { zh: '告知承诺制审批', en: 'commitment-path approval' },
  ordinary: { zh: '报告表审批（一般程序）', en: 'report form approval (ordinary)' },
  'report-book': { zh: '报告书审批（市局审批，跟踪）', en: 'report book (city bureau decides; tracked)' },
  exemption: { zh: '豁免认定', en: 'exemption determination' },
  filing: { zh: '登记表备案', en: 'registration-form filing' },
};

/** Who decides each path (rules.md §0): the county bureau itself, or an external body it only tracks. */
export const EIA_PATH_AUTHORITY: Record<EiaPath, { zh: string; en: string }> = {
  commitment: { zh: '本局（经市局授权）', en: 'this bureau (authorised by the city bureau)' },
  ordinary: { zh: '本局（经市局授权）', en: 'this bureau (authorised by the city bureau)' },
  'report-book': { zh: '萍乡市生态环境局', en: 'Pingxiang city bureau' },
  exemption: { zh: '本局', en: 'this bureau' },
  filing: { zh: '建设项目环境影响登记表备案系统（全国）', en: 'national registration-form filing system' },
};

/** The category a case was classified into, with the catalogue's own words. */
export const EIA_CATEGORIES = ['report-book', 'report-form', 'registration-form', 'none'] as const;
export type EiaCategory = (typeof EIA_CATEGORIES)[number];
export const EIA_CATEGORY_LABELS: Record<EiaCategory, { zh: string; en: string }> = {
  'report-book': { zh: '环境影响报告书', en: 'EIA report book' },
  'report-form': { zh: '环境影响报告表', en: 'EIA report form' },
  'registration-form': { zh: '环境影响登记表', en: 'EIA registration form' },
  none: { zh: '不纳入建设项目环境影响评价管理', en: 'outside EIA management' },
};

/** The category each path requires; the server refuses a case whose category does not fit its path. */
export const EIA_PATH_CATEGORIES: Record<EiaPath, readonly EiaCategory[]> = {
  commitment: ['report-form', 'report-book'],
  ordinary: ['report-form'],
  'report-book': ['report-book'],
  exemption: ['none', 'registration-form'],
  filing: ['registration-form'],
};

/** The catalogue's category in the words a refusal uses: "本项目应…". */
const CATEGORY_DUTY: Record<EiaCategory, string> = {
  'report-book': '编制环境影响报告书',
  'report-form': '编制环境影响报告表',
  'registration-form': '填报环境影响登记表',
  none: '不纳入建设项目环境影响评价管理',
};

/** What each path takes, in the words a refusal uses. */
const PATH_TAKES: Record<EiaPath, string> = {
  commitment: '编制环境影响报告表的项目（年出栏5000头及以上的生猪养殖项目可选择告知承诺制）',
  ordinary: '编制环境影响报告表的项目',
  'report-book': '编制环境影响报告书的项目',
  exemption: '不纳入环评管理或只需填报登记表的项目',
  filing: '填报环境影响登记表的项目',
};

/**
 * Whether a path takes a project of this category. A report book goes on the commitment path only
 * in the industries Jiangxi opened for it (pig farms, 2020); everywhere else it is the city's.
 */
export function pathAllows(path: EiaPath, category: EiaCategory, industryCode: string): boolean {
  if (path === 'commitment' && category === 'report-book')
    return COMMITMENT_REPORT_BOOK_INDUSTRIES.some((c) => industryCode.startsWith(c));
  return EIA_PATH_CATEGORIES[path].includes(category);
}

/** The paths that fit a category, in the order a clerk would choose them. */
export function pathsFor(category: EiaCategory, industryCode = ''): EiaPath[] {
  return EIA_PATHS.filter((p) => pathAllows(p, category, industryCode));
}

/**
 * Why a path does not fit what the catalogue decided, in plain words with the row it applied and
 * the paths that do fit (the server refuses such a case with this text).
 */
export function pathRefusal(
  path: EiaPath,
  category: EiaCategory,
  basis: string,
  industryCode = '',
): { zh: string; en: string; suggested: EiaPath[] } {
  const suggested = pathsFor(category, industryCode);
  const zh = `按${basis}，本项目应${CATEGORY_DUTY[category]}；“${EIA_PATH_LABELS[path].zh}”只办理${PATH_TAKES[path]}，本项目不能按此方式办理。${
    suggested.length > 0 ? `请改选：${suggested.map((p) => `“${EIA_PATH_LABELS[p].zh}”`).join('或')}。` : ''
  }`;
  const en = `The catalogue classifies the project as ${EIA_CATEGORY_LABELS[category].en}; the ${EIA_PATH_LABELS[path].en} path does not take it.${
    suggested.length > 0 ? ` Choose: ${suggested.map((p) => EIA_PATH_LABELS[p].en).join(' or ')}.` : ''
  }`;
  return { zh, en, suggested };
}

/** Which application matters (matters module codes) open which path. */
export const EIA_MATTER_PATHS: Readonly<Record<string, EiaPath>> = {
  'eia-report-form': 'ordinary',
  'eia-report-form-commitment': 'commitment',
  'eia-report-book': 'report-book',
  'eia-registration-filing': 'filing',
  'eia-exemption': 'exemption',
};

/**
 * Why no EIA case may be opened from an application, or null when one may. A case is the handling
 * of an application the bureau accepted (受理, 行政许可法 第三十二条) and has not yet decided: not one
 * still awaiting its pre-check or materials, not one already decided (准予 or 不予许可, 第三十八条),
 * and not one that already has its case. The application is judged as it stood at `at` (services
 * take their "now" so that past years can be replayed through them); the server refuses with this
 * text, and the application's page offers the step only when this is null.
 */
export function applicationLinkRefusal(
  app: {
    status: ApplicationState | (string & {});
    acceptedAt: Date | string | null;
    decidedAt: Date | string | null;
  },
  linkedCaseCode: string | null,
  at: Date = new Date(),
): { zh: string; en: string } | null {
  if (linkedCaseCode)
    return {
      zh: `该申请已立环评事项 ${linkedCaseCode}，不能重复立案`,
      en: `The application already has EIA case ${linkedCaseCode}`,
    };
  const by = (t: Date | string | null) => t !== null && new Date(t).getTime() <= at.getTime();
  if (by(app.decidedAt)) {
    if (app.status === 'approved')
      return {
        zh: '申请已办结（准予许可），不能再立环评事项',
        en: 'The application has been decided (approved); no EIA case can be opened from it',
      };
    if (app.status === 'refused')
      return {
        zh: '申请已办结（不予许可），不能再立环评事项',
        en: 'The application has been decided (refused); no EIA case can be opened from it',
      };
  } else if (by(app.acceptedAt)) {
    // accepted and not decided by then: expert review pauses the clock but the handling goes on
    if (['accepted', 'expert-review', 'approved', 'refused'].includes(app.status)) return null;
  } else
    return {
      zh: '申请尚未受理，受理后才能判定环评类别并立案',
      en: 'The application is not accepted yet; the EIA case is opened once it is accepted',
    };
  // a state added later (e.g. withdrawn) is not "being handled" until this rule says so
  return {
    zh: '申请不在办理中，不能立环评事项',
    en: 'The application is not being handled; no EIA case can be opened from it',
  };
}

/** The 文号 prefix this bureau gives each decision it makes itself (the year and number follow). */
export const EIA_DOCUMENT_PREFIX: Partial<Record<EiaPath, string>> = {
  commitment: '上环承诺审',
  ordinary: '上环审',
  exemption: '上环豁',
};

export function eiaDocumentNo(path: EiaPath, year: string, n: number): string {
  return `${EIA_DOCUMENT_PREFIX[path] ?? '上环审'}〔${year}〕${n}号`;
}

/** The legal source each notification to the enterprise cites. */
export const EIA_NOTICE_SOURCES = {
  accepted:
    '《中华人民共和国行政许可法》第三十二条；《中华人民共和国环境影响评价法》第二十二条（报告表自受理之日起三十日内作出审批决定）',
  publicity: '《环境影响评价公众参与办法》（生态环境部令第4号）；本局告知承诺制审批：拟批准公示5个工作日',
  decided:
    '《中华人民共和国行政许可法》第三十八条（作出书面决定；不予许可的说明理由并告知救济途径）；《中华人民共和国环境影响评价法》第二十二条',
  city: '《中华人民共和国环境影响评价法》第二十二条（报告书由有审批权的生态环境主管部门审批）',
  verification: '本局告知承诺制审批：批准后30日内开展事后核查；承诺书第四条（接受事后核查）',
  revoked:
    '《中华人民共和国行政许可法》第六十九条（以欺骗等不正当手段取得的行政许可应当予以撤销）；《企业环境信用评价办法（试行）》（环发〔2013〕150号）',
  exempted: '《建设项目环境影响评价分类管理名录（2021年版）》第五条及所列豁免目录条目',
  filed: '《建设项目环境影响登记表备案管理办法》（环境保护部令第41号）',
} as const;

/** The same sources cited in English (the English face of the inbox's messages). */
export const EIA_NOTICE_SOURCES_EN: Record<keyof typeof EIA_NOTICE_SOURCES, string> = {
  accepted:
    'Administrative Licensing Law art. 32; Environmental Impact Assessment Law art. 22 (a decision on a report form within 30 days of acceptance)',
  publicity:
    'Measures for Public Participation in Environmental Impact Assessment (MEE Order No. 4); this bureau’s commitment-path approval: publicity of the intended approval for 5 working days',
  decided:
    'Administrative Licensing Law art. 38 (a written decision; a refusal gives its reasons and the remedies); Environmental Impact Assessment Law art. 22',
  city: 'Environmental Impact Assessment Law art. 22 (a report book is decided by the ecology and environment authority with the power to approve it)',
  verification:
    'this bureau’s commitment-path approval: verification within 30 days of approval; the commitment, clause 4 (verification after approval accepted)',
  revoked:
    'Administrative Licensing Law art. 69 (a licence obtained by deception or other improper means is revoked); Measures for Enterprise Environmental Credit Evaluation (Trial) (环发〔2013〕150号)',
  exempted: 'EIA classification catalogue (2021 edition), art. 5, and the exemption-list entry relied on',
  filed: 'Measures for the Filing of EIA Registration Forms of Construction Projects (MEP Order No. 41)',
};

export const EIA_STATES = [
  'publicity',
  'accepted',
  'at-city',
  'approved',
  'refused',
  'exempted',
  'filed',
  'verified',
  'rectifying',
  'revoked',
] as const;
export type EiaState = (typeof EIA_STATES)[number];
export const EIA_STATE_LABELS: Record<EiaState, { zh: string; en: string }> = {
  publicity: { zh: '拟批准公示中', en: 'in publicity before approval' },
  accepted: { zh: '已受理', en: 'accepted' },
  'at-city': { zh: '市局审批中', en: 'with the city bureau' },
  approved: { zh: '已批准', en: 'approved' },
  refused: { zh: '不予批准', en: 'refused' },
  exempted: { zh: '已认定豁免', en: 'exempted' },
  filed: { zh: '已备案', en: 'filed' },
  verified: { zh: '核查通过', en: 'verification passed' },
  rectifying: { zh: '核查整改中', en: 'rectifying after verification' },
  revoked: { zh: '已撤销批准', en: 'approval revoked' },
};

/** The state a new case starts in, by path. */
export const EIA_START_STATE: Record<EiaPath, EiaState> = {
  commitment: 'publicity',
  ordinary: 'accepted',
  'report-book': 'at-city',
  exemption: 'exempted',
  filing: 'filed',
};

/** The publicity notices of the public portal (受理公示, 拟批准公示, 批准公告). */
export const EIA_NOTICE_KINDS = ['acceptance', 'pre-approval', 'approval'] as const;
export type EiaNoticeKind = (typeof EIA_NOTICE_KINDS)[number];
export const EIA_NOTICE_LABELS: Record<EiaNoticeKind, { zh: string; en: string }> = {
  acceptance: { zh: '受理公示', en: 'notice of acceptance' },
  'pre-approval': { zh: '拟批准公示', en: 'notice before approval' },
  approval: { zh: '批准公告', en: 'notice of approval' },
};

/** The notices' orders: by the notice's date (decided, else accepted), newest first (the default) or oldest; by project either way. */
export const EIA_NOTICE_SORTS = ['-date', 'date', 'project', '-project'] as const;
export type EiaNoticeSort = (typeof EIA_NOTICE_SORTS)[number];

/** Which notice a case shows on the portal in its state; null: not published. */
export function noticeKindOf(path: EiaPath, state: EiaState): EiaNoticeKind | null {
  if (path === 'commitment' && state === 'publicity') return 'pre-approval';
  if (path === 'ordinary' && state === 'accepted') return 'acceptance';
  if (
    (path === 'commitment' || path === 'ordinary') &&
    (state === 'approved' || state === 'verified' || state === 'rectifying')
  )
    return 'approval';
  return null;
}

export const VERIFICATION_RESULTS = ['pass', 'rectify', 'revoke'] as const;
export type VerificationResult = (typeof VERIFICATION_RESULTS)[number];
export const VERIFICATION_RESULT_LABELS: Record<VerificationResult, { zh: string; en: string }> = {
  pass: { zh: '核查通过', en: 'pass' },
  rectify: { zh: '责令整改', en: 'rectify' },
  revoke: { zh: '撤销批准', en: 'revoke the approval' },
};

/** The exemption lists a determination may cite (rules.md §2). */
export const EXEMPTION_LISTS = ['national', 'jiangxi'] as const;
export type ExemptionList = (typeof EXEMPTION_LISTS)[number];
export const EXEMPTION_LIST_LABELS: Record<ExemptionList, { zh: string; en: string }> = {
  national: {
    zh: '《建设项目环境影响评价分类管理名录（2021年版）》该行“/”或名录未作规定（第五条）',
    en: 'national catalogue (2021): "/" in the row, or not listed (Art. 5)',
  },
  jiangxi: {
    zh: '江西省第一批建设项目环评豁免目录（试行）',
    en: "Jiangxi's first EIA exemption list (trial)",
  },
};

// ---------------------------------------------------------------------------------------------
// Commitment-path eligibility, as data with its sources. The listed industries are a rule an admin
// edits (eia.commitment.industries); the exclusions below are the ones every local text shares.

export type CommitmentFacts = {
  industryCode: string;
  category: EiaCategory;
  inSensitiveArea: boolean;
  electroplating: boolean;
  nationalSecurity: boolean;
};

export type EligibilityCheck = {
  key: 'industry' | 'category' | 'sensitive-area' | 'electroplating' | 'national-security';
  label: { zh: string; en: string };
  source: string;
  /** the same source in English */
  sourceEn: string;
};

const ZIGONG_EN = 'following the implementing measures of Zigong, Sichuan for the commitment path';

export const COMMITMENT_CHECKS: readonly EligibilityCheck[] = [
  {
    key: 'industry',
    label: { zh: '属于本局公布的告知承诺制行业', en: 'in an industry the bureau lists for the commitment path' },
    source: '环综合〔2020〕13号（环评审批正面清单“告知承诺一批”）；本局行业清单（规则 eia.commitment.industries）',
    sourceEn:
      '环综合〔2020〕13号 (the EIA approval positive list, “the batch approved on notification and commitment”); this bureau’s list of industries (rule eia.commitment.industries)',
  },
  {
    key: 'category',
    label: {
      zh: '编制环境影响报告表的项目（年出栏 5000 头及以上的生猪养殖项目可选择告知承诺制）',
      en: 'a report-form project (pig farms of 5,000 head a year or more may choose the commitment path)',
    },
    source:
      '参照湖南省做法：告知承诺制仅适用于报告表项目；江西省 2020 年生猪养殖项目环评告知承诺制（年出栏 5000 头及以上可自愿选择）',
    sourceEn:
      'following the practice of Hunan Province: the commitment path is for report-form projects only; Jiangxi Province’s 2020 commitment path for the EIA of pig farms (farms of 5,000 head a year or more may choose it)',
  },
  {
    key: 'sensitive-area',
    label: { zh: '不涉及环境敏感区', en: 'not in an environmentally sensitive area' },
    source: '《建设项目环境影响评价分类管理名录（2021年版）》第三条；参照四川省自贡市告知承诺制实施办法',
    sourceEn: `Classification Catalogue for the Environmental Impact Assessment of Construction Projects (2021 edition), Art. 3; ${ZIGONG_EN}`,
  },
  {
    key: 'electroplating',
    label: { zh: '不含电镀（含化学镀、阳极氧化）工艺', en: 'no electroplating (incl. chemical plating, anodising)' },
    source: '参照四川省自贡市告知承诺制实施办法；名录说明第6条（化学镀、阳极氧化按电镀）',
    sourceEn: `${ZIGONG_EN}; note 6 of the catalogue (chemical plating and anodising count as electroplating)`,
  },
  {
    key: 'national-security',
    label: { zh: '不涉及国家安全和重大公共利益', en: 'no national security or major public interest' },
    source: '参照四川省自贡市告知承诺制实施办法；国办发〔2019〕11号',
    sourceEn: `${ZIGONG_EN}; 国办发〔2019〕11号`,
  },
];

/** The checks a project fails for the commitment path; empty means eligible. */
export function commitmentIneligibility(
  facts: CommitmentFacts,
  listedIndustries: readonly string[],
): EligibilityCheck[] {
  const failed = new Set<EligibilityCheck['key']>();
  if (!listedIndustries.some((c) => facts.industryCode.startsWith(c))) failed.add('industry');
  const pigFarmBook =
    facts.category === 'report-book' && COMMITMENT_REPORT_BOOK_INDUSTRIES.some((c) => facts.industryCode.startsWith(c));
  if (facts.category !== 'report-form' && !pigFarmBook) failed.add('category');
  if (facts.inSensitiveArea) failed.add('sensitive-area');
  if (facts.electroplating) failed.add('electroplating');
  if (facts.nationalSecurity) failed.add('national-security');
  return COMMITMENT_CHECKS.filter((c) => failed.has(c.key));
}

/** Industries whose report-book projects may still take the commitment path (Jiangxi, pig farms, 2020). */
export const COMMITMENT_REPORT_BOOK_INDUSTRIES: readonly string[] = ['0313'];

/** Default list of industries on the commitment path (GB/T 4754-2017 codes; a prefix covers its children). */
export const DEFAULT_COMMITMENT_INDUSTRIES: readonly string[] = [
  '0313', // 猪的饲养: Jiangxi lets pig farms choose the commitment path (2020)
  '302', // 水泥、石灰和石膏制品 (水泥制品、砼结构构件、轻质建材)
  '303', // 砖瓦、石材等建筑材料制造
  '307', // 陶瓷制品制造
  '2672', // 焰火、鞭炮产品制造
  '5949', // 其他危险品仓储 (烟花爆竹仓库)
];

export const DEFAULT_COMMITMENT_TEXT =
  '本单位郑重承诺：一、项目符合生态环境法律法规、国土空间规划、“三线一单”生态环境分区管控要求和产业政策；二、所提交的环境影响报告表及申请材料真实、完整、准确，由依法登记的单位编制；三、严格落实报告表提出的各项污染防治和生态保护措施，执行环境保护设施与主体工程同时设计、同时施工、同时投产使用的“三同时”制度；四、接受生态环境部门的事后核查和监督检查；五、如有承诺不实或未履行承诺，自愿承担撤销审批决定、依法处罚并记入企业环境信用记录等后果。';

// ---------------------------------------------------------------------------------------------
// Bodies the API accepts (the web's forms use the same schemas).

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.date();

export const eiaCaseCreateBody = z
  .strictObject({
    enterpriseId: z.uuid(),
    path: z.enum(EIA_PATHS),
    projectName: text(100),
    projectAddress: text(200),
    constructionType: z.enum(['new', 'expansion', 'alteration', 'relocation']),
    industryCode: z.string().regex(/^[A-Ta-t]?\d{4}$/, { error: 'eia.industryClass.invalid' }),
    /**
     * the facts the classification wizard was given: the server classifies the project itself and
     * stores the row, column and quote as the case's evidence (a category is never typed in)
     */
    facts: eiaFactsSchema.default({}),
    contactName: text(30),
    contactPhone: z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' }),
    inSensitiveArea: z.boolean().default(false),
    electroplating: z.boolean().default(false),
    nationalSecurity: z.boolean().default(false),
    /** commitment path: the applicant signed the commitment text in force */
    commitmentSigned: z.boolean().optional(),
    /** exemption: which list and which entry */
    exemptionList: z.enum(EXEMPTION_LISTS).optional(),
    exemptionEntry: text(300).optional(),
    /** filing: the receipt number the national system gave */
    receiptNo: text(60).optional(),
    /** the day of the exemption decision or filing (defaults to today) */
    decidedOn: isoDate.optional(),
    /** the accepted application (applications module) the case is opened from */
    applicationId: z.uuid().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.path === 'commitment' && b.commitmentSigned !== true)
      ctx.addIssue({ code: 'custom', path: ['commitmentSigned'], message: 'eia.commitment.unsigned' });
    if (b.path === 'exemption') {
      if (!b.exemptionList) ctx.addIssue({ code: 'custom', path: ['exemptionList'], message: 'eia.exemption.list' });
      if (!b.exemptionEntry) ctx.addIssue({ code: 'custom', path: ['exemptionEntry'], message: 'eia.exemption.entry' });
    }
    if (b.path === 'filing' && !b.receiptNo)
      ctx.addIssue({ code: 'custom', path: ['receiptNo'], message: 'eia.filing.receiptNo' });
  });
export type EiaCaseCreate = z.infer<typeof eiaCaseCreateBody>;

/** The bureau's decision (commitment after publicity, or an ordinary approval). */
export const eiaDecisionBody = z.strictObject({
  version: z.number().int().min(1),
  approve: z.boolean(),
  /** the review opinion (approval) or the reason (refusal); the 文号 is given by the server */
  reason: text(500).optional(),
});

/** The city bureau's decision on a report book, as the bureau tracked it. */
export const eiaCityDecisionBody = z.strictObject({
  version: z.number().int().min(1),
  approve: z.boolean(),
  externalRef: text(60).optional(),
  decidedOn: isoDate,
  reason: text(500).optional(),
});

export const eiaVerificationBody = z
  .strictObject({
    version: z.number().int().min(1),
    result: z.enum(VERIFICATION_RESULTS),
    note: text(1000),
    creditConsequence: text(300).optional(),
  })
  .superRefine((b, ctx) => {
    if (b.result === 'revoke' && !b.creditConsequence)
      ctx.addIssue({ code: 'custom', path: ['creditConsequence'], message: 'eia.revoke.credit' });
  });

export const eiaObjectionBody = z.strictObject({
  name: text(30),
  phone: z.string().trim().refine(isChinesePhone, { error: 'contact.phone.invalid' }),
  phoneCode: z
    .string()
    .trim()
    .regex(/^\d{6}$/)
    .optional(),
  content: text(2000),
});

export const eiaObjectionAnswerBody = z.strictObject({ answer: text(2000) });

/** The default credit consequence a revocation records (the later credit module reads it). */
export const REVOCATION_CREDIT_DEFAULT =
  '告知承诺不实，撤销审批决定，记入企业环境信用记录（《企业环境信用评价办法（试行）》环发〔2013〕150号）';

/** How the audit log reads this module's entries (listed by the server module's definition). */
export const EIA_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'eia-case.create',
    'eia-case.decide',
    'eia-case.record-city-decision',
    'eia-case.verify',
    'eia-objection.answer',
    'eia-objection.create',
  ],
  records: {
    'eia-case': { zh: '环评事项', en: 'EIA case' },
    'eia-objection': { zh: '环评公示意见', en: 'EIA publicity objection' },
  },
  steps: {
    decide: { zh: '作出审批决定', en: 'decided' },
    'record-city-decision': { zh: '登记市局批复', en: 'city decision recorded' },
    verify: { zh: '登记事后核查结果', en: 'verification recorded' },
  },
  fields: {
    acceptedOn: { zh: '受理日期', en: 'accepted on' },
    answeredByName: { zh: '答复人', en: 'answered by' },
    applicationId: { zh: '关联申请编号', en: 'application ID' },
    caseId: { zh: '环评事项编号', en: 'EIA case ID' },
    catalogueRow: { zh: '名录条目', en: 'catalogue row' },
    classification: { zh: '分类依据', en: 'classification evidence' },
    commitmentSignedAt: { zh: '承诺书签署时间', en: 'commitment signed at' },
    commitmentText: { zh: '承诺书内容', en: 'commitment text' },
    constructionType: { zh: '建设性质', en: 'construction type' },
    contactName: { zh: '联系人', en: 'contact person' },
    creditConsequence: { zh: '信用后果', en: 'credit consequence' },
    decidedByName: { zh: '决定人', en: 'decided by' },
    decidedOn: { zh: '决定日期', en: 'decided on' },
    decisionReason: { zh: '决定理由', en: 'decision reason' },
    documentNo: { zh: '批复文号', en: 'decision number' },
    electroplating: { zh: '含电镀工艺', en: 'electroplating' },
    exemptionEntry: { zh: '豁免目录条目', en: 'exemption-list entry' },
    exemptionList: { zh: '豁免目录', en: 'exemption list' },
    inSensitiveArea: { zh: '涉及环境敏感区', en: 'in a sensitive area' },
    nationalSecurity: { zh: '涉及国家安全', en: 'national security' },
    path: { zh: '办理方式', en: 'path' },
    projectAddress: { zh: '建设地点', en: 'project site' },
    projectName: { zh: '项目名称', en: 'project name' },
    publicityClockId: { zh: '公示期限编号', en: 'publicity clock ID' },
    receiptNo: { zh: '备案编号', en: 'filing receipt number' },
    revocationReason: { zh: '撤销理由', en: 'revocation reason' },
    verificationClockId: { zh: '核查期限编号', en: 'verification clock ID' },
    verificationNote: { zh: '核查说明', en: 'verification note' },
    verificationResult: { zh: '核查结果', en: 'verification result' },
    verifiedOn: { zh: '核查日期', en: 'verified on' },
  },
};

/** What the EIA case schemas say when they refuse (module messages: see messages.ts). */
export const EIA_MESSAGES = {
  'eia.industryCode.invalid': {
    zh: '行业代码应为《国民经济行业分类》（GB/T 4754-2017）的 3 位或 4 位代码',
    en: 'industry code must be a 3- or 4-digit GB/T 4754-2017 code',
  },
  'eia.industryClass.invalid': {
    zh: '行业代码应为《国民经济行业分类》（GB/T 4754-2017）的 4 位行业小类代码，如 2672',
    en: 'industry code must be a 4-digit GB/T 4754-2017 class, e.g. 2672',
  },
  'eia.commitment.unsigned': { zh: '告知承诺制须由建设单位签署承诺书', en: 'the builder must sign the commitment' },
  'eia.exemption.list': { zh: '请选择所依据的豁免目录', en: 'choose the exemption list relied on' },
  'eia.exemption.entry': { zh: '请填写所依据的豁免目录条目', en: 'cite the exemption-list entry relied on' },
  'eia.filing.receiptNo': {
    zh: '请填写全国备案系统生成的备案编号',
    en: 'enter the receipt number the national system gave',
  },
  'eia.revoke.credit': {
    zh: '撤销批准须写明对企业环境信用的后果',
    en: 'a revocation must state its consequence for the enterprise’s credit',
  },
} as const satisfies MessageTable;
