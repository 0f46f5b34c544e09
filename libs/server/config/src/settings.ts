/**
 * Every setting the server reads, in one table: the config loader validates against it, the README's
 * configuration table follows it, and a test checks that docker/compose.yml gives api, worker and migrate
 * every required one. `migrate` is the deployment's migration step (tools/db/migrate.ts).
 */
export type App = 'api' | 'worker' | 'migrate';

export interface SettingSpec {
  name: string;
  /** Required means: no default, the process refuses to start without it. */
  required: boolean;
  default?: string;
  usedBy: readonly App[];
  description: string;
}

export const SETTINGS = [
  {
    name: 'DATABASE_URL',
    required: true,
    usedBy: ['migrate'],
    description:
      "PostgreSQL URL of the tables' owner: migrations, backup, restore; never given to api or worker (npm start: embedded PostgreSQL when unset)",
  },
  {
    name: 'APP_DATABASE_URL',
    required: true,
    usedBy: ['api', 'worker', 'migrate'],
    description:
      "PostgreSQL URL of the application's own role, which may only SELECT and INSERT the audit log; the migrate step creates the role named in it with its password and grants it (npm start: made and kept in DATA_DIR/secrets.json)",
  },
  {
    name: 'REDIS_URL',
    required: true,
    usedBy: ['api', 'worker'],
    description: 'Redis URL for BullMQ (npm start falls back to 127.0.0.1:6379 or redis-server)',
  },
  {
    name: 'JWT_SECRET',
    required: true,
    usedBy: ['api'],
    description: 'Secret that signs access tokens; at least 32 characters',
  },
  {
    name: 'PORT',
    required: false,
    default: '3000',
    usedBy: ['api'],
    description: 'HTTP port of the API and console',
  },
  {
    name: 'HOST',
    required: false,
    default: '127.0.0.1',
    usedBy: ['api'],
    description: 'Address the API listens on: 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
  },
  {
    name: 'TRUST_PROXY',
    required: false,
    usedBy: ['api'],
    description:
      'Addresses or CIDRs of reverse proxies whose X-Forwarded-For/-Proto are believed (comma-separated); empty: none',
  },
  {
    name: 'CORS_ORIGINS',
    required: false,
    usedBy: ['api'],
    description:
      'Origins (https://host:port, comma-separated) that may call the API from a browser; empty: same origin only',
  },
  {
    name: 'API_DOCS',
    required: false,
    default: 'login',
    usedBy: ['api'],
    description: 'OpenAPI at /api/docs: login (logged-in users only), public or off',
  },
  {
    name: 'JWT_EXPIRES_IN_MINUTES',
    required: false,
    default: '15',
    usedBy: ['api'],
    description:
      'Minutes an access token stays valid (the console renews it with the session cookie); 1 to 60',
  },
  {
    name: 'SESSION_IDLE_MINUTES',
    required: false,
    default: '30',
    usedBy: ['api'],
    description: 'A session not renewed for this long ends (idle timeout)',
  },
  {
    name: 'SESSION_MAX_HOURS',
    required: false,
    default: '12',
    usedBy: ['api'],
    description: 'A session ends this long after the login, however active (absolute timeout)',
  },
  {
    name: 'ADMIN_USERNAME',
    required: false,
    usedBy: ['api'],
    description: 'System administrator (admin), created on start when none exists (with ADMIN_PASSWORD)',
  },
  {
    name: 'ADMIN_PASSWORD',
    required: false,
    usedBy: ['api'],
    description: 'Initial password of the first admin; the password policy applies; changed at first login',
  },
  {
    name: 'SECADMIN_USERNAME',
    required: false,
    usedBy: ['api'],
    description: 'Security administrator (secadmin: accounts), created on start when none exists',
  },
  {
    name: 'SECADMIN_PASSWORD',
    required: false,
    usedBy: ['api'],
    description: 'Initial password of the first secadmin; changed at first login',
  },
  {
    name: 'AUDITADMIN_USERNAME',
    required: false,
    usedBy: ['api'],
    description: 'Audit administrator (auditadmin: the audit log), created on start when none exists',
  },
  {
    name: 'AUDITADMIN_PASSWORD',
    required: false,
    usedBy: ['api'],
    description: 'Initial password of the first auditadmin; changed at first login',
  },
  {
    name: 'LOGIN_RATE_PER_MINUTE',
    required: false,
    default: '20',
    usedBy: ['api'],
    description: 'Login and session-renewal requests one client address may make a minute; more answer 429',
  },
  {
    name: 'LOGIN_MAX_FAILURES',
    required: false,
    default: '5',
    usedBy: ['api'],
    description: 'Failed logins in a row (one account, one client) before each further try must wait',
  },
  {
    name: 'LOGIN_BACKOFF_SECONDS',
    required: false,
    default: '30',
    usedBy: ['api'],
    description: 'First wait after LOGIN_MAX_FAILURES failures; doubles with every further failure',
  },
  {
    name: 'LOGIN_BACKOFF_MAX_MINUTES',
    required: false,
    default: '15',
    usedBy: ['api'],
    description: 'Longest wait between login tries of one account from one client',
  },
  {
    name: 'DATA_DIR',
    required: false,
    default: '.data',
    usedBy: ['api', 'worker'],
    description: 'Folder for uploaded files and local state',
  },
  {
    name: 'REPAIR_PHOTO_DIR',
    required: false,
    usedBy: ['api'],
    description: 'Folder for photos of repair tickets; default DATA_DIR/repair-photos',
  },
  {
    name: 'REPAIR_PHOTO_MAX_BYTES',
    required: false,
    default: '10485760',
    usedBy: ['api'],
    description: 'Largest repair photo accepted, in bytes (10 MB)',
  },
  {
    name: 'REPAIR_PHOTO_MAX_PIXELS',
    required: false,
    default: '40000000',
    usedBy: ['api'],
    description: 'Largest repair photo accepted, in pixels (width × height) once decoded',
  },
  {
    name: 'REPAIR_APPROVAL_THRESHOLD_FEN',
    required: false,
    default: '20000',
    usedBy: ['api'],
    description:
      'An officer-liable repair charge above this (fen; 20000 = 200.00 CNY) waits for a second admin before a statement',
  },
  {
    name: 'JSON_BODY_MAX_BYTES',
    required: false,
    default: '1048576',
    usedBy: ['api'],
    description: 'Largest JSON request body, in bytes (1 MB); larger ones answer 413',
  },
  {
    name: 'JSON_MAX_DEPTH',
    required: false,
    default: '32',
    usedBy: ['api'],
    description: 'Deepest nesting of arrays and objects in a JSON request body',
  },
  {
    name: 'XLSX_MAX_UNZIPPED_BYTES',
    required: false,
    default: '209715200',
    usedBy: ['api', 'worker'],
    description: 'Largest XLSX upload once decompressed, in bytes (200 MB); checked before parsing',
  },
  {
    name: 'XLSX_MAX_CELLS',
    required: false,
    default: '5000000',
    usedBy: ['api', 'worker'],
    description: 'Most cells in an XLSX upload; checked before parsing',
  },
  {
    name: 'CONSOLE_DIR',
    required: false,
    default: 'dist/console',
    usedBy: ['api'],
    description: 'Built console served at /; empty to serve the API only',
  },
  {
    name: 'QUEUE_PREFIX',
    required: false,
    default: 'fleet',
    usedBy: ['api', 'worker'],
    description: 'Prefix of the BullMQ keys in Redis',
  },
  {
    name: 'BADGE_NO_PATTERN',
    required: false,
    default: '^\\d{6}$',
    usedBy: ['api', 'worker'],
    description: 'Regular expression a badge number (警号) must match',
  },
  {
    name: 'CONTRACT_SIGNED_ON',
    required: false,
    default: '2025-11-20',
    usedBy: ['api', 'worker'],
    description: 'Date the service contract was signed (YYYY-MM-DD); SIMs must be active a month later',
  },
  {
    name: 'BUREAU_NAME',
    required: false,
    default: '且末县公安局',
    usedBy: ['api'],
    description:
      'The bureau named at the head of printed documents (通知单, 签收单, 接收单) and device labels',
  },
  {
    name: 'CHROMIUM_PATH',
    required: false,
    default: '/usr/bin/chromium',
    usedBy: ['api'],
    description:
      'Chromium that turns printed documents into PDF (Debian package chromium); PDFs answer 503 without it',
  },
  {
    name: 'PDF_TIMEOUT_SECONDS',
    required: false,
    default: '30',
    usedBy: ['api'],
    description: 'Longest time one PDF may take to render before the request answers 503',
  },
  {
    name: 'LOG_LEVEL',
    required: false,
    default: 'log',
    usedBy: ['api', 'worker'],
    description: "error, warn, log, debug or verbose (Nest's module and route-mapping lines from debug on)",
  },
  {
    name: 'RECONCILE_EVERY_SECONDS',
    required: false,
    default: '60',
    usedBy: ['worker'],
    description:
      'How often the worker re-enqueues unfinished imports and stale months that have no job (also on start)',
  },
  {
    name: 'INGEST_CHUNKS',
    required: false,
    default: '1',
    usedBy: ['worker'],
    description:
      'Chunks a large usage detail file is cut into, each a job any worker can take (1: one job a file, the fastest on one 2-core host as measured; more when workers run on several hosts; 0: one per CPU of the worker)',
  },
  {
    name: 'INGEST_CHUNK_MIN_BYTES',
    required: false,
    default: '8388608',
    usedBy: ['worker'],
    description: 'Usage files smaller than this (bytes) are loaded as one job, not in chunks',
  },
  {
    name: 'NOTIFY_WEBHOOK_URL',
    required: false,
    default: '',
    usedBy: ['api', 'worker'],
    description:
      "Outbound notifications: each notification is POSTed here as JSON (the bureau's SMS or messaging gateway); empty = off",
  },
  {
    name: 'NOTIFY_WEBHOOK_SECRET',
    required: false,
    default: '',
    usedBy: ['worker'],
    description:
      'Key of the X-Fleet-Signature header of each webhook POST: sha256=<hex HMAC-SHA256 of the body>',
  },
  {
    name: 'NOTIFY_WEBHOOK_BACKOFF_MS',
    required: false,
    default: '5000',
    usedBy: ['api', 'worker'],
    description: 'First retry delay of a failed webhook POST, doubled at each of its 5 attempts',
  },
  {
    name: 'CLOCK_START',
    required: false,
    usedBy: ['api', 'worker'],
    description:
      'Tests only (NODE_ENV=test): the moment (ISO 8601) the clock reads at start, then runs on; refused otherwise',
  },
] as const satisfies readonly SettingSpec[];

export type SettingName = (typeof SETTINGS)[number]['name'];
