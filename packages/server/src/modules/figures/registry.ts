import { type FigureDefinition, SERVICE_FIGURES, type ServiceFigureKey } from '@qingshan/core';
import type { Tx } from '../../db/client.ts';
import { registry } from '../../platform/registry.ts';
import {
  countFigure,
  FIGURE_QUERIES,
  type FigureRecord,
  figureRecords,
  monthlyFigure,
  type Period,
  SERVICE_FIGURE_KEYS,
} from './queries.ts';

/**
 * A dashboard figure: its definition, its count and the records it counts. The service figures
 * of rules.md §6 and every module's own figures are declared in the modules' definitions, so the
 * dashboard, drill-down and export treat every figure alike.
 */
export type FigureSource = FigureDefinition & {
  /** a built-in service figure: the dashboard reads all of them in one statement (serviceFigureTotals) */
  serviceKey?: ServiceFigureKey;
  /** figures in one group are shown together (a distribution is a group of counts) */
  group?: string;
  /** `memo` is shared by the figures of one dashboard request, so a query several figures read runs once */
  count(db: Tx, p: Period, memo?: FigureMemo): Promise<number>;
  records(db: Tx, p: Period, page?: { limit: number; offset: number }): Promise<FigureRecord[]>;
  /** month → value; the months add up to count (the dashboard takes the total from them) */
  monthly?(db: Tx, p: Period): Promise<Map<string, number>>;
};

export type FigureMemo = Map<string, Promise<unknown>>;

/** Runs f once per memo and key; without a memo, every time. */
export function memoized<T>(memo: FigureMemo | undefined, key: string, f: () => Promise<T>): Promise<T> {
  if (!memo) return f();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = f();
    memo.set(key, hit);
  }
  return hit;
}

/** The service figures of rules.md §6 (visits, campaigns, reception days, projects). */
export const SERVICE_FIGURE_SOURCES: readonly FigureSource[] = SERVICE_FIGURES.map((def) => {
  const key = def.key;
  return {
    ...def,
    group: 'service',
    serviceKey: key,
    count: (db: Tx, p: Period) => countFigure(db, key, p),
    records: (db: Tx, p: Period, page?: { limit: number; offset: number }) => figureRecords(db, key, p, page),
    ...(FIGURE_QUERIES[key].monthly ? { monthly: (db: Tx, p: Period) => monthlyFigure(db, key, p) } : {}),
  };
});

/** Every module's figures, built-in service figures first in their rules.md order. */
export function figureSources(): FigureSource[] {
  const builtIn = SERVICE_FIGURE_KEYS as string[];
  return [...registry().figures.values()].sort((a, b) => {
    const ia = builtIn.indexOf(a.key);
    const ib = builtIn.indexOf(b.key);
    return (ia < 0 ? 1e3 : ia) - (ib < 0 ? 1e3 : ib) || a.key.localeCompare(b.key);
  });
}

export function figureSource(key: string): FigureSource | undefined {
  return registry().figures.get(key);
}
