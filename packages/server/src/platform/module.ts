import type { ClockProfileDefinition } from '@qingshan/core';
import type { AuditVocabulary } from '@qingshan/core/audit-vocabulary';
import type { MessageTable } from '@qingshan/core/messages';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';
import type { Lang, ModuleErrorEntry } from '../errors.ts';
import type { DueDateHook } from '../modules/clocks/due-date-hooks.ts';
import type { FigureSource } from '../modules/figures/registry.ts';
import type { ChannelsConfig } from '../modules/notifications/channels.ts';
import type { RatableEventResolver } from '../modules/ratings/registry.ts';
import type { RuleDefault } from '../modules/rules/defaults.ts';
import type { JobHandler } from '../modules/scheduler/service.ts';
import type { SessionLifetimes } from '../plugins/auth.ts';

/**
 * The module contract. A feature folder under modules/ declares everything it brings in one
 * object (its index.ts), and modules/index.ts lists the modules; the app, the scheduler, the
 * rules, figures and ratings registries and the demo seed iterate over that list. Nothing
 * registers itself by being imported.
 */
export type ModuleDefinition = {
  /** the folder name under modules/ */
  name: string;
  /** the Drizzle tables the module owns (its tables.ts; drizzle-kit reads every tables.ts) */
  tables?: Readonly<Record<string, unknown>>;
  /** registers the module's routes (a Fastify plugin, so its hooks stay in its own scope) */
  routes?: (app: FastifyInstance, ctx: ModuleContext) => PromiseLike<unknown>;
  /** dashboard figures: each takes a period and counts, lists (paged in SQL) and trends its records */
  figures?: readonly FigureSource[];
  /** kinds of service event that can be rated (好差评), by event type */
  ratableEvents?: Readonly<Record<string, RatableEventResolver>>;
  /** owner types of working-day clocks: copies of the due date the clock refreshes, and whether only the owner may change it */
  clockOwners?: Readonly<Record<string, ClockOwner>>;
  /** deadline profiles (rules.md §1) the module's clocks run on; seeded as rules */
  clockProfiles?: readonly ClockProfileDefinition[];
  /** other rule defaults the module reads (limits, windows), each with its source */
  rules?: readonly RuleDefault[];
  /** recurring background jobs */
  jobs?: (setup: JobSetup) => readonly RecurringJobDefinition[];
  /**
   * reference data the module ships (e.g. the matter catalogue), loaded on EVERY start when missing
   * — in demo and real installs alike, never overwriting an admin's edit — after the rule defaults
   */
  shipped?: (db: Db) => Promise<unknown>;
  /** the words its audit entries are read in (the actions it writes, its records, steps and columns) */
  audit?: AuditVocabulary;
  /** the module's own error codes (its errors.ts), each with when it is answered; docs/errors.md lists them */
  errors?: Readonly<Record<string, ModuleErrorEntry>>;
  /** what its schemas say when they refuse: message keys (starting with the feature's name) in both languages, from its core file */
  messages?: MessageTable;
  /** demo data for a first start in demo mode, run in module-list order inside one transaction */
  seed?: (db: Db, ctx: SeedContext) => Promise<void>;
  /**
   * long-lived servers the module runs beside the HTTP server (e.g. a TCP gateway): started when the
   * HTTP server listens (never in CLIs or inject-only tests), stopped when the app closes; each one's status shows in /api/health
   */
  services?: (ctx: ModuleContext) => readonly ModuleService[];
  /** its records about one enterprise, for the enterprise's file (一企一档, GET /api/enterprises/{id}/timeline) */
  timeline?: TimelineProvider;
};

/**
 * What a module adds to an enterprise's file: its records about the firm as dated entries. The
 * file asks every provider, merges, filters and pages; it never imports a module's tables.
 */
export type TimelineProvider = {
  /** the kinds of entry it gives (the file's filter), with their plain names */
  kinds: Readonly<Record<string, { zh: string; en: string }>>;
  /** false: the bureau's own records about the firm (reports, clues, petitions): never in the firm's own view */
  enterpriseVisible: boolean;
  /**
   * the firm's entries between from and to (instants), newest first, at most limit; the words the
   * platform composes (not what people typed) in `lang`, Chinese when not given
   */
  list(db: Db, q: { enterpriseId: string; from: Date; to: Date; limit: number; lang?: Lang }): Promise<TimelineEntry[]>;
};

export type TimelineEntry = {
  /** ISO date-time of the event */
  at: string;
  kind: string;
  recordId: string;
  title: string;
  detail: string;
  /** the staff page of the record, if it has one */
  link: string | null;
};

export type ModuleService = {
  /** shown in /api/health, unique across modules */
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** a few plain facts for /api/health (e.g. the bound port); null while stopped */
  status(): Record<string, string | number | boolean | null> | null;
};

export type ModuleContext = {
  config: Config;
  database: Database;
  db: Db;
  log: (message: string) => void;
  /** Test hook: receives the promise of every background job started by a request. */
  onJob?: ((p: Promise<void>) => void) | undefined;
};

export type ClockOwner = {
  /** the owner's clocks change only through the owner's own steps; generic clock routes refuse them */
  owned?: boolean;
  /** refreshes the owner record's copy of the due date, in the clock's transaction */
  onDueDateChanged?: DueDateHook;
};

export type JobSetup = {
  channels: ChannelsConfig;
  sessionLifetimes: SessionLifetimes;
  retryBaseMs: number;
  /** the scheduler instance's owner name (leases) */
  owner: () => string;
};

export type RecurringJobDefinition = {
  kind: string;
  /**
   * How often: milliseconds, 'scan' (a periodic pass over records whose period tests shorten), or
   * 'tick' (every scheduler tick, e.g. sending queued deliveries).
   */
  every: { scanMs: number } | 'tick';
  run: JobHandler;
};

export type DemoAccount = { username: string; password: string; role: string; enterprise: string | null };

export type SeedContext = {
  print: (line: string) => void;
  /** accounts created so far; the first start prints them */
  accounts: DemoAccount[];
};
