import { AppError, ERROR_CODES, type ErrorCode, errorEntry, type Lang, type Msg, msgText } from '../errors.ts';

// Database errors as the API and the logs may show them. node-postgres and PGlite both raise an
// error carrying the SQLSTATE (`code`) and `severity`; Drizzle wraps it in DrizzleQueryError whose
// message is the SQL *and its parameters* (names, phones, complaint texts), so neither the message
// nor the stack of a wrapped error may reach a log line, a job row or a response.

export type PgErrorFields = {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  message: string;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The driver's error somewhere in the cause chain, if this is a database error. */
export function pgErrorOf(error: unknown): PgErrorFields | undefined {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 8; depth++) {
    const c = current as Record<string, unknown>;
    // `severity` tells a server error from Node's own codes of the same shape (EPIPE).
    if (typeof c.code === 'string' && SQLSTATE.test(c.code) && typeof c.severity === 'string') {
      return {
        code: c.code,
        constraint: typeof c.constraint === 'string' ? c.constraint : undefined,
        table: typeof c.table === 'string' ? c.table : undefined,
        column: typeof c.column === 'string' ? c.column : undefined,
        routine: typeof c.routine === 'string' ? c.routine : undefined,
        message: typeof c.message === 'string' ? c.message : '',
      };
    }
    current = c.cause;
  }
  return undefined;
}

// A unique constraint gives the same answer as the service's own check before the insert, so a
// race (two creates at once on PostgreSQL) reads exactly like the sequential duplicate.
const UNIQUE_CONSTRAINT_ERRORS: Record<string, { code: ErrorCode; field?: string; message?: Msg }> = {
  users_username_unique: {
    code: 'USERNAME_TAKEN',
    field: 'username',
    message: { zh: '用户名已被使用', en: 'username is taken' },
  },
  enterprises_uscc_unique: {
    code: 'ENTERPRISE_DUPLICATE_USCC',
    field: 'uscc',
    message: { zh: '已登记', en: 'already registered' },
  },
  appointment_services_name_unique: {
    code: 'APPOINTMENT_SERVICE_DUPLICATE',
    field: 'name',
    message: { zh: '已有同名窗口', en: 'a window with this name exists' },
  },
  reception_sessions_kind_date_uq: { code: 'RECEPTION_SESSION_EXISTS' },
  appointments_one_open: { code: 'APPOINTMENT_LIMIT' },
  ratings_one_per_event: { code: 'RATING_DUPLICATE' },
  rating_rectifications_rating_id_unique: { code: 'RATING_STATE_CONFLICT' },
  // Two replacements of one year (or one rule, one guide) at once both try the next version number.
  calendar_year_versions_year_version_uq: { code: 'RECORD_CHANGED' },
  rule_versions_key_version_uq: { code: 'RECORD_CHANGED' },
  matter_versions_code_version_uq: { code: 'RECORD_CHANGED' },
};

const INVALID_VALUE = {
  zh: '提交的内容中有无法保存的值（例如不存在的日期、超出范围的数字或不允许的字符），请检查后重试。',
  en: 'The request contains a value that cannot be stored (a date that does not exist, a number out of range or a forbidden character).',
};

const MISSING_REFERENCE = {
  zh: '提交的内容引用了不存在或已被删除的记录，请刷新后重试。',
  en: 'The request refers to a record that does not exist or was deleted; reload and try again.',
};

/** The AppError a database error stands for, or undefined when it is a genuine server fault. */
export function dbErrorToAppError(error: unknown): AppError | undefined {
  const pg = pgErrorOf(error);
  if (!pg) return undefined;
  // Class 22: data exception (bad date, NUL byte, numeric overflow, invalid text representation).
  if (pg.code.startsWith('22')) return new AppError('VALIDATION_FAILED', { detail: INVALID_VALUE });
  if (pg.code === '23505') {
    const known = pg.constraint ? UNIQUE_CONSTRAINT_ERRORS[pg.constraint] : undefined;
    if (!known) return new AppError('DUPLICATE_RECORD');
    return new AppError(known.code, {
      errors: known.field && known.message ? [{ path: known.field, message: known.message }] : undefined,
    });
  }
  // A referenced record is gone (deleted meanwhile, or an id that never existed).
  if (pg.code === '23503') return new AppError('VALIDATION_FAILED', { detail: MISSING_REFERENCE });
  // NOT NULL / CHECK: the schemas should have caught it; still the caller's input, not a fault.
  if (pg.code === '23502' || pg.code === '23514') return new AppError('VALIDATION_FAILED', { detail: INVALID_VALUE });
  // Serialization failure and deadlock: another transaction changed the same rows first.
  if (pg.code === '40001' || pg.code === '40P01') return new AppError('RECORD_CHANGED');
  return undefined;
}

/**
 * Text for a stored outcome a user reads (a job's error): an AppError or a database error as its
 * message in words, never SQL or parameters; other errors thrown by job code carry their own
 * user-facing message (ImportRefusedError and the like).
 */
export function userFacingErrorText(error: unknown, lang: Lang = 'zh'): string {
  const app = error instanceof AppError ? error : dbErrorToAppError(error);
  if (app) {
    const title = errorEntry(app.code)[lang];
    return app.detail === undefined ? title : `${title}：${msgText(app.detail, lang)}`;
  }
  if (pgErrorOf(error)) return ERROR_CODES.INTERNAL[lang];
  return error instanceof Error ? error.message : String(error);
}

/** The pino `err` serializer: database errors lose message, stack, parameters and detail. */
export function errorForLog(error: unknown): unknown {
  const pg = pgErrorOf(error);
  if (!pg) return error;
  const e = error as { name?: string; query?: unknown };
  return {
    type: e.name ?? 'DatabaseError',
    sqlstate: pg.code,
    constraint: pg.constraint,
    table: pg.table,
    column: pg.column,
    routine: pg.routine,
    // The statement text is parameterised, so it carries no values; the driver's own message can
    // (22P02 quotes the bad input), so it is left out.
    query: typeof e.query === 'string' ? e.query : undefined,
  };
}

/**
 * An error as an operator-facing record keeps it (a scheduler run, a delivery attempt): the
 * message for ordinary errors, only the SQLSTATE and the object for database ones.
 */
export function errorMessageForRecord(error: unknown): string {
  const pg = pgErrorOf(error);
  if (pg) {
    const where = [pg.table, pg.constraint ?? pg.column].filter(Boolean).join(' ');
    return `database error SQLSTATE ${pg.code}${where ? ` (${where})` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}
