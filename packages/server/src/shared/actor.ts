/** Who did something, as the audit trail records it: a signed-in user, a client address, or the system. */
export type Actor = { id: string | null; name: string; roles: string[]; ip: string | null };
