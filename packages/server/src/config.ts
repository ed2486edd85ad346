import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

// The environment is read once, here, and every problem is reported at once (style.md §6).
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // off: the API only, without packages/web/dist, for a developer whose web runs under Vite
  // (npm run dev -w packages/web, which sends /api here); on: the built web app is served and required
  SERVE_WEB: z
    .enum(['on', 'off'], { message: 'SERVE_WEB: on (serve the built web app) or off (the API only)' })
    .default('on'),
  // HJ 212 gateway: unset = a free loopback port in demo mode (the simulated stations use it), off otherwise
  HJ212_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HJ212_HOST: z.string().min(1).optional(),
  // No default here: it depends on QINGSHAN_DEMO (see loadConfig).
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  QINGSHAN_DATA_DIR: z.string().default('./data'),
  QINGSHAN_BACKUP_DIR: z.string().min(1).optional(),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs at least 16 characters').optional(),
  QINGSHAN_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  WECHAT_API_URL: z.url().optional(),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_TEMPLATE_ID: z.string().optional(),
  SMS_URL: z.url().optional(),
  SMS_TOKEN: z.string().optional(),
  QINGSHAN_ADMIN_USERNAME: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9._-]{2,31}$/,
      'QINGSHAN_ADMIN_USERNAME: 3–32 letters, digits, . _ -, starting with a letter',
    )
    .optional(),
  SESSION_MAX_HOURS_STAFF: z.coerce
    .number()
    .min(0.05)
    .max(24 * 30)
    .default(12),
  SESSION_MAX_HOURS_OTHER: z.coerce
    .number()
    .min(0.05)
    .max(24 * 30)
    .default(12),
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(30_000),
  WEBHOOK_ALLOW_PRIVATE: z.enum(['0', '1']).default('0'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  IMPORT_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1_048_576),
  // Electricity meters publish over MQTT: to this broker when set, else to an embedded one on MQTT_PORT (0: none).
  MQTT_URL: z
    .string()
    .regex(/^mqtts?:\/\//, 'MQTT_URL must start with mqtt:// or mqtts://')
    .optional(),
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1883),
  MQTT_TOPIC_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*$/, 'MQTT_TOPIC_PREFIX: letters, digits, - _ and /')
    .default('qingshan'),
  // the county map's base layer ({z}/{x}/{y}; 天地图 with its key in production); unset: no tiles, the map draws the towns itself
  MAP_TILE_URL: z
    .string()
    .regex(/^https?:\/\/\S*\{z\}\S*\{x\}\S*\{y\}\S*$/, 'MAP_TILE_URL: an http(s) template with {z}, {x} and {y}')
    .optional(),
  MAP_TILE_ATTRIBUTION: z.string().max(200).optional(),
  // Scale-out of the HJ 212 ingest over NATS JetStream (README: 横向扩展); unset: gateways write in-process
  INGEST_BUS: z
    .string()
    .regex(/^(nats|tls):\/\//, 'INGEST_BUS must start with nats:// or tls://')
    .optional(),
  INGEST_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'INGEST_STREAM: 1–64 letters, digits, - and _')
    .default('QINGSHAN_HJ212'),
  INGEST_SUBJECT: z
    .string()
    .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, 'INGEST_SUBJECT: tokens of letters, digits, - _ joined by .')
    .default('qingshan.hj212'),
  INGEST_DURABLE: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'INGEST_DURABLE: 1–64 letters, digits, - and _')
    .default('qingshan-writer'),
  INGEST_ACK_WAIT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  // 0: this server publishes frames but leaves storing them to `npm run ingest-writer` processes
  INGEST_WRITER: z.enum(['0', '1']).default('1'),
  // the local ingest journal (README: 接入日志): a directory, or off to ack only after the database commit
  INGEST_JOURNAL: z
    .string()
    .trim()
    .min(1)
    .refine((v) => !/^(0|1|false|true|no|yes|none|disabled?)$/i.test(v), {
      message: 'INGEST_JOURNAL: a directory for the ingest journal, or off (ack only after the database commit)',
    })
    .optional(),
  // 1: the gateway and the journal's appender run in a worker thread (modules/monitoring/ingest-thread.ts)
  INGEST_THREAD: z.enum(['0', '1']).default('1'),
  // each connection costs a socket and a decoder; P2 holds 10,000 idle ones
  HJ212_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(100_000).default(2000),
});

export type Config = {
  port: number;
  /** serve the built web app (packages/web/dist, which must then exist); false: the API only (SERVE_WEB=off) */
  serveWeb: boolean;
  /** HJ 212 TCP gateway: null = off, 0 = any free port (demo), else the port devices connect to */
  hj212Port: number | null;
  hj212Host: string;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** where backups go by default: outside the repository, so they are not committed or served */
  backupDir: string;
  demo: boolean;
  /** Bearer token that opens /metrics to a remote scraper; without it only loopback may read them */
  metricsToken: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  publicUrl: string | undefined;
  wechat: { apiUrl: string; appId: string; appSecret: string; templateId: string } | undefined;
  /** HTTP SMS gateway for one-time phone codes; without it codes go to the server log */
  smsUrl: string | undefined;
  smsToken: string | undefined;
  /** the first admin's account name on a non-demo first start (else generated) */
  adminUsername: string | undefined;
  /** absolute session lifetimes, whatever the activity */
  sessionMaxMsStaff: number;
  sessionMaxMsOther: number;
  /** 0 turns the in-process scheduler off */
  schedulerIntervalMs: number;
  webhookAllowPrivate: boolean;
  loginRateLimit: number;
  bodyLimit: number;
  importLimit: number;
  /** an external MQTT broker for the meters; unset: an embedded broker on mqttPort (0: none) */
  mqttUrl: string | undefined;
  mqttPort: number;
  mqttTopicPrefix: string;
  /** the county map's tile URL template; undefined: no base layer, the map still works offline */
  mapTileUrl: string | undefined;
  mapTileAttribution: string | undefined;
  /** NATS JetStream between gateways and writers; undefined: the gateway stores frames in-process */
  hj212MaxConnections: number;
  /** the local ingest journal's directory (the gateway acks once a frame is fsync'ed there); null: off */
  ingestJournal: string | null;
  /** with the journal (and no bus): the gateway and the journal's appending half run in a worker thread */
  ingestThread: boolean;
  ingestBus:
    | { url: string; stream: string; prefix: string; durable: string; ackWaitMs: number; writer: boolean }
    | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Reads `.env` from the working directory (where `npm start` runs: the repository root) into
 * process.env. Variables already set in the environment win, so `PORT=4000 npm start` still works.
 */
export function loadDotEnv(file = path.resolve('.env')): boolean {
  // Harnesses that start the server or a command with an exact environment (browser journeys,
  // CLI tests) must not pick up a developer's .env: QINGSHAN_ENV_FILE=none turns it off.
  if (process.env.QINGSHAN_ENV_FILE === 'none') return false;
  if (!fs.existsSync(file)) return false;
  process.loadEnvFile(file);
  return true;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const demo = e.QINGSHAN_DEMO === '1';
  return {
    port: e.PORT,
    serveWeb: e.SERVE_WEB === 'on',
    hj212Port: e.HJ212_PORT === undefined ? (demo ? 0 : null) : e.HJ212_PORT === 0 ? null : e.HJ212_PORT,
    hj212Host: e.HJ212_HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    // Demo accounts have printed passwords: such a server answers this machine only unless HOST
    // says otherwise ('localhost' listens on both 127.0.0.1 and ::1). An empty production start
    // serves the intranet.
    host: e.HOST ?? (demo ? 'localhost' : '0.0.0.0'),
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.QINGSHAN_DATA_DIR),
    backupDir: path.resolve(e.QINGSHAN_BACKUP_DIR ?? path.join(os.homedir(), 'qingshan-backups')),
    demo,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === '1',
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL,
    wechat:
      e.WECHAT_API_URL && e.WECHAT_APP_ID && e.WECHAT_APP_SECRET && e.WECHAT_TEMPLATE_ID
        ? {
            apiUrl: e.WECHAT_API_URL,
            appId: e.WECHAT_APP_ID,
            appSecret: e.WECHAT_APP_SECRET,
            templateId: e.WECHAT_TEMPLATE_ID,
          }
        : undefined,
    smsUrl: e.SMS_URL,
    smsToken: e.SMS_TOKEN,
    adminUsername: e.QINGSHAN_ADMIN_USERNAME,
    sessionMaxMsStaff: Math.round(e.SESSION_MAX_HOURS_STAFF * 3_600_000),
    sessionMaxMsOther: Math.round(e.SESSION_MAX_HOURS_OTHER * 3_600_000),
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === '1',
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    bodyLimit: e.BODY_LIMIT_BYTES,
    importLimit: e.IMPORT_LIMIT_BYTES,
    mqttUrl: e.MQTT_URL,
    mqttPort: e.MQTT_PORT,
    mqttTopicPrefix: e.MQTT_TOPIC_PREFIX,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    hj212MaxConnections: e.HJ212_MAX_CONNECTIONS,
    // resolved like the PGlite data directory, beside it by default
    ingestJournal:
      e.INGEST_JOURNAL?.toLowerCase() === 'off'
        ? null
        : path.resolve(e.INGEST_JOURNAL ?? path.join(e.QINGSHAN_DATA_DIR, 'ingest-journal')),
    ingestThread: e.INGEST_THREAD === '1',
    ingestBus: e.INGEST_BUS
      ? {
          url: e.INGEST_BUS,
          stream: e.INGEST_STREAM,
          prefix: e.INGEST_SUBJECT,
          durable: e.INGEST_DURABLE,
          ackWaitMs: e.INGEST_ACK_WAIT_MS,
          writer: e.INGEST_WRITER === '1',
        }
      : undefined,
  };
}
