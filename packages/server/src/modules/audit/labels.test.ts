// Every audit action the server writes has a plain label (core/src/audit-labels.ts, or the module's own vocabulary), so the audit
// log never shows a raw code. A new action fails here until it gets one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditLabeller } from '@qingshan/core/audit-vocabulary';
import { PETITION_ACTIONS } from '@qingshan/core/petitions';
import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../platform/registry.ts';
import { MODULES } from '../index.ts';

// the platform's words and every module's own (ModuleDefinition.audit), as the web reads them
const labels = auditLabeller(buildRegistry(MODULES).audit);
const AUDIT_ACTIONS = labels.actions;
const isLabelledAuditAction = labels.isLabelled;
const auditActionLabel = (a: string) => labels.action(a);
const auditEntityLabel = (t: string, lang: 'zh' | 'en' = 'zh') => labels.entity(t, lang);

const SRC = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Action codes written literally: `action: 'x.y'` and `? 'x.y' : 'x.z'` right after `action:`. */
function literalActions(): Set<string> {
  const out = new Set<string>();
  for (const file of sources(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/action:\s*([^,\n]+)/g)) {
      for (const lit of m[1]!.matchAll(/'([a-z][a-z-]*(?:\.[a-z][a-z-]*)+)'/g)) out.add(lit[1]!);
    }
  }
  return out;
}

describe('audit actions written by the server', () => {
  const literal = literalActions();
  const dynamic = [
    ...PETITION_ACTIONS.map((a) => `petition.${a}`),
    ...['contact', 'rectify', 'appeal', 'decide-appeal'].map((a) => `rating.${a}`),
    // the window's marks (appointments/service.ts markAppointment)
    ...(['arrived', 'no-show', 'served'] as const).map((s) => `appointment.${s}`),
  ];

  it('finds the literal ones (the scan works)', () => {
    expect(literal.has('auth.login')).toBe(true);
    expect(literal.has('reception.concern.publish')).toBe(true);
    expect(literal.size).toBeGreaterThan(40);
  });

  it('has a plain label for each', () => {
    const missing = [...literal, ...dynamic].filter((a) => !isLabelledAuditAction(a));
    expect(missing).toEqual([]);
    // and each is offered in the audit page's filter
    expect([...literal, ...dynamic].filter((a) => !AUDIT_ACTIONS.includes(a))).toEqual([]);
    for (const a of AUDIT_ACTIONS) expect(isLabelledAuditAction(a), a).toBe(true);
    for (const a of [...literal, ...dynamic]) expect(auditActionLabel(a)).not.toMatch(/[a-z]/);
  });

  it('names every audited record type', () => {
    const types = new Set<string>();
    for (const file of sources(SRC)) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/entityType:\s*'([a-z-]+)'/g)) types.add(m[1]!);
    }
    expect(types.size).toBeGreaterThan(10);
    expect([...types].filter((x) => auditEntityLabel(x) === '其他记录')).toEqual([]);
  });
});
