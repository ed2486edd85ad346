import { todayInShanghai } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { Lang } from '../../errors.ts';
import type { TimelineEntry } from '../../platform/module.ts';
import { registry } from '../../platform/registry.ts';
import { isStaff, type SessionUser } from '../../plugins/auth.ts';
import { assertCanRead, getEnterprise } from '../enterprises/service.ts';

/** Each module gives at most this many entries per request: the file stays bounded whatever a firm's history. */
export const PER_PROVIDER_LIMIT = 500;

export type TimelineQuery = {
  from?: string | undefined;
  to?: string | undefined;
  kinds?: string[] | undefined;
  page: number;
  pageSize: number;
};

export type TimelineItem = TimelineEntry & { kindLabel: string; module: string };

export type TimelinePage = {
  items: TimelineItem[];
  total: number;
  page: number;
  pageSize: number;
  /** a module had more entries in the window than the per-module limit: narrow the dates */
  truncated: boolean;
  kinds: { kind: string; label: string }[];
};

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/** The kinds a viewer may filter on: an enterprise user never sees the bureau's own records about it. */
export function kindsFor(
  user: SessionUser | null,
  lang: Lang = 'zh',
): { kind: string; label: string; module: string }[] {
  const staff = isStaff(user);
  const out: { kind: string; label: string; module: string }[] = [];
  for (const [module, p] of registry().timelines)
    if (staff || p.enterpriseVisible)
      for (const [kind, label] of Object.entries(p.kinds)) out.push({ kind, label: label[lang], module });
  return out;
}

/**
 * 一企一档: every module's records about the firm on one timeline, newest first. Each provider is
 * asked in turn (one connection: never in parallel), bounded; the merge is paged here. Kind names
 * and the platform's own wording follow `lang`; the Word file is always asked in Chinese.
 */
export async function enterpriseTimeline(
  db: Db,
  user: SessionUser | null,
  enterpriseId: string,
  q: TimelineQuery,
  lang: Lang = 'zh',
): Promise<TimelinePage & { enterpriseName: string }> {
  assertCanRead(user, enterpriseId);
  const e = await getEnterprise(db, enterpriseId);
  const from = q.from ? dayStart(q.from) : new Date('2000-01-01T00:00:00+08:00');
  const to = q.to
    ? new Date(dayStart(q.to).getTime() + 86_400_000)
    : new Date(dayStart(todayInShanghai()).getTime() + 86_400_000);
  const allowed = kindsFor(user, lang);
  const wanted = new Set(q.kinds?.length ? q.kinds : allowed.map((k) => k.kind));
  const labels = new Map(allowed.map((k) => [k.kind, k]));
  const all: TimelineItem[] = [];
  let truncated = false;
  for (const [module, p] of registry().timelines) {
    if (!Object.keys(p.kinds).some((k) => wanted.has(k) && labels.has(k))) continue;
    const rows = await p.list(db, { enterpriseId, from, to, limit: PER_PROVIDER_LIMIT, lang });
    if (rows.length >= PER_PROVIDER_LIMIT) truncated = true;
    for (const r of rows)
      if (wanted.has(r.kind) && labels.has(r.kind))
        all.push({ ...r, module, kindLabel: labels.get(r.kind)!.label, link: isStaff(user) ? r.link : null });
  }
  all.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.recordId.localeCompare(b.recordId)));
  const start = (q.page - 1) * q.pageSize;
  return {
    enterpriseName: e.name,
    items: all.slice(start, start + q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
    truncated,
    kinds: allowed.map(({ kind, label }) => ({ kind, label })),
  };
}
