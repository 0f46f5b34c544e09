import { ConfigError, loadConfig } from './app-config';
import { Clock } from './clock';

const valid = {
  APP_DATABASE_URL: 'postgres://fleet_app@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  JWT_SECRET: 'x'.repeat(32),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies defaults to a minimal valid environment', () => {
    const config = loadConfig(valid);
    expect(config.port).toBe(3000);
    expect(config.login).toEqual({
      ratePerMinute: 20,
      maxFailures: 5,
      backoffSeconds: 30,
      backoffMaxMinutes: 15,
    });
    expect(config.jwt.expiresInMinutes).toBe(15);
    expect(config.session).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(config.bootstrap).toEqual([]);
    expect(config.host).toBe('127.0.0.1');
    expect(config.corsOrigins).toEqual([]);
    expect(config.trustProxy).toBe(false);
    expect(config.apiDocs).toBe('login');
    expect(config.badgeNoPattern.test('651003')).toBe(true);
    expect(config.contractSignedOn).toBe('2025-11-20');
  });

  it("connects with the application's role, never the owner's DATABASE_URL", () => {
    const config = loadConfig({ ...valid, DATABASE_URL: 'postgres://owner@127.0.0.1:5432/db' });
    expect(config.databaseUrl).toBe(valid.APP_DATABASE_URL);
  });

  it.each([
    ['APP_DATABASE_URL', { APP_DATABASE_URL: '' }, 'APP_DATABASE_URL is required'],
    [
      'APP_DATABASE_URL',
      { APP_DATABASE_URL: 'mysql://x/y' },
      'APP_DATABASE_URL must be a postgres: or postgresql: URL',
    ],
    ['REDIS_URL', { REDIS_URL: 'not a url' }, 'REDIS_URL is not a valid URL'],
    ['JWT_SECRET', { JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters'],
    ['PORT', { PORT: '70000' }, 'PORT must be a whole number from 1 to 65535'],
    ['PORT', { PORT: '3e3' }, 'PORT must be a whole number'],
    [
      'ADMIN_PASSWORD',
      { ADMIN_USERNAME: 'admin' },
      'ADMIN_USERNAME and ADMIN_PASSWORD must be given together',
    ],
    [
      'ADMIN_PASSWORD',
      { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'password1234' },
      'ADMIN_PASSWORD is too weak',
    ],
    [
      'SECADMIN_PASSWORD',
      { SECADMIN_USERNAME: 'secadmin', SECADMIN_PASSWORD: 'secadmin-harbour-7' },
      'SECADMIN_PASSWORD is too weak (contains_username)',
    ],
    [
      'AUDITADMIN_USERNAME',
      {
        ADMIN_USERNAME: 'boss',
        ADMIN_PASSWORD: 'harbour-lantern-42',
        AUDITADMIN_USERNAME: 'boss',
        AUDITADMIN_PASSWORD: 'quiet-meadow-river-9',
      },
      'AUDITADMIN_USERNAME must differ',
    ],
    [
      'JWT_EXPIRES_IN_MINUTES',
      { JWT_EXPIRES_IN_MINUTES: '480' },
      'JWT_EXPIRES_IN_MINUTES must be a whole number from 1 to 60',
    ],
    ['CORS_ORIGINS', { CORS_ORIGINS: '*' }, 'CORS_ORIGINS must list origins'],
    ['CORS_ORIGINS', { CORS_ORIGINS: 'https://ok.example, http://x/path' }, 'got "http://x/path"'],
    ['TRUST_PROXY', { TRUST_PROXY: 'everyone' }, 'TRUST_PROXY must list IP addresses'],
    ['API_DOCS', { API_DOCS: 'open' }, 'API_DOCS must be one of login, public, off'],
    ['HOST', { HOST: 'a b' }, 'HOST must be an address'],
    ['BADGE_NO_PATTERN', { BADGE_NO_PATTERN: '(' }, 'BADGE_NO_PATTERN is not a valid regular expression'],
    ['LOG_LEVEL', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of'],
    ['CONTRACT_SIGNED_ON', { CONTRACT_SIGNED_ON: '2025-02-30' }, 'CONTRACT_SIGNED_ON must be a date'],
    ['CONTRACT_SIGNED_ON', { CONTRACT_SIGNED_ON: '20251120' }, 'CONTRACT_SIGNED_ON must be a date'],
  ])('names %s when it is bad', (_name, override, expected) => {
    expect(problemsOf({ ...valid, ...override }).join('\n')).toContain(expected);
  });

  it('reads the three administrators, the allowed origins and the proxies', () => {
    const config = loadConfig({
      ...valid,
      ADMIN_USERNAME: 'admin',
      ADMIN_PASSWORD: 'harbour-lantern-42',
      SECADMIN_USERNAME: 'sec',
      SECADMIN_PASSWORD: 'quiet-meadow-river-9',
      CORS_ORIGINS: 'https://console.example:8443, http://10.0.0.5',
      TRUST_PROXY: '127.0.0.1, 172.16.0.0/12',
    });
    expect(config.bootstrap.map((b) => `${b.role}:${b.username}`)).toEqual(['admin:admin', 'secadmin:sec']);
    expect(config.corsOrigins).toEqual(['https://console.example:8443', 'http://10.0.0.5']);
    expect(config.trustProxy).toBe('127.0.0.1,172.16.0.0/12');
  });

  it('requires of the worker only what the worker uses', () => {
    const { JWT_SECRET: _secret, ...withoutSecret } = valid;
    expect(() => loadConfig(withoutSecret, 'worker')).not.toThrow();
    expect(() => loadConfig(withoutSecret, 'api')).toThrow(/JWT_SECRET is required/);
  });

  it('keeps repair photos under DATA_DIR unless REPAIR_PHOTO_DIR says otherwise, and bounds their size', () => {
    expect(loadConfig({ ...valid, DATA_DIR: '/srv/fleet' }).repairPhotos).toEqual({
      dir: '/srv/fleet/repair-photos',
      maxBytes: 10 * 1024 * 1024,
      maxPixels: 40_000_000,
    });
    expect(
      loadConfig({ ...valid, REPAIR_PHOTO_DIR: '/photos', REPAIR_PHOTO_MAX_BYTES: '2048' }).repairPhotos,
    ).toEqual({
      dir: '/photos',
      maxBytes: 2048,
      maxPixels: 40_000_000,
    });
    expect(problemsOf({ ...valid, REPAIR_PHOTO_MAX_BYTES: '10MB' }).join('\n')).toContain(
      'REPAIR_PHOTO_MAX_BYTES must be a whole number',
    );
  });

  it('holds officer-liable repair charges above 200.00 CNY for a second admin unless REPAIR_APPROVAL_THRESHOLD_FEN says otherwise', () => {
    expect(loadConfig(valid).repairApprovalThresholdFen).toBe(20_000);
    expect(loadConfig({ ...valid, REPAIR_APPROVAL_THRESHOLD_FEN: '0' }).repairApprovalThresholdFen).toBe(0);
    expect(problemsOf({ ...valid, REPAIR_APPROVAL_THRESHOLD_FEN: '200.00' }).join('\n')).toContain(
      'REPAIR_APPROVAL_THRESHOLD_FEN must be a whole number',
    );
  });

  it('bounds JSON bodies and XLSX uploads, with defaults and validated overrides', () => {
    expect(loadConfig(valid).limits).toEqual({
      jsonBodyMaxBytes: 1024 * 1024,
      jsonMaxDepth: 32,
      xlsxMaxUnzippedBytes: 200 * 1024 * 1024,
      xlsxMaxCells: 5_000_000,
    });
    expect(loadConfig({ ...valid, XLSX_MAX_CELLS: '20000' }).limits.xlsxMaxCells).toBe(20_000);
    expect(problemsOf({ ...valid, JSON_MAX_DEPTH: '1' }).join('\n')).toContain('JSON_MAX_DEPTH must be');
  });

  it('heads printed documents with BUREAU_NAME and renders their PDFs with CHROMIUM_PATH', () => {
    expect(loadConfig(valid).documents).toEqual({
      bureauName: '且末县公安局',
      chromiumPath: '/usr/bin/chromium',
      pdfTimeoutMs: 30_000,
    });
    expect(loadConfig({ ...valid, BUREAU_NAME: '巴州公安局' }).documents.bureauName).toBe('巴州公安局');
    expect(problemsOf({ ...valid, BUREAU_NAME: '局'.repeat(61) }).join('\n')).toContain(
      'BUREAU_NAME must be',
    );
    expect(problemsOf({ ...valid, PDF_TIMEOUT_SECONDS: '0' }).join('\n')).toContain('PDF_TIMEOUT_SECONDS');
  });

  it('serves no console when CONSOLE_DIR is set empty', () => {
    expect(loadConfig({ ...valid, CONSOLE_DIR: '' }).consoleDir).toBeNull();
    expect(loadConfig(valid).consoleDir).toMatch(/dist\/console$/);
  });

  it('starts the clock at CLOCK_START in tests only, and refuses it anywhere else', () => {
    const start = '2030-01-31T23:59:00+08:00';
    const clock = new Clock(loadConfig({ ...valid, NODE_ENV: 'test', CLOCK_START: start }));
    expect(Math.abs(clock.now().getTime() - Date.parse(start))).toBeLessThan(1000);
    expect(problemsOf({ ...valid, NODE_ENV: 'production', CLOCK_START: start })).toEqual([
      'CLOCK_START is honoured only in tests (NODE_ENV=test)',
    ]);
    expect(problemsOf({ ...valid, NODE_ENV: 'test', CLOCK_START: 'tomorrow' })).toEqual([
      'CLOCK_START must be an ISO 8601 moment, got "tomorrow"',
    ]);
    const real = new Clock(loadConfig(valid));
    expect(Math.abs(real.now().getTime() - Date.now())).toBeLessThan(1000);
  });

  it('reports every problem at once', () => {
    expect(problemsOf({})).toHaveLength(3);
  });
});
