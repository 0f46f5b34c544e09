import { join, resolve } from 'node:path';
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
  databaseUrl: string;
  redisUrl: string;
  port: number;
  jwt: { secret: string; expiresInMinutes: number };
  adminBootstrap: { username: string; password: string } | null;
  login: { maxFailures: number; lockMinutes: number };
  dataDir: string;
  /** Photos of repair tickets: where they are kept and the largest accepted. */
  repairPhotos: { dir: string; maxBytes: number; maxPixels: number };
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
  /** Seconds between two reconciliations of the database's unfinished work with the queues. */
  reconcileEverySeconds: number;
  /** Tests only: the moment the clock reads when the process starts (see Clock). */
  clockStart: Date | null;
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

  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = url('REDIS_URL', ['redis:', 'rediss:']);
  const port = int('PORT', 1, 65535);
  const secret = read('JWT_SECRET');
  if (secret && secret.length < 32) problems.push('JWT_SECRET must be at least 32 characters');
  const expiresInMinutes = int('JWT_EXPIRES_IN_MINUTES', 1, 60 * 24 * 30);

  const adminUsername = read('ADMIN_USERNAME');
  const adminPassword = read('ADMIN_PASSWORD');
  if (Boolean(adminUsername) !== Boolean(adminPassword)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be given together');
  }
  if (adminPassword && adminPassword.length < 10)
    problems.push('ADMIN_PASSWORD must be at least 10 characters');

  const maxFailures = int('LOGIN_MAX_FAILURES', 1, 100);
  const lockMinutes = int('LOGIN_LOCK_MINUTES', 1, 24 * 60);
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
  const limits = {
    jsonBodyMaxBytes: int('JSON_BODY_MAX_BYTES', 1024, 100 * 1024 * 1024),
    jsonMaxDepth: int('JSON_MAX_DEPTH', 2, 1000),
    xlsxMaxUnzippedBytes: int('XLSX_MAX_UNZIPPED_BYTES', 1024 * 1024, 8 * 1024 ** 3),
    xlsxMaxCells: int('XLSX_MAX_CELLS', 1000, 1_000_000_000),
  };
  const logLevel = read('LOG_LEVEL') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const reconcileEverySeconds = int('RECONCILE_EVERY_SECONDS', 1, 24 * 3600);
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
    jwt: { secret, expiresInMinutes },
    adminBootstrap: adminUsername ? { username: adminUsername, password: adminPassword } : null,
    login: { maxFailures, lockMinutes },
    dataDir,
    repairPhotos: {
      dir: repairPhotoDir ? resolve(repairPhotoDir) : join(dataDir, 'repair-photos'),
      maxBytes: repairPhotoMaxBytes,
      maxPixels: repairPhotoMaxPixels,
    },
    limits,
    consoleDir: consoleDir ? resolve(consoleDir) : null,
    queuePrefix,
    badgeNoPattern,
    contractSignedOn,
    logLevel,
    reconcileEverySeconds,
    clockStart,
  };
}
