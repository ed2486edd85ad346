/**
 * Who did something: a signed-in user, a client address, or the system. `name` is what records and
 * views show of the person (their display name, e.g. "张科长"); `account` is the login name the audit
 * trail records and is searched by (stable while a display name may be corrected). Without an
 * account (the system, a caller not signed in) the audit trail records `name`.
 */
export type Actor = { id: string | null; name: string; account?: string; roles: string[]; ip: string | null };
