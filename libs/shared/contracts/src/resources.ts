import type { Role } from './roles';

/** Wire shapes of the API's resources (camelCase JSON, api.md). */

export interface UnitDto {
  id: number;
  name: string;
  parentId: number | null;
}

export const OFFICER_STATUSES = ['active', 'transferred', 'retired'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

export interface OfficerDto {
  id: number;
  badgeNo: string;
  name: string;
  unitId: number;
  mobile: string | null;
  status: OfficerStatus;
}

export interface UserDto {
  id: number;
  username: string;
  role: Role;
  officerId: number | null;
  disabled: boolean;
  /** A password someone else set (or generated): every call but changing it answers 403 until it is changed. */
  mustChangePassword: boolean;
}

/**
 * A login's answer. The refresh token travels only as an httpOnly cookie (`fleet_refresh`, path
 * /api/auth), so page scripts never see it; `POST /api/auth/refresh` answers the same shape.
 */
export interface LoginResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserDto;
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'login_failed',
  'logout',
  'password_change',
  'sessions_revoked',
  'access_denied',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditLogDto {
  id: number;
  at: string;
  userId: number | null;
  username: string | null;
  action: AuditAction;
  resource: string;
  resourceId: string | null;
  before: unknown;
  after: unknown;
}

/** The answer of `GET /api/audit-log/verify`: the hash chain walked from the first row (issue 12, item 7). */
export interface AuditChainVerifyDto {
  ok: boolean;
  /** Rows verified (all of them when ok, those before the break otherwise). */
  count: number;
  /** The first row whose link or hash does not hold. */
  brokenId: number | null;
  /** prev_hash: a row before it was removed or inserted; hash: the row itself was changed. */
  reason: 'prev_hash' | 'hash' | null;
  /** The result in the caller's language. */
  message: string;
}

/** The error body of every 4xx answer (api.md). `reason` is in the caller's language. */
export interface ApiErrorBody {
  statusCode: number;
  message: string;
  errors?: ApiFieldError[];
}

export interface ApiFieldError {
  field: string;
  reason: string;
}

/** One line of the caller's notification centre (`GET /api/notifications`). */
export interface NotificationDto {
  id: number;
  kind: string;
  title: { zh: string; en: string };
  /** The console route it opens, if any. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}
