// An audit entry's before/after holds record rows, so every column of every table needs a plain
// name (core/src/audit-field-labels.ts, or the module's own vocabulary): the audit page never shows `resolutionDueDate`.
import { auditLabeller } from '@qingshan/core/audit-vocabulary';
import { getTableColumns, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../platform/registry.ts';
import { MODULES } from '../index.ts';

// platform names (core/audit-field-labels.ts) and each module's own (ModuleDefinition.audit.fields)
const vocabulary = buildRegistry(MODULES).audit;
const AUDIT_FIELD_LABELS = vocabulary.fields;
const labeller = auditLabeller(vocabulary);
const auditFieldLabel = (p: string, lang: 'zh' | 'en' = 'zh') => labeller.field(p, lang);

describe('audit field names', () => {
  const columns = new Set<string>();
  for (const m of MODULES)
    for (const value of Object.values(m.tables ?? {})) {
      if (is(value, PgTable)) for (const key of Object.keys(getTableColumns(value))) columns.add(key);
    }

  it('finds the tables (the scan works)', () => {
    expect(columns.has('resolutionDueDate')).toBe(true);
    expect(columns.size).toBeGreaterThan(100);
  });

  it('names every column in Chinese and English', () => {
    const missing = [...columns].filter((c) => !Object.hasOwn(AUDIT_FIELD_LABELS, c)).sort();
    expect(missing).toEqual([]);
  });

  it('reads a nested path segment by segment', () => {
    expect(auditFieldLabel('milestones.0.dueDate')).toBe('节点 · 第1项 · 期限');
    expect(auditFieldLabel('milestones.0.dueDate', 'en')).toBe('milestones · #1 · due date');
    expect(auditFieldLabel('someNestedDetail')).toBe('someNestedDetail');
  });
});
