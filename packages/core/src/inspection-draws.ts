/**
 * 双随机一公开 random inspection draws (rules.md §3, reference.md §1.6). The draw is a pure function
 * of its seed and its inputs (the object library and the inspector library as they stood, the
 * plan's ratios): the server records all of them, and a replay runs this same function again. So
 * nothing here may read a clock or Math.random; the PRNG below is the only source of chance.
 */
import { z } from 'zod';
import type { AuditVocabulary } from './audit-vocabulary.ts';
import type { ClockProfileDefinition } from './deadline.ts';
import { isoDateSchema } from './text.ts';

/** The algorithm's name, recorded on each draw: a replay refuses inputs drawn by another version. */
export const DRAW_ALGORITHM = 'qingshan-draw-v1';

export const INSPECTION_CLASSES = ['a', 'b', 'c', 'special'] as const;
export type InspectionClass = (typeof INSPECTION_CLASSES)[number];
export const INSPECTION_CLASS_LABELS: Readonly<Record<InspectionClass, { zh: string; en: string }>> = {
  a: { zh: 'A 类（重点排污单位）', en: 'class a (key discharger)' },
  b: { zh: 'B 类', en: 'class b' },
  c: { zh: 'C 类（一般单位）', en: 'class c (general)' },
  special: { zh: '特殊监管对象', en: 'special source' },
};

export const CONFLICT_KINDS = ['kin', 'former-employer', 'other'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export const CONFLICT_KIND_LABELS: Readonly<Record<ConflictKind, { zh: string; en: string }>> = {
  kin: { zh: '近亲属在该企业任职', en: 'a relative works there' },
  'former-employer': { zh: '曾在该企业任职', en: 'former employer' },
  other: { zh: '其他利害关系', en: 'other interest' },
};

export const PLAN_PERIODS = ['quarter', 'year'] as const;
export type PlanPeriod = (typeof PLAN_PERIODS)[number];

/** Share of each class to draw in one draw of the plan's period (0..1). */
export type ClassRatios = Readonly<Record<InspectionClass, number>>;

export type DrawObject = {
  /** the enterprise's id (one object per enterprise) */
  id: string;
  class: InspectionClass;
  townCode: string;
  /** on the positive list (正面清单) on the draw day: drawn with a lower weight, checked off-site first */
  listed: boolean;
  /**
   * the firm's risk weight on the draw day (1–5, from its transparent risk score): a riskier firm is
   * drawn more often. Absent in draws recorded before risk weighting, which therefore replay unchanged.
   */
  riskWeight?: number;
};

export type DrawInspector = {
  id: string;
  townCode: string | null;
  /** enterprises this inspector must not inspect (回避) */
  conflicts: readonly string[];
};

export type DrawInputs = {
  algorithm: string;
  objects: readonly DrawObject[];
  inspectors: readonly DrawInspector[];
  ratios: ClassRatios;
  inspectorsPerTarget: number;
  /** the rule says an inspector does not inspect firms of the town they live in */
  avoidOwnTown: boolean;
  /** weight of a positive-list firm relative to 1 for the others (0 < w ≤ 1) */
  listedWeight: number;
};

export type DrawTarget = { objectId: string; class: InspectionClass; offSiteFirst: boolean; inspectorIds: string[] };

export type DrawResult =
  | { ok: true; targets: DrawTarget[]; quotas: Record<InspectionClass, { pool: number; drawn: number }> }
  /** some targets cannot get enough inspectors free of conflicts: nothing is drawn */
  | { ok: false; shortages: { objectId: string; eligible: number }[] };

// ---------------------------------------------------------------------------------------------
// The PRNG: xmur3 string hash to seed sfc32 (public-domain algorithms by Bob Jenkins / Chris
// Doty-Humphrey, as popularised in bryc's "PRNGs in JS"). 32-bit integer arithmetic only, so every
// JavaScript engine gives the same sequence.

function xmur3(str: string): () => number {
  let h = 1779033703 ^ str.length;
  for (let i = 0; i < str.length; i++) {
    h = Math.imul(h ^ str.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** A seeded generator of floats in [0, 1); the same seed gives the same sequence everywhere. */
export function seededRandom(seed: string): () => number {
  const next = xmur3(seed);
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const rand = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // discard the first outputs: sfc32 mixes its state in during the first few rounds
  for (let i = 0; i < 15; i++) rand();
  return rand;
}

/** A new seed from 128 random bits the caller supplies (the server uses crypto), as hex. */
export function seedFromBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------------------------------------

/** How many of a class's pool one draw takes: the ratio rounded up, never more than the pool. */
export function quotaOf(pool: number, ratio: number): number {
  if (pool <= 0 || ratio <= 0) return 0;
  // the epsilon keeps 0.25 × 8 at 2 despite floating point; max(0) keeps a tiny ratio from giving -0
  return Math.min(pool, Math.max(0, Math.ceil(pool * ratio - 1e-9)));
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The draw. Inputs are put in a canonical order first (by id), so the order the database returned
 * them in cannot change the outcome. Objects: per class, weighted sampling without replacement
 * (Efraimidis–Spirakis: key = u^(1/w), the largest keys win), listed firms at `listedWeight`, times
 * the firm's risk weight when the draw recorded one.
 * Inspectors: for each target in drawn order, those free of conflicts (and of the own-town rule
 * when it applies), least-loaded first, ties broken by the PRNG.
 */
export function drawInspection(seed: string, inputs: DrawInputs): DrawResult {
  const rand = seededRandom(`${inputs.algorithm}|${seed}`);
  const objects = [...inputs.objects].sort(byId);
  const inspectors = [...inputs.inspectors].sort(byId);
  const quotas = {} as Record<InspectionClass, { pool: number; drawn: number }>;
  const chosen: DrawObject[] = [];
  for (const cls of INSPECTION_CLASSES) {
    const pool = objects.filter((o) => o.class === cls);
    const k = quotaOf(pool.length, inputs.ratios[cls]);
    const keyed = pool.map((o) => {
      const w = (o.listed ? inputs.listedWeight : 1) * (o.riskWeight ?? 1);
      const u = rand();
      // u in [0,1): 1 - u in (0,1], so the log is finite
      return { o, key: Math.log(1 - u) / w };
    });
    keyed.sort((x, y) => y.key - x.key || byId(x.o, y.o));
    const picked = keyed.slice(0, k).map((x) => x.o);
    quotas[cls] = { pool: pool.length, drawn: picked.length };
    chosen.push(...picked);
  }

  const load = new Map(inspectors.map((i) => [i.id, 0]));
  const targets: DrawTarget[] = [];
  const shortages: { objectId: string; eligible: number }[] = [];
  for (const o of chosen) {
    const eligible = inspectors
      .filter((i) => !isConflicted(i, o, inputs.avoidOwnTown))
      .map((i) => ({ i, tie: rand() }));
    if (eligible.length < inputs.inspectorsPerTarget) {
      shortages.push({ objectId: o.id, eligible: eligible.length });
      continue;
    }
    eligible.sort((x, y) => (load.get(x.i.id) ?? 0) - (load.get(y.i.id) ?? 0) || x.tie - y.tie);
    const team = eligible.slice(0, inputs.inspectorsPerTarget).map((x) => x.i.id);
    for (const id of team) load.set(id, (load.get(id) ?? 0) + 1);
    targets.push({ objectId: o.id, class: o.class, offSiteFirst: o.listed, inspectorIds: team });
  }
  if (shortages.length) return { ok: false, shortages };
  return { ok: true, targets, quotas };
}

/** 回避: a recorded conflict with the firm, or the firm is in the inspector's own town when the rule says so. */
export function isConflicted(
  inspector: Pick<DrawInspector, 'conflicts' | 'townCode'>,
  object: Pick<DrawObject, 'id' | 'townCode'>,
  avoidOwnTown: boolean,
): boolean {
  if (inspector.conflicts.includes(object.id)) return true;
  return avoidOwnTown && inspector.townCode !== null && inspector.townCode === object.townCode;
}

/** Two draws' targets are the same: the same firms, in the same order, with the same inspectors. */
export function sameTargets(a: readonly DrawTarget[], b: readonly DrawTarget[]): boolean {
  return JSON.stringify(a.map(canonicalTarget)) === JSON.stringify(b.map(canonicalTarget));
}

function canonicalTarget(t: DrawTarget) {
  return [t.objectId, t.class, t.offSiteFirst, [...t.inspectorIds]];
}

/**
 * Ratios for one draw of a quarterly or yearly plan, from the Jiangxi per-period rules (rules.md §3):
 * a ≥ 25 % per quarter, b ≥ 50 % per year, c 20 % per year, special 100 % per quarter. A yearly
 * share drawn quarterly is spread over four draws; a quarterly share drawn once a year is drawn
 * four times over (capped at the whole class).
 */
export type PeriodRatio = { ratio: number; per: PlanPeriod };
export function ratiosForPeriod(
  rules: Readonly<Record<InspectionClass, PeriodRatio>>,
  period: PlanPeriod,
): ClassRatios {
  const out = {} as Record<InspectionClass, number>;
  for (const cls of INSPECTION_CLASSES) {
    const r = rules[cls];
    const factor = r.per === period ? 1 : period === 'quarter' ? 1 / 4 : 4;
    out[cls] = Math.min(1, r.ratio * factor);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Request bodies (the web's forms use the same schemas)

const uuid = z.uuid();
const town = z.string().regex(/^360322\d{3}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

export const inspectionObjectBody = z.strictObject({
  enterpriseId: uuid,
  class: z.enum(INSPECTION_CLASSES),
  /** why this class: 重点排污单位名录, penalised last year, ≥ 3 verified complaints, red credit … */
  basis: text(500),
});
export type InspectionObjectBody = z.infer<typeof inspectionObjectBody>;

export const inspectorConflictSchema = z.strictObject({
  enterpriseId: uuid,
  kind: z.enum(CONFLICT_KINDS),
  note: text(200),
});

export const inspectorBody = z.strictObject({
  userId: uuid.nullable(),
  name: text(50),
  townCode: town.nullable(),
  active: z.boolean(),
  conflicts: z.array(inspectorConflictSchema).max(200),
});
export type InspectorBody = z.infer<typeof inspectorBody>;

export const inspectionPlanBody = z
  .strictObject({
    name: text(100),
    year: z.number().int().min(2019).max(2100),
    period: z.enum(PLAN_PERIODS),
    quarter: z.number().int().min(1).max(4).nullable(),
  })
  .refine((p) => (p.period === 'quarter') === (p.quarter !== null), {
    path: ['quarter'],
    message: '季度计划须填写季度，年度计划不填 / a quarterly plan names its quarter, a yearly one none',
  });
export type InspectionPlanBody = z.infer<typeof inspectionPlanBody>;

export const inspectionDrawBody = z.strictObject({ planId: uuid });

export const INSPECTION_OUTCOMES = ['no-problem', 'problems-found', 'not-operating'] as const;
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
export const INSPECTION_OUTCOME_LABELS: Readonly<Record<InspectionOutcome, { zh: string; en: string }>> = {
  'no-problem': { zh: '未发现问题', en: 'no problem found' },
  'problems-found': { zh: '发现问题，已责令整改', en: 'problems found, rectification ordered' },
  'not-operating': { zh: '停产或已关闭', en: 'not operating' },
};

export const inspectionResultsBody = z.strictObject({
  results: z
    .array(
      z.strictObject({
        enterpriseId: uuid,
        inspectedOn: isoDateSchema,
        outcome: z.enum(INSPECTION_OUTCOMES),
        summary: text(500),
      }),
    )
    .min(1)
    .max(500),
});
export type InspectionResultsBody = z.infer<typeof inspectionResultsBody>;

/**
 * The publication of a draw's results (一公开) runs on a clock from its latest inspection: the
 * profile's length is the bureau's time limit, so the rule is the clock's and nothing else keeps it.
 */
export const PUBLICATION_CLOCK = 'inspections.publish-within-working-days';

export const INSPECTION_CLOCK_PROFILES: readonly ClockProfileDefinition[] = Object.freeze([
  {
    key: PUBLICATION_CLOCK,
    length: 20,
    unit: 'working',
    warnBefore: 3,
    direction: 'after-start',
    label: {
      zh: '抽查结果公开时限（检查完成后工作日）',
      en: 'results published within (working days after inspection)',
    },
    source: '参照市场监管部门"双随机、一公开"抽查结果 20 个工作日内公示的做法（生态环境部门未见统一时限）',
    sourceEn:
      'following the market regulators’ practice of publishing the results of random inspections ("double random, one public") within 20 working days (no common limit found for ecology and environment departments)',
    note: '自本次抽查最近一次检查之日起计算，公开抽查结果之时为完成',
    noteEn: 'counted from the draw’s latest inspection; completed when the results are published',
  },
] satisfies ClockProfileDefinition[]);

/** The words the audit log reads this module's entries in. */
export const INSPECTIONS_AUDIT_VOCABULARY: AuditVocabulary = {
  actions: [
    'inspection-object.put',
    'inspector.create',
    'inspector.update',
    'inspection-plan.create',
    'inspection-plan.update',
    'inspection-draw.create',
    'inspection-draw.view',
    'inspection-draw.view-refused',
    'inspection-draw.replay',
    'inspection-draw.publish',
  ],
  records: {
    'inspection-object': { zh: '检查对象', en: 'Inspection object' },
    inspector: { zh: '执法检查人员', en: 'Inspector' },
    'inspection-plan': { zh: '双随机抽查计划', en: 'Inspection plan' },
    'inspection-draw': { zh: '双随机抽查', en: 'Random inspection draw' },
  },
  actionLabels: {
    'inspection-object.put': { zh: '纳入或调整检查对象', en: 'Inspection object put in the library' },
    'inspector.create': { zh: '新增执法检查人员', en: 'Inspector added' },
    'inspector.update': { zh: '修改执法检查人员', en: 'Inspector changed' },
    'inspection-plan.create': { zh: '新建双随机抽查计划', en: 'Inspection plan created' },
    'inspection-plan.update': { zh: '修改双随机抽查计划', en: 'Inspection plan changed' },
    'inspection-draw.create': { zh: '双随机抽取', en: 'Random inspection drawn' },
    'inspection-draw.view': { zh: '查看抽查名单', en: 'Draw viewed' },
    'inspection-draw.view-refused': { zh: '查看抽查名单（被拒绝）', en: 'Draw view refused' },
    'inspection-draw.replay': { zh: '复现抽取', en: 'Draw replayed' },
    'inspection-draw.publish': { zh: '公开抽查结果', en: 'Inspection results published' },
  },
  fields: {
    algorithm: { zh: '抽取算法', en: 'algorithm' },
    avoidOwnTown: { zh: '回避本乡镇', en: 'avoid own town' },
    basis: { zh: '分类依据', en: 'basis' },
    class: { zh: '监管类别', en: 'class' },
    conflicts: { zh: '回避关系', en: 'conflicts of interest' },
    drawId: { zh: '抽查编号', en: 'draw ID' },
    drawnAt: { zh: '抽取时间', en: 'drawn at' },
    drawnBy: { zh: '抽取人编号', en: 'drawn by' },
    drawnByName: { zh: '抽取人', en: 'drawn by' },
    inputs: { zh: '抽取输入', en: 'draw inputs' },
    inputsHash: { zh: '输入摘要', en: 'inputs hash' },
    inputsHashMatches: { zh: '输入摘要一致', en: 'inputs hash matches' },
    inspectedOn: { zh: '检查日期', en: 'inspected on' },
    inspectorsPerTarget: { zh: '每家执法人员数', en: 'inspectors per firm' },
    inspectorsVersion: { zh: '人员名录库版本', en: 'inspector library version' },
    libraryVersion: { zh: '名录库版本', en: 'library version' },
    listedWeight: { zh: '正面清单企业权重', en: 'positive-list weight' },
    objectsVersion: { zh: '对象名录库版本', en: 'object library version' },
    period: { zh: '计划周期', en: 'period' },
    planId: { zh: '抽查计划编号', en: 'plan ID' },
    publishDueOn: { zh: '公开期限', en: 'publish due on' },
    quarter: { zh: '季度', en: 'quarter' },
    ratios: { zh: '抽查比例', en: 'ratios' },
    reproduced: { zh: '复现一致', en: 'reproduced' },
    results: { zh: '检查结果', en: 'results' },
    ruleVersions: { zh: '规则版本', en: 'rule versions' },
    seed: { zh: '随机种子', en: 'seed' },
    targetCount: { zh: '抽中数量', en: 'targets drawn' },
    targets: { zh: '抽中对象', en: 'targets' },
    team: { zh: '检查组', en: 'inspection team' },
    updatedByName: { zh: '修改人', en: 'updated by' },
  },
};

/** The orders the list of draws offers (the server's `sort`; the first is its default). */
export const DRAW_SORTS = [
  '-drawnAt',
  'drawnAt',
  'plan',
  '-plan',
  'targetCount',
  '-targetCount',
  '-publishedAt',
  'publishedAt',
] as const;

/** The inspector library's orders: by name (the default) or by the last change, either way. */
export const INSPECTOR_SORTS = ['name', '-name', '-updatedAt', 'updatedAt'] as const;
export type InspectorSort = (typeof INSPECTOR_SORTS)[number];

/**
 * The plans' orders: by period, latest first (the default: a year's plan before its quarters) or
 * earliest first; by name or by the time made, either way.
 */
export const INSPECTION_PLAN_SORTS = ['-period', 'period', 'name', '-name', '-createdAt', 'createdAt'] as const;
export type InspectionPlanSort = (typeof INSPECTION_PLAN_SORTS)[number];

/** The public results' orders: latest published first (the default), by day inspected or by firm, either way. */
export const INSPECTION_RESULT_SORTS = [
  '-publishedOn',
  'publishedOn',
  '-inspectedOn',
  'inspectedOn',
  'enterprise',
  '-enterprise',
] as const;
export type InspectionResultSort = (typeof INSPECTION_RESULT_SORTS)[number];
