import { DEFAULT_CLOCK_PROFILES, isDateString, localizeIssues } from '@qingshan/core';
import { and, asc, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client.ts';
import { containsPattern } from '../../db/like.ts';
import { AppError } from '../../errors.ts';
import { type Actor, recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { rules, ruleVersions } from './tables.ts';

export const RULE_TYPES = ['clock-profile', 'integer', 'number', 'ratio', 'list', 'text'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const clockProfileValueSchema = z.strictObject({
  length: z.number().int().min(1).max(3650),
  unit: z.enum(['working', 'calendar']),
  warnBefore: z.number().int().min(0).max(365),
  direction: z.enum(['after-start', 'before-anchor']).default('after-start'),
});
export type ClockProfileValue = z.infer<typeof clockProfileValueSchema>;

const VALUE_SCHEMAS: Record<RuleType, z.ZodType> = {
  'clock-profile': clockProfileValueSchema,
  integer: z.number().int(),
  number: z.number().finite(),
  ratio: z.number().min(0).max(1),
  list: z.array(z.string().trim().min(1).max(200)).max(500),
  text: z.string().trim().min(1).max(2000),
};

export type RuleVersionView = {
  key: string;
  version: number;
  value: unknown;
  source: string;
  effectiveFrom: string;
  reason: string;
  createdByName: string;
  createdAt: string;
};

export type RuleView = {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  note: string | null;
  /** the version in force today */
  current: RuleVersionView;
  latestVersion: number;
};

type Seed = {
  key: string;
  type: RuleType;
  labelZh: string;
  labelEn: string;
  note?: string;
  value: unknown;
  source: string;
};

/**
 * Said beside every default borrowed from another place's practice (its source says whose): it is
 * a starting value, never this bureau's law.
 */
export const FROM_PRACTICE_NOTE =
  '默认值取自外地做法（见来源），不是本局的法定依据；江西省或萍乡市的规定录入后请按其修改 / a default borrowed from another place’s practice, not this bureau’s law';

function noteOf(note: string | undefined, source: string): string | undefined {
  if (!source.includes('参照')) return note;
  return note ? `${note}；${FROM_PRACTICE_NOTE}` : FROM_PRACTICE_NOTE;
}

// rules.md §1 (deadline profiles, kept in core) and §5 (reception-day caps, ratings).
export const DEFAULT_RULES: readonly Seed[] = [
  ...DEFAULT_CLOCK_PROFILES.map((p) => ({
    key: p.key,
    type: 'clock-profile' as const,
    labelZh: p.label.zh,
    labelEn: p.label.en,
    ...(noteOf(p.note, p.source) ? { note: noteOf(p.note, p.source)! } : {}),
    value: { length: p.length, unit: p.unit, warnBefore: p.warnBefore, direction: p.direction },
    source: p.source,
  })),
  {
    key: 'reception.max-enterprises-per-day',
    type: 'integer',
    labelZh: '每个企业接待日最多接待企业数',
    labelEn: 'reception day: maximum enterprises per day',
    note: FROM_PRACTICE_NOTE,
    value: 10,
    source: '参照江苏省如东县企业环保接待日做法：每日不超过 10 家企业；本局可调整',
  },
  {
    key: 'reception.max-people-per-enterprise',
    type: 'integer',
    labelZh: '每家企业参加接待日最多人数',
    labelEn: 'reception day: maximum people per enterprise',
    note: FROM_PRACTICE_NOTE,
    value: 3,
    source: '参照江苏省如东县企业环保接待日做法：每家企业不超过 3 人；本局可调整',
  },
  {
    key: 'reception.max-public-people-per-day',
    type: 'integer',
    labelZh: '每个群众接待日最多预约人数',
    labelEn: 'public reception day: maximum people booked per day',
    note: '本平台默认值，不是法规要求：群众接待日原先不设上限，一个人编造手机号即可占满当天；按接待室容量和一位局领导半天能接待的人数设定，本局可调整。',
    value: 30,
    source: '本平台默认值（按接待能力设定，非法规规定）；参照如东县企业环保接待日"限定每日接待数量"的做法',
  },
  {
    key: 'booking.max-open-per-phone',
    type: 'integer',
    labelZh: '同一手机号最多未完成预约数（群众）',
    labelEn: 'public bookings: maximum open bookings per phone number',
    note: '本平台默认值，不是法规要求：同一手机号在所有预约窗口和群众接待日合计的未办结预约（今天及以后、未取消），超出即拒绝。工作人员代约不受此限。',
    value: 3,
    source:
      '本平台默认值（防止冒用手机号抢占名额，非法规规定）；"每位预约人最多预约数"是开源预约系统用户普遍要求的做法（Easy!Appointments #1636、Nextcloud Appointments #495）',
  },
  {
    key: 'booking.max-open-per-address',
    type: 'integer',
    labelZh: '同一网络地址最多未完成预约数（群众）',
    labelEn: 'public bookings: maximum open bookings per client address',
    note: '本平台默认值，不是法规要求：防止一台电脑换着手机号占满窗口。网吧、单位共用出口地址时可调高。工作人员代约不受此限。',
    value: 6,
    source: '本平台默认值（防止批量占号，非法规规定）',
  },
  {
    key: 'booking.max-new-per-address-per-day',
    type: 'integer',
    labelZh: '同一网络地址每天最多新增预约数（群众）',
    labelEn: 'public bookings: maximum new bookings per client address per day',
    note: '本平台默认值，不是法规要求：取消后再约也计入，防止反复占号、取消。按北京时间自然日计。',
    value: 10,
    source: '本平台默认值（防止批量占号，非法规规定）',
  },
  {
    key: 'phone-code.max-sends-per-phone-per-day',
    type: 'integer',
    labelZh: '同一手机号每天最多发送验证码次数',
    labelEn: 'one-time codes: maximum sends per phone number per day',
    note: '本平台默认值：防止利用本平台向他人手机号反复发送短信（"短信轰炸"）。两次发送至少间隔 60 秒。',
    value: 5,
    source: '本平台默认值（防短信滥发，非法规规定）；短信验证码限频是短信服务商对接入方的普遍要求',
  },
  {
    key: 'phone-code.max-sends-per-address-per-day',
    type: 'integer',
    labelZh: '同一网络地址每天最多发送验证码次数',
    labelEn: 'one-time codes: maximum sends per client address per day',
    note: '本平台默认值：防止一台电脑向大量手机号发送验证码。',
    value: 20,
    source: '本平台默认值（防短信滥发，非法规规定）',
  },
  {
    key: 'rating.window-days',
    type: 'integer',
    labelZh: '服务办结后可评价的天数',
    labelEn: 'ratings: days after the service ends during which it can be rated',
    note: '国办发〔2019〕51号要求"一次一评""一事一评"但未规定评价期限；GB/T 39734-2020 有评价时效规则，其数值尚未核对录入。30 日为本局暂定默认值，不是法定期限 / the bureau’s provisional default, not a statutory period',
    value: 30,
    source: '本局默认（国办发〔2019〕51号未规定评价期限）：服务办结后 30 日内可评价',
  },
  {
    key: 'enterprise.import-max-rows',
    type: 'integer',
    labelZh: '企业名录导入最多行数',
    labelEn: 'enterprise register import: maximum rows per file',
    note: '本平台的安全上限，不是法规要求：全县登记的企业远少于此数，整县名录可一次导入；更大的文件须分批导入，以免一次导入占满服务器内存和时间。',
    value: 10000,
    source: '本平台默认值（运维安全上限，非法规规定）',
  },
  {
    key: 'figures.earliest-date',
    type: 'text',
    labelZh: '统计数字可查询的最早日期',
    labelEn: 'figures: earliest date a period may start',
    note: '本平台的安全下限，不是法规要求：平台的工作日历和业务记录自 2020 年起，更早的期间没有可统计的记录，只会让查询白白扫描。格式 YYYY-MM-DD。',
    value: '2020-01-01',
    source: '本平台默认值（运维安全上限，非法规规定）',
  },
  {
    key: 'figures.max-period-years',
    type: 'integer',
    labelZh: '统计期间最长年数',
    labelEn: 'figures: longest period in years',
    note: '本平台的安全上限，不是法规要求：一次统计或明细查询的期间不超过此年数，以免一次查询占满数据库和服务器。',
    value: 10,
    source: '本平台默认值（运维安全上限，非法规规定）',
  },
  {
    key: 'figures.export-max-rows',
    type: 'integer',
    labelZh: '统计明细一次导出最多行数',
    labelEn: 'figures: maximum rows in one records export',
    note: '本平台的安全上限，不是法规要求：明细超过此数时请缩小期间分批导出，以免一次导出占满服务器内存。',
    value: 10000,
    source: '本平台默认值（运维安全上限，非法规规定）',
  },
];

/**
 * Rules whose values must fit more than their type: a date kept as text must be a real day, and a
 * safety limit must stay a sensible positive number.
 */
const KEY_VALUE_SCHEMAS: Record<string, z.ZodType> = {
  'figures.earliest-date': z.string().refine(isDateString, { error: 'common.date' }),
  'figures.max-period-years': z.number().int().min(1).max(50),
  'figures.export-max-rows': z.number().int().min(1).max(100000),
};

const SEED_EFFECTIVE_FROM = '2020-01-01';

/** Loads the defaults that are missing; never overwrites a rule an admin has edited. Idempotent. */
export async function seedDefaultRules(db: Db): Promise<number> {
  let added = 0;
  for (const r of DEFAULT_RULES) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(rules)
        .values({ key: r.key, type: r.type, labelZh: r.labelZh, labelEn: r.labelEn, note: r.note ?? null })
        .onConflictDoNothing()
        .returning({ key: rules.key });
      if (!row) return;
      await tx.insert(ruleVersions).values({
        ruleKey: r.key,
        version: 1,
        value: r.value,
        source: r.source,
        effectiveFrom: SEED_EFFECTIVE_FROM,
        reason: '系统默认值 / shipped default',
        createdByName: SYSTEM_ACTOR.name,
      });
      added++;
    });
  }
  await refreshShippedCitations(db);
  await refreshShippedNotes(db);
  return added;
}

/** Rules shipped without a note get today's (e.g. "borrowed from another place's practice"). */
async function refreshShippedNotes(db: Db): Promise<void> {
  for (const r of DEFAULT_RULES) {
    if (!r.note) continue;
    await db
      .update(rules)
      .set({ note: r.note })
      .where(and(eq(rules.key, r.key), sql`${rules.note} is null`));
  }
}

/** Citations of the project's own notes that earlier releases shipped as a rule's source. */
const INTERNAL_CITATION = /(rules|reference)\.md/;

/**
 * Earlier releases shipped some defaults citing the project's own notes ("reference.md §1.2")
 * instead of the real origin. A shipped version 1 that nobody replaced gets the corrected
 * citation of today's default (its value is untouched); a rule an admin edited keeps its history.
 */
async function refreshShippedCitations(db: Db): Promise<void> {
  for (const r of DEFAULT_RULES) {
    await db
      .update(ruleVersions)
      .set({ source: r.source })
      .where(
        and(
          eq(ruleVersions.ruleKey, r.key),
          eq(ruleVersions.version, 1),
          eq(ruleVersions.createdByName, SYSTEM_ACTOR.name),
          sql`${ruleVersions.source} ~ ${INTERNAL_CITATION.source}`,
        ),
      );
  }
}

function todayShanghai(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

function versionView(v: typeof ruleVersions.$inferSelect): RuleVersionView {
  return {
    key: v.ruleKey,
    version: v.version,
    value: v.value,
    source: v.source,
    effectiveFrom: v.effectiveFrom,
    reason: v.reason,
    createdByName: v.createdByName,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The version in force on `on` (default today): the newest one whose effective-from has come. */
function inForce(versions: (typeof ruleVersions.$inferSelect)[], on: string) {
  const started = versions.filter((v) => v.effectiveFrom <= on);
  const pool = started.length ? started : versions;
  return [...pool].sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom) || b.version - a.version)[0];
}

/**
 * The rule version in force today (or on `on`). Other modules read their thresholds with it, e.g.
 * `(await getRule(db, 'reception.max-enterprises-per-day')).value as number`.
 */
export async function getRule(db: Tx, key: string, on: string = todayShanghai()): Promise<RuleVersionView> {
  const versions = await db.select().from(ruleVersions).where(eq(ruleVersions.ruleKey, key));
  const v = inForce(versions, on);
  if (!v) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: `规则 ${key} 不存在`, en: `No rule ${key}` } });
  return versionView(v);
}

/** Several rules in force today (or on `on`) in one query, by key. */
export async function getRules(
  db: Tx,
  keys: readonly string[],
  on: string = todayShanghai(),
): Promise<Map<string, RuleVersionView>> {
  const versions = await db
    .select()
    .from(ruleVersions)
    .where(inArray(ruleVersions.ruleKey, [...keys]));
  const out = new Map<string, RuleVersionView>();
  for (const key of keys) {
    const v = inForce(
      versions.filter((x) => x.ruleKey === key),
      on,
    );
    if (!v) throw new AppError('RECORD_NOT_FOUND', { detail: { zh: `规则 ${key} 不存在`, en: `No rule ${key}` } });
    out.set(key, versionView(v));
  }
  return out;
}

/** A number rule's value in force today. */
export async function getRuleNumber(db: Tx, key: string): Promise<number> {
  const v = (await getRule(db, key)).value;
  if (typeof v !== 'number') throw new Error(`rule ${key} is not a number`);
  return v;
}

export async function getRuleVersion(db: Tx, key: string, version: number): Promise<RuleVersionView> {
  const [v] = await db
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.ruleKey, key), eq(ruleVersions.version, version)));
  if (!v) throw new AppError('RECORD_NOT_FOUND');
  return versionView(v);
}

export const RULE_SORTS = ['key', 'updated'] as const;

export async function listRules(
  db: Tx,
  f: { q?: string | undefined; type?: RuleType | undefined },
  sort: (typeof RULE_SORTS)[number],
  page: number,
  pageSize: number,
): Promise<{ items: RuleView[]; total: number }> {
  const conds = [];
  if (f.q) {
    const like = containsPattern(f.q);
    conds.push(or(ilike(rules.key, like), ilike(rules.labelZh, like), ilike(rules.labelEn, like)));
  }
  if (f.type) conds.push(eq(rules.type, f.type));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(rules)
      .where(where)
      .orderBy(sort === 'updated' ? desc(rules.updatedAt) : asc(rules.key), asc(rules.key))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(rules).where(where),
  ]);
  const keys = rows.map((r) => r.key);
  const versions = keys.length
    ? await db.select().from(ruleVersions).where(sql`${ruleVersions.ruleKey} in ${keys}`)
    : [];
  const today = todayShanghai();
  const items = rows.map((r) => {
    const mine = versions.filter((v) => v.ruleKey === r.key);
    return toView(r, mine, today);
  });
  return { items, total: count?.n ?? 0 };
}

function toView(r: typeof rules.$inferSelect, versions: (typeof ruleVersions.$inferSelect)[], today: string): RuleView {
  const current = inForce(versions, today);
  if (!current) throw new Error(`rule ${r.key} has no version`);
  return {
    key: r.key,
    type: r.type as RuleType,
    labelZh: r.labelZh,
    labelEn: r.labelEn,
    note: r.note,
    current: versionView(current),
    latestVersion: Math.max(...versions.map((v) => v.version)),
  };
}

export async function getRuleDetail(db: Tx, key: string): Promise<RuleView & { history: RuleVersionView[] }> {
  const [r] = await db.select().from(rules).where(eq(rules.key, key));
  if (!r) throw new AppError('RECORD_NOT_FOUND');
  const versions = await db
    .select()
    .from(ruleVersions)
    .where(eq(ruleVersions.ruleKey, key))
    .orderBy(desc(ruleVersions.version));
  return { ...toView(r, versions, todayShanghai()), history: versions.map(versionView) };
}

export type RuleEdit = { value: unknown; source: string; effectiveFrom: string; reason: string };

/** Adds a version; earlier versions stay, and clocks keep the version they started under. */
export async function updateRule(
  tx: Tx,
  actor: Actor,
  key: string,
  edit: RuleEdit,
): Promise<RuleView & { history: RuleVersionView[] }> {
  const [r] = await tx.select().from(rules).where(eq(rules.key, key)).for('update');
  if (!r) throw new AppError('RECORD_NOT_FOUND');
  const typed = VALUE_SCHEMAS[r.type as RuleType].safeParse(edit.value);
  const keySchema = KEY_VALUE_SCHEMAS[key];
  const parsed = typed.success && keySchema ? keySchema.safeParse(typed.data) : typed;
  if (!parsed.success) {
    throw new AppError('RULE_VALUE_INVALID', {
      errors: localizeIssues(parsed.error.issues).map((zh, n) => ({
        path: ['value', zh.path].filter(Boolean).join('.'),
        message: { zh: zh.message, en: localizeIssues(parsed.error.issues, 'en')[n]?.message ?? zh.message },
      })),
    });
  }
  const before = await getRule(tx, key);
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${ruleVersions.version}), 0)::int + 1` })
    .from(ruleVersions)
    .where(eq(ruleVersions.ruleKey, key));
  await tx.insert(ruleVersions).values({
    ruleKey: key,
    version: next,
    value: parsed.data,
    source: edit.source,
    effectiveFrom: edit.effectiveFrom,
    reason: edit.reason,
    createdBy: actor.id,
    createdByName: actor.name,
  });
  await tx.update(rules).set({ updatedAt: new Date() }).where(eq(rules.key, key));
  await recordAudit(tx, actor, {
    action: 'rule.update',
    entityType: 'rule',
    entityId: key,
    before: { version: before.version, value: before.value, source: before.source },
    after: {
      version: next,
      value: parsed.data,
      source: edit.source,
      effectiveFrom: edit.effectiveFrom,
      reason: edit.reason,
    },
  });
  return getRuleDetail(tx, key);
}
