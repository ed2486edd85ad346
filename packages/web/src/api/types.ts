// Hand-written wire types of the server API contract. When the lead generates `schema.d.ts` from the
// server's OpenAPI (npm run openapi:client), these aliases can be pointed at the generated types.

export type Role = 'admin' | 'leader' | 'clerk' | 'approver' | 'inspector' | 'monitor' | 'enterprise' | 'citizen';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId: string | null;
  enterpriseName: string | null;
}

export interface Session {
  user: Me;
  csrfToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type EnterpriseStatus = 'operating' | 'suspended' | 'closed';
export type CreditGrade = 'green' | 'blue' | 'yellow' | 'red';

export interface EnterpriseSummary {
  id: string;
  name: string;
  uscc: string;
  usccValid: boolean;
  townCode: string;
  townName: string;
  industryCode: string;
  industryName: string;
  status: EnterpriseStatus;
  tags: string[];
  creditGrade: CreditGrade | null;
  updatedAt: string;
}

export interface Contact {
  name: string;
  phone: string;
  role?: string;
}

export interface Enterprise extends EnterpriseSummary {
  legalRepresentative: string | null;
  contacts: Contact[];
  address: string;
  location: { lat: number; lng: number } | null;
  usccOverrideReason: string | null;
  createdAt: string;
}

/** Body of POST /api/enterprises (mirrors `enterpriseCreateSchema` of @qingshan/core). */
export interface EnterpriseCreate {
  name: string;
  uscc: string;
  usccOverrideReason?: string;
  legalRepresentative?: string;
  contacts?: Contact[];
  address: string;
  townCode: string;
  industryCode: string;
  location?: { lat: number; lng: number };
  status?: EnterpriseStatus;
  tags?: string[];
  creditGrade?: CreditGrade;
}

export type EnterpriseSort = 'name' | '-name' | 'uscc' | '-uscc' | 'updatedAt' | '-updatedAt';

export interface EnterpriseQuery {
  q?: string;
  townCode?: string;
  industryCode?: string;
  tag?: string;
  status?: EnterpriseStatus;
  creditGrade?: CreditGrade;
  sort?: EnterpriseSort;
  page?: number;
  pageSize?: number;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  errors: { row: number; reason: string }[];
}

export interface Job {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  result: ImportResult | null;
  error: string | null;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId: string | null;
  enterpriseName: string | null;
  disabled: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  phone: string | null;
}

export interface UserQuery {
  q?: string;
  role?: Role;
  page?: number;
  pageSize?: number;
}

export interface UserCreate {
  username: string;
  displayName: string;
  roles: Role[];
  enterpriseId?: string | null;
  phone?: string | null;
}

export interface UserPatch {
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  phone?: string | null;
}

export interface AuditEntry {
  /** The server's contract lists `id`, but the current server sends only `seq` (unique, used as key). */
  id?: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRoles: string[];
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface Town {
  code: string;
  name: string;
  nameEn: string;
}
