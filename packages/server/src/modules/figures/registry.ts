import { type FigureDefinition, SERVICE_FIGURES } from '@qingshan/core';
import type { Tx } from '../../db/client.ts';
import {
  countFigure,
  type FigureRecord,
  figureRecords,
  monthlyFigure,
  type Period,
  SERVICE_FIGURE_KEYS,
} from './queries.ts';

/**
 * A dashboard figure: its definition, its count and the records it counts. The service figures
 * of rules.md §6 are built in; other modules (appointments, petitions, ratings) add theirs with
 * registerFigure, so the dashboard, drill-down and export treat every figure alike.
 */
export type FigureSource = FigureDefinition & {
  /** figures in one group are shown together (a distribution is a group of counts) */
  group?: string;
  count(db: Tx, p: Period): Promise<number>;
  records(db: Tx, p: Period, page?: { limit: number; offset: number }): Promise<FigureRecord[]>;
  monthly?(db: Tx, p: Period): Promise<Map<string, number>>;
};

const sources = new Map<string, FigureSource>();

for (const def of SERVICE_FIGURES) {
  const key = def.key;
  sources.set(key, {
    ...def,
    group: 'service',
    count: (db, p) => countFigure(db, key, p),
    records: (db, p, page) => figureRecords(db, key, p, page),
    monthly: (db, p) => monthlyFigure(db, key, p),
  });
}

/** Adds (or replaces) a figure. Keys are camelCase and stable: they are the API's contract. */
export function registerFigure(source: FigureSource): void {
  if (!/^[a-z][A-Za-z0-9]{1,59}$/.test(source.key)) throw new Error(`Invalid figure key: ${source.key}`);
  sources.set(source.key, source);
}

export function figureSources(): FigureSource[] {
  const builtIn = SERVICE_FIGURE_KEYS as string[];
  return [...sources.values()].sort((a, b) => {
    const ia = builtIn.indexOf(a.key);
    const ib = builtIn.indexOf(b.key);
    return (ia < 0 ? 1e3 : ia) - (ib < 0 ? 1e3 : ib) || a.key.localeCompare(b.key);
  });
}

export function figureSource(key: string): FigureSource | undefined {
  return sources.get(key);
}
