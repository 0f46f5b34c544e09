import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { passwordProblems } from '@fleet/domain/accounts';
import { type App, SETTINGS, type SettingName } from './settings';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The levels a logger prints for a configured level: that one and every more severe one. */
export function enabledLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export interface AppConfig {
  /** APP_DATABASE_URL: the application's role (the owner's DATABASE_URL is for migrations only). */
  databaseUrl: string;
  redisUrl: string;
  port: number;
  host: string;
  /** Fastify's trustProxy: false, or the proxies' addresses and CIDRs. */
  trustProxy: string | false;
  /** Origins allowed to call the API from a browser; empty: same origin only. */
  corsOrigins: string[];
  apiDocs: ApiDocsAccess;
  jwt: { secret: string; expiresInMinutes: number };
  session: { idleMinutes: number; maxHours: number };
  /** The first account of each administrator role, created when none of that role exists. */
  bootstrap: BootstrapAccount[];
  login: { ratePerMinute: number; maxFailures: number; backoffSeconds: number; backoffMaxMinutes: number };
  dataDir: string;
  /** Photos of repair tickets: where they are kept and the largest accepted. */
  repairPhotos: { dir: string; maxBytes: number; maxPixels: number };
  /** Four eyes on money: an officer-liable repair cost above this (fen) waits for a second admin. */
  repairApprovalThresholdFen: number;
  /** Bounds of what a request may carry (issue 12, hard edges and uploads). */
  limits: {
    jsonBodyMaxBytes: number;
    jsonMaxDepth: number;
    xlsxMaxUnzippedBytes: number;
    xlsxMaxCells: number;
  };
  consoleDir: string | null;
  queuePrefix: string;
  badgeNoPattern: RegExp;
  /** YYYY-MM-DD; the SIM activation deadline is one month later (clause 4.2). */
  contractSignedOn: string;
  logLevel: LogLevel;
  /** Printed documents: whose they are, and the Chromium that makes their PDFs. */
  documents: { bureauName: string; chromiumPath: string; pdfTimeoutMs: number };
  /** Seconds between two reconciliations of the database's unfinished work with the queues. */
  reconcileEverySeconds: number;
  /** Large usage detail files are loaded in this many chunks (at least 1), files from `minBytes` on. */
  ingestChunks: { count: number; minBytes: number };
  /** Tests only: the moment the clock reads when the process starts (see Clock). */
  clockStart: Date | null;
  /** The outbound notification channel: a webhook, off when url is empty. */
  notifyWebhook: { url: string; secret: string; backoffMs: number };
}

export const API_DOCS_ACCESS = ['login', 'public', 'off'] as const;
export type ApiDocsAccess = (typeof API_DOCS_ACCESS)[number];

export interface BootstrapAccount {
  role: 'admin' | 'secadmin' | 'auditadmin';
  username: string;
  password: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

/**
 * Reads and validates the whole configuration at once, so a bad start names every problem, each with
 * the setting's name. Nothing else in the server reads process.env.
 */
export function loadConfig(env: Env = process.env, app: App = 'api'): AppConfig {
  const problems: string[] = [];
  const read = (name: SettingName): string => {
    const spec = SETTINGS.find((s) => s.name === name)!;
    const value = env[name]?.trim();
    if (value) return value;
    if ('default' in spec) return spec.default;
    if (spec.required && (spec.usedBy as readonly App[]).includes(app)) {
      problems.push(`${name} is required: ${spec.description}`);
    }
    return '';
  };
  const int = (name: SettingName, min: number, max: number): number => {
    const raw = read(name);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
  const url = (name: SettingName, protocols: string[]): string => {
    const raw = read(name);
    if (!raw) return raw;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must be a ${protocols.join(' or ')} URL, got protocol ${parsed.protocol}`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const databaseUrl = url('APP_DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const port = int('PORT', 1, 65535);
  const secret = read('JWT_SECRET');
  if (secret && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const expiresInMinutes = int('JWT_EXPIRES_IN_MINUTES', 1, 60);
  const idleMinutes = int('SESSION_IDLE_MINUTES', 1, 24 * 60);
  const maxHours = int('SESSION_MAX_HOURS', 1, 7 * 24);
  const host = read('HOST');
  if (!/^[\w.:-]+$/.test(host))
    problems.push(`HOST must be an address like 127.0.0.1 or 0.0.0.0, got "${host}"`);
  const trustProxy = read('TRUST_PROXY');
  if (trustProxy && !/^[\d.:/a-fA-F, ]+$/.test(trustProxy))
    problems.push('TRUST_PROXY must list IP addresses or CIDRs separated by commas');
  const corsOrigins = read('CORS_ORIGINS')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s*]+$/.test(origin))
      problems.push(`CORS_ORIGINS must list origins like https://host:port (no path, no *), got "${origin}"`);
  }
  const apiDocs = read('API_DOCS') as ApiDocsAccess;
  if (!API_DOCS_ACCESS.includes(apiDocs))
    problems.push(`API_DOCS must be one of ${API_DOCS_ACCESS.join(', ')}, got "${apiDocs}"`);

  const bootstrap: BootstrapAccount[] = [];
  for (const [role, prefix] of [
    ['admin', 'ADMIN'],
    ['secadmin', 'SECADMIN'],
    ['auditadmin', 'AUDITADMIN'],
  ] as const) {
    const username = read(`${prefix}_USERNAME`);
    const password = read(`${prefix}_PASSWORD`);
    if (Boolean(username) !== Boolean(password)) {
      problems.push(`${prefix}_USERNAME and ${prefix}_PASSWORD must be given together`);
    } else if (username) {
      const weak = passwordProblems(password, username);
      if (weak.length) problems.push(`${prefix}_PASSWORD is too weak (${weak.join(', ')})`);
      if (bootstrap.some((account) => account.username === username))
        problems.push(`${prefix}_USERNAME must differ from the other administrators' (三员分立)`);
      bootstrap.push({ role, username, password });
    }
  }

  const ratePerMinute = int('LOGIN_RATE_PER_MINUTE', 1, 10_000);
  const maxFailures = int('LOGIN_MAX_FAILURES', 1, 100);
  const backoffSeconds = int('LOGIN_BACKOFF_SECONDS', 1, 3600);
  const backoffMaxMinutes = int('LOGIN_BACKOFF_MAX_MINUTES', 1, 24 * 60);
  // CONSOLE_DIR set but empty means: serve the API only (the console has a server of its own).
  const consoleDir = env.CONSOLE_DIR !== undefined && !env.CONSOLE_DIR.trim() ? '' : read('CONSOLE_DIR');
  const queuePrefix = read('QUEUE_PREFIX');
  if (!/^[\w.-]+$/.test(queuePrefix)) problems.push('QUEUE_PREFIX may hold letters, digits, _ . - only');

  let badgeNoPattern = /^\d{6}$/;
  try {
    badgeNoPattern = new RegExp(read('BADGE_NO_PATTERN'));
  } catch {
    problems.push('BADGE_NO_PATTERN is not a valid regular expression');
  }
  const contractSignedOn = read('CONTRACT_SIGNED_ON');
  const signed = /^(\d{4})-(\d{2})-(\d{2})$/.exec(contractSignedOn);
  const signedDate = signed ? new Date(`${contractSignedOn}T00:00:00Z`) : null;
  if (!signedDate || Number.isNaN(signedDate.getTime()) || signedDate.getUTCDate() !== Number(signed![3])) {
    problems.push(`CONTRACT_SIGNED_ON must be a date YYYY-MM-DD, got "${contractSignedOn}"`);
  }
  const dataDir = resolve(read('DATA_DIR'));
  const repairPhotoDir = read('REPAIR_PHOTO_DIR');
  const repairPhotoMaxBytes = int('REPAIR_PHOTO_MAX_BYTES', 1024, 50 * 1024 * 1024);
  const repairPhotoMaxPixels = int('REPAIR_PHOTO_MAX_PIXELS', 1, 268_402_689);
  const repairApprovalThresholdFen = int('REPAIR_APPROVAL_THRESHOLD_FEN', 0, 2_147_483_647);
  const limits = {
    jsonBodyMaxBytes: int('JSON_BODY_MAX_BYTES', 1024, 100 * 1024 * 1024),
    jsonMaxDepth: int('JSON_MAX_DEPTH', 2, 1000),
    xlsxMaxUnzippedBytes: int('XLSX_MAX_UNZIPPED_BYTES', 1024 * 1024, 8 * 1024 ** 3),
    xlsxMaxCells: int('XLSX_MAX_CELLS', 1000, 1_000_000_000),
  };
  const logLevel = read('LOG_LEVEL') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const bureauName = read('BUREAU_NAME');
  if (bureauName.length > 60) problems.push('BUREAU_NAME must be at most 60 characters');
  const documents = {
    bureauName,
    chromiumPath: read('CHROMIUM_PATH'),
    pdfTimeoutMs: int('PDF_TIMEOUT_SECONDS', 1, 600) * 1000,
  };
  const reconcileEverySeconds = int('RECONCILE_EVERY_SECONDS', 1, 24 * 3600);
  const ingestChunks = {
    count: int('INGEST_CHUNKS', 0, 256) || Math.max(1, availableParallelism()),
    minBytes: int('INGEST_CHUNK_MIN_BYTES', 0, 2 ** 40),
  };
  const notifyWebhook = {
    url: url('NOTIFY_WEBHOOK_URL', ['http:', 'https:']),
    secret: read('NOTIFY_WEBHOOK_SECRET'),
    backoffMs: int('NOTIFY_WEBHOOK_BACKOFF_MS', 1, 24 * 3600 * 1000),
  };
  const clockStartRaw = read('CLOCK_START');
  let clockStart: Date | null = null;
  if (clockStartRaw) {
    clockStart = new Date(clockStartRaw);
    if (env.NODE_ENV !== 'test') problems.push('CLOCK_START is honoured only in tests (NODE_ENV=test)');
    else if (!/^\d{4}-\d{2}-\d{2}T/.test(clockStartRaw) || Number.isNaN(clockStart.getTime()))
      problems.push(`CLOCK_START must be an ISO 8601 moment, got "${clockStartRaw}"`);
  }

  if (problems.length) throw new ConfigError(problems);
  return {
    databaseUrl,
    redisUrl,
    port,
    host,
    trustProxy: trustProxy ? trustProxy.replace(/\s+/g, '') : false,
    corsOrigins,
    apiDocs,
    jwt: { secret, expiresInMinutes },
    session: { idleMinutes, maxHours },
    bootstrap,
    login: { ratePerMinute, maxFailures, backoffSeconds, backoffMaxMinutes },
    dataDir,
    repairPhotos: {
      dir: repairPhotoDir ? resolve(repairPhotoDir) : join(dataDir, 'repair-photos'),
      maxBytes: repairPhotoMaxBytes,
      maxPixels: repairPhotoMaxPixels,
    },
    repairApprovalThresholdFen,
    limits,
    consoleDir: consoleDir ? resolve(consoleDir) : null,
    queuePrefix,
    badgeNoPattern,
    contractSignedOn,
    logLevel,
    documents,
    reconcileEverySeconds,
    ingestChunks,
    clockStart,
    notifyWebhook,
  };
}
