import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
  ValidateIf,
  ValidationError,
} from 'class-validator';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** An optional integer setting with a default and bounds, reported by name when wrong. */
function IntSetting(name: string, min: number, max: number): PropertyDecorator {
  const msg = { message: `${name} must be an integer between ${min} and ${max}` };
  return (target, key) => {
    Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))(target, key);
    IsOptional()(target, key);
    IsInt(msg)(target, key);
    Min(min, msg)(target, key);
    Max(max, msg)(target, key);
  };
}

/** An optional true/false setting (also 1/0), reported by name when wrong. */
function BoolSetting(name: string): PropertyDecorator {
  const words: Record<string, boolean> = { true: true, false: false, '1': true, '0': false };
  return (target, key) => {
    Transform(({ value }) => (value === undefined || value === '' ? undefined : typeof value === 'string' && value.toLowerCase() in words ? words[value.toLowerCase()] : value))(target, key);
    IsOptional()(target, key);
    IsBoolean({ message: `${name} must be true or false` })(target, key);
  };
}

/** An optional setting that, when given, must have the form `pattern` (`message` names the setting and the form). */
function OptionalMatching(pattern: RegExp, message: string): PropertyDecorator {
  return (target, key) => {
    IsOptional()(target, key);
    Matches(pattern, { message })(target, key);
  };
}

/** Any S3 setting but the region (which has a default) means files go to a bucket. */
const wantsS3 = (o: Env) => [o.S3_BUCKET, o.S3_ENDPOINT, o.S3_ACCESS_KEY_ID, o.S3_SECRET_ACCESS_KEY].some((v) => v !== undefined);

/** Printed in this source, so anyone can sign with it: refused when NODE_ENV=production. */
export const DEVELOPMENT_JWT_SECRET = 'duban-development-secret-change-me';
/** The shortest JWT_SECRET a production deployment accepts (32 random characters). */
export const PRODUCTION_SECRET_MIN = 32;
/** Settings whose value must never be echoed in an error message. */
const SECRET_SETTINGS = new Set(['JWT_SECRET', 'ADMIN_PASSWORD', 'S3_SECRET_ACCESS_KEY', 'SMTP_URL']);

/** Every setting Duban reads. Nothing outside libs/config touches process.env. */
export class Env {
  @IntSetting('PORT', 1, 65535)
  PORT = 3000;

  /** Read replicas (comma-separated postgres:// URLs): plain reads outside transactions go there. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/[^\s,]+(,postgres(ql)?:\/\/[^\s,]+)*$/, {
    message: 'DATABASE_REPLICA_URLS must be comma-separated postgres:// URLs',
  })
  DATABASE_REPLICA_URLS?: string;

  /** Unset: an embedded PostgreSQL (PGlite) under DATA_DIR. */
  @OptionalMatching(/^postgres(ql)?:\/\/\S+$/, 'DATABASE_URL must be a postgres:// URL')
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/[^\s/:]+(:\d{1,5})?(\/\d+)?(\?\S*)?$|^rediss?:\/\/\S+@\S+$|^redis\+sentinel:\/\/\S+\/\S+$/, {
    message:
      'REDIS_URL must be a redis://, rediss:// or redis+sentinel://host1:26379,host2:26379/mymaster URL such as redis://127.0.0.1:6379',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Unset: mail is written to the log instead of sent (the demo needs no SMTP server). */
  @OptionalMatching(/^smtps?:\/\/\S+$/, 'SMTP_URL must be an smtp:// or smtps:// URL')
  SMTP_URL?: string;

  @IsOptional()
  @IsString()
  MAIL_FROM = 'Duban 督办 <duban@localhost>';

  /** `production` turns on the checks for known and short secrets (see productionProblem). */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'JWT_SECRET must be at least 16 characters' })
  JWT_SECRET = DEVELOPMENT_JWT_SECRET;

  @IsOptional()
  @IsString()
  TZ = 'Asia/Shanghai';

  @IsOptional()
  @IsString()
  @MinLength(3, { message: 'ADMIN_USERNAME must be at least 3 characters' })
  ADMIN_USERNAME = 'admin';

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD = 'duban-admin';

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  /** Where the embedded database and the session Redis keep their files. */
  @IsOptional()
  @IsString()
  DATA_DIR = './data';

  /** Public base URL used in e-mail links; default http://localhost:<PORT>. */
  @OptionalMatching(/^https?:\/\/\S+$/, 'PUBLIC_URL must be an http(s):// URL')
  PUBLIC_URL = 'http://localhost:3000';

  /** PostgreSQL schema to use (tests isolate suites with it). */
  @OptionalMatching(/^[a-z_][a-z0-9_]*$/, 'DATABASE_SCHEMA must be a lower-case SQL identifier')
  DATABASE_SCHEMA?: string;

  /** Wall-clock time (Asia/Shanghai) at which a deadline date falls due. */
  @OptionalMatching(/^([01]\d|2[0-3]):[0-5]\d$/, 'DUE_TIME must be HH:MM, e.g. 18:00')
  DUE_TIME = '18:00';

  /** Reminders due within this many minutes are put into Redis as delayed jobs. */
  @IntSetting('REMINDER_HORIZON_MINUTES', 1, 7 * 24 * 60)
  REMINDER_HORIZON_MINUTES = 120;

  /** How often the worker's sweep looks for due reminders (the safety net behind enqueue-on-change). */
  @IntSetting('SWEEP_EVERY_SECONDS', 1, 3600)
  SWEEP_EVERY_SECONDS = 60;

  @IntSetting('DELIVERY_ATTEMPTS', 1, 20)
  DELIVERY_ATTEMPTS = 5;

  /** First retry of a failed delivery after this many ms, doubling each attempt. */
  @IntSetting('RETRY_BACKOFF_MS', 10, 3_600_000)
  RETRY_BACKOFF_MS = 30_000;

  /**
   * A worker sending a reminder holds it this long, renewing the hold while it sends; if the worker
   * dies, the sweep hands the reminder to another worker once the hold runs out.
   */
  @IntSetting('DELIVERY_LEASE_SECONDS', 2, 3600)
  DELIVERY_LEASE_SECONDS = 120;

  /**
   * Reminders a worker claims (and later settles) in one statement: the deliveries that start, or
   * finish, while the previous statement runs go together. 1 = one claim and one settle per reminder.
   */
  @IntSetting('DELIVERY_BATCH_SIZE', 1, 500)
  DELIVERY_BATCH_SIZE = 50;

  /** Working days a unit has to acknowledge (签收) a new item. */
  @IntSetting('ACK_WORKDAYS', 1, 30)
  ACK_WORKDAYS = 3;

  /** An item turns yellow this many working days before its deadline. */
  @IntSetting('YELLOW_WORKDAYS', 0, 60)
  YELLOW_WORKDAYS = 5;

  @IntSetting('WORKER_CONCURRENCY', 1, 100)
  WORKER_CONCURRENCY = 10;

  /**
   * BullMQ's hold on a reminders-queue job (renewed at half of it while the job runs) and how often a
   * worker looks for jobs whose holder died: a killed worker's running jobs are taken up again within
   * about twice this. Short in tests that kill workers; the default is BullMQ's own.
   */
  @IntSetting('WORKER_STALLED_SECONDS', 1, 600)
  WORKER_STALLED_SECONDS = 30;

  /** When daily digests go out, Asia/Shanghai. */
  @OptionalMatching(/^([01]\d|2[0-3]):[0-5]\d$/, 'DIGEST_TIME must be HH:MM, e.g. 08:30')
  DIGEST_TIME = '08:30';

  /** Browser origins allowed to call the API (comma-separated); unset: no cross-origin access. */
  @IsOptional()
  @Matches(/^(\*|https?:\/\/[^\s,]+(,\s*https?:\/\/[^\s,]+)*)$/, {
    message: 'CORS_ORIGINS must be * or a comma-separated list of http(s):// origins',
  })
  CORS_ORIGINS?: string;

  /** Failed logins for one username before it is locked for LOGIN_LOCK_MINUTES. */
  @IntSetting('LOGIN_MAX_FAILURES', 1, 100)
  LOGIN_MAX_FAILURES = 5;

  @IntSetting('LOGIN_LOCK_MINUTES', 1, 24 * 60)
  LOGIN_LOCK_MINUTES = 15;

  /**
   * Webhook hosts (names or IP addresses, comma-separated) that may resolve to loopback, private or
   * link-local addresses, e.g. a robot relay inside the office network. Everything else must be public.
   */
  @IsOptional()
  @IsString()
  WEBHOOK_ALLOWED_HOSTS?: string;

  /** Password attempts (logins, refreshes, the /queues dashboard) one address may make per minute. */
  @IntSetting('AUTH_RATE_LIMIT', 1, 10000)
  AUTH_RATE_LIMIT = 30;

  /** Seconds a computed report may be served again while no write has committed (0 turns it off). */
  @IntSetting('REPORT_CACHE_SECONDS', 0, 300)
  REPORT_CACHE_SECONDS = 10;

  /** The largest evidence file an upload may be, in MB (plan documents for import: 10 MB). */
  @IntSetting('UPLOAD_MAX_MB', 1, 10240)
  UPLOAD_MAX_MB = 100;

  /** Pages a PDF or OFD plan may have; a longer one is refused (422) before any page is read. */
  @IntSetting('IMPORT_MAX_PAGES', 1, 5000)
  IMPORT_MAX_PAGES = 200;

  /** Seconds reading one PDF or OFD may take before it is stopped (422). */
  @IntSetting('IMPORT_TIMEOUT_SECONDS', 1, 3600)
  IMPORT_TIMEOUT_SECONDS = 60;

  /** Pages of a scan the worker will OCR; a longer scan is refused when uploaded. */
  @IntSetting('OCR_MAX_PAGES', 1, 1000)
  OCR_MAX_PAGES = 50;

  /** Seconds tesseract may spend on one page before the OCR job fails (and is retried). */
  @IntSetting('OCR_PAGE_TIMEOUT_SECONDS', 5, 3600)
  OCR_PAGE_TIMEOUT_SECONDS = 120;

  /** Set: files go to this S3-compatible bucket (MinIO, 阿里云 OSS, 腾讯云 COS, AWS); unset: DATA_DIR/files. */
  @ValidateIf(wantsS3)
  @IsString({ message: 'S3_BUCKET must be set when any S3_* setting is given' })
  @MinLength(3, { message: 'S3_BUCKET must be set when any S3_* setting is given' })
  S3_BUCKET?: string;

  /** The store's endpoint, e.g. http://127.0.0.1:9000 (MinIO), https://oss-cn-hangzhou.aliyuncs.com; unset: AWS. */
  @OptionalMatching(/^https?:\/\/\S+$/, 'S3_ENDPOINT must be an http(s):// URL')
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_REGION = 'us-east-1';

  @ValidateIf((o: Env) => o.S3_SECRET_ACCESS_KEY !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together' })
  S3_ACCESS_KEY_ID?: string;

  @ValidateIf((o: Env) => o.S3_ACCESS_KEY_ID !== undefined)
  @IsString({ message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together' })
  S3_SECRET_ACCESS_KEY?: string;

  /** Path-style URLs (endpoint/bucket/key): MinIO and most self-hosted stores need true; OSS and COS use false. */
  @BoolSetting('S3_FORCE_PATH_STYLE')
  S3_FORCE_PATH_STYLE = false;

  /** Queue key prefix, so tests and parallel deployments on one Redis stay apart. */
  @IsOptional()
  @IsString()
  QUEUE_PREFIX = 'duban';
}

/** Raised for a bad setting; main() prints only its message, never a stack trace. */
export class ConfigError extends Error {}

function describe(errors: ValidationError[], source: Record<string, unknown>): string {
  return errors
    .map((e) => {
      const why = Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`;
      return SECRET_SETTINGS.has(e.property) ? why : `${why} (got ${JSON.stringify(source[e.property])})`;
    })
    .join('; ');
}

/** Validates raw environment variables; throws ConfigError naming each bad setting. */
export function validateEnv(raw: Record<string, unknown>): Env {
  const source: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) source[k] = v === '' ? undefined : v;
  const env = plainToInstance(Env, source, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) throw new ConfigError(`Invalid configuration: ${describe(errors, source)}`);
  // Links in mail must reach this server: without PUBLIC_URL, that is the port it listens on.
  if (source.PUBLIC_URL === undefined) env.PUBLIC_URL = `http://localhost:${env.PORT}`;
  const problem = productionProblem(env);
  if (problem) throw new ConfigError(`Invalid configuration: ${problem}`);
  return env;
}

/**
 * A production deployment must not run on a secret anyone can read in this source (or guess): with
 * it, anyone signs an admin's access token and forges acknowledgement links and CSRF tokens.
 */
function productionProblem(env: Env): string | null {
  if (env.NODE_ENV !== 'production') return null;
  if (env.JWT_SECRET === DEVELOPMENT_JWT_SECRET) {
    return 'JWT_SECRET is the development default, which is public; set your own random secret of at least 32 characters (NODE_ENV=production)';
  }
  if (env.JWT_SECRET.length < PRODUCTION_SECRET_MIN) {
    return `JWT_SECRET must be at least ${PRODUCTION_SECRET_MIN} characters when NODE_ENV=production (e.g. openssl rand -base64 48)`;
  }
  return null;
}

/** The validated settings of this process. */
export const loadEnv = (): Env => validateEnv(process.env);

/** The importer's page and time limits for PDF and OFD, from the settings. */
export function importLimits(env: Env): { maxPages: number; timeoutMs: number } {
  return { maxPages: env.IMPORT_MAX_PAGES, timeoutMs: env.IMPORT_TIMEOUT_SECONDS * 1000 };
}
