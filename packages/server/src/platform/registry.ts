import { PLATFORM_AUDIT_VOCABULARY } from '@qingshan/core/audit-labels';
import { type MergedAuditVocabulary, mergeAuditVocabularies } from '@qingshan/core/audit-vocabulary';
import { installFeatureMessages } from '@qingshan/core/messages';
import { ERROR_CODES, installModuleErrorCodes, type ModuleErrorEntry } from '../errors.ts';
import type { FigureSource } from '../modules/figures/registry.ts';
import type { RatableEventResolver } from '../modules/ratings/registry.ts';
import { clockProfileRule, type RuleDefault } from '../modules/rules/defaults.ts';
import type { ClockOwner, JobSetup, ModuleDefinition, RecurringJobDefinition } from './module.ts';

/** What the installed modules bring, gathered once from the module list. */
export type Registry = {
  modules: readonly ModuleDefinition[];
  figures: ReadonlyMap<string, FigureSource>;
  ratableEvents: ReadonlyMap<string, RatableEventResolver>;
  clockOwners: ReadonlyMap<string, ClockOwner>;
  rules: readonly RuleDefault[];
  /** the platform's audit words and every module's, merged */
  audit: MergedAuditVocabulary;
  /** the modules' own error codes (platform codes are in errors.ts) */
  errors: ReadonlyMap<string, ModuleErrorEntry & { module: string }>;
  /** the modules' own validation messages (platform messages are in core's messages.ts) */
  messages: ReadonlyMap<string, { zh: string; en: string }>;
  jobs(setup: JobSetup): RecurringJobDefinition[];
};

const FIGURE_KEY = /^[a-z][A-Za-z0-9]{1,59}$/;
const EVENT_TYPE = /^[a-z][a-z0-9-]{1,39}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{2,59}$/;

function addOnce<V>(map: Map<string, V>, key: string, value: V, what: string, module: string) {
  if (map.has(key)) throw new Error(`${what} "${key}" is declared twice (again by module ${module})`);
  map.set(key, value);
}

/** Builds the registry from a module list, refusing duplicates and malformed keys (a startup error, not a runtime surprise). */
export function buildRegistry(modules: readonly ModuleDefinition[]): Registry {
  const names = new Set<string>();
  const figures = new Map<string, FigureSource>();
  const ratableEvents = new Map<string, RatableEventResolver>();
  const clockOwners = new Map<string, ClockOwner>();
  const rules = new Map<string, RuleDefault>();
  const errors = new Map<string, ModuleErrorEntry & { module: string }>();
  const messages = new Map<string, { zh: string; en: string }>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`Module "${m.name}" is listed twice`);
    names.add(m.name);
    for (const f of m.figures ?? []) {
      if (!FIGURE_KEY.test(f.key)) throw new Error(`Invalid figure key "${f.key}" in module ${m.name}`);
      addOnce(figures, f.key, f, 'Figure', m.name);
    }
    for (const [type, resolver] of Object.entries(m.ratableEvents ?? {})) {
      if (!EVENT_TYPE.test(type)) throw new Error(`Invalid ratable event type "${type}" in module ${m.name}`);
      addOnce(ratableEvents, type, resolver, 'Ratable event type', m.name);
    }
    for (const [type, owner] of Object.entries(m.clockOwners ?? {}))
      addOnce(clockOwners, type, owner, 'Clock owner type', m.name);
    for (const p of m.clockProfiles ?? []) addOnce(rules, p.key, clockProfileRule(p), 'Rule', m.name);
    for (const r of m.rules ?? []) addOnce(rules, r.key, r, 'Rule', m.name);
    for (const [code, entry] of Object.entries(m.errors ?? {})) {
      if (!ERROR_CODE.test(code) || code in ERROR_CODES)
        throw new Error(`Invalid or platform error code "${code}" in module ${m.name}`);
      addOnce(errors, code, { ...entry, module: m.name }, 'Error code', m.name);
    }
    for (const [key, entry] of Object.entries(m.messages ?? {})) addOnce(messages, key, entry, 'Message key', m.name);
  }
  return {
    modules,
    figures,
    ratableEvents,
    clockOwners,
    rules: [...rules.values()],
    errors,
    messages,
    audit: mergeAuditVocabularies([PLATFORM_AUDIT_VOCABULARY, ...modules.flatMap((m) => (m.audit ? [m.audit] : []))]),
    jobs(setup) {
      const kinds = new Set<string>();
      const out: RecurringJobDefinition[] = [];
      for (const m of modules)
        for (const j of m.jobs?.(setup) ?? []) {
          if (kinds.has(j.kind)) throw new Error(`Job kind "${j.kind}" is declared twice (again by module ${m.name})`);
          kinds.add(j.kind);
          out.push(j);
        }
      return out;
    },
  };
}

let installed: Registry | undefined;

/**
 * Makes a module list the process's registry. Called once at startup by the composition roots
 * (main, buildApp, the CLI tools, the test setup); installing the same list again is a no-op.
 */
export function installModules(modules: readonly ModuleDefinition[]): Registry {
  if (installed?.modules === modules) return installed;
  installed = buildRegistry(modules);
  installModuleErrorCodes(installed.errors);
  installFeatureMessages(installed.messages);
  return installed;
}

/** The installed registry; services read figures, ratable events, clock owners and rules from it. */
export function registry(): Registry {
  if (!installed) throw new Error('No modules installed: call installModules(MODULES) at startup');
  return installed;
}
