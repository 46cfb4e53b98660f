import { ConfigError, validateEnv } from './env.schema';

describe('validateEnv', () => {
  it('fills defaults when nothing is set', () => {
    const env = validateEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.TZ).toBe('Asia/Shanghai');
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('parses a numeric PORT', () => {
    expect(validateEnv({ PORT: '8080' }).PORT).toBe(8080);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be an integer/],
    [{ PORT: '70000' }, /PORT must be an integer/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL must be a redis:\/\//],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL must be a postgres/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 16/],
  ])('rejects %j with one line naming the setting', (raw, message) => {
    let error: unknown;
    try {
      validateEnv(raw);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('validateEnv integer settings', () => {
  it('reads numbers from strings and keeps defaults', () => {
    const env = validateEnv({ SWEEP_EVERY_SECONDS: '5' });
    expect(env.SWEEP_EVERY_SECONDS).toBe(5);
    expect(env.REMINDER_HORIZON_MINUTES).toBe(120);
  });

  it('names the setting that is out of range', () => {
    expect(() => validateEnv({ DELIVERY_ATTEMPTS: '0' })).toThrow(/DELIVERY_ATTEMPTS must be an integer between 1 and 20/);
  });

  it('holds a running reminders job 30 s as BullMQ does, unless WORKER_STALLED_SECONDS says otherwise', () => {
    expect(validateEnv({}).WORKER_STALLED_SECONDS).toBe(30);
    expect(validateEnv({ WORKER_STALLED_SECONDS: '2' }).WORKER_STALLED_SECONDS).toBe(2);
    expect(() => validateEnv({ WORKER_STALLED_SECONDS: '0' })).toThrow(/WORKER_STALLED_SECONDS must be an integer between 1 and 600/);
  });
});

describe('validateEnv for scaled-out deployments', () => {
  it('accepts a Sentinel REDIS_URL and replica URLs', () => {
    const env = validateEnv({
      REDIS_URL: 'redis+sentinel://s1:26379,s2:26379/mymaster',
      DATABASE_REPLICA_URLS: 'postgres://ro@replica1/duban,postgres://ro@replica2/duban',
    });
    expect(env.REDIS_URL).toMatch(/^redis\+sentinel/);
  });

  it('rejects a malformed replica list', () => {
    expect(() => validateEnv({ DATABASE_REPLICA_URLS: 'replica1,replica2' })).toThrow(/DATABASE_REPLICA_URLS/);
  });
});

describe('validateEnv file storage settings', () => {
  const refusal = (raw: Record<string, string>) => {
    try {
      validateEnv(raw);
    } catch (e) {
      return (e as Error).message;
    }
    return null;
  };

  it('keeps files under DATA_DIR with a 100 MB limit by default', () => {
    const env = validateEnv({});
    expect(env.UPLOAD_MAX_MB).toBe(100);
    expect(env.S3_BUCKET).toBeUndefined();
    expect(env.S3_FORCE_PATH_STYLE).toBe(false);
  });

  it('reads a complete S3 configuration', () => {
    const env = validateEnv({
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'duban',
      S3_ACCESS_KEY_ID: 'minio',
      S3_SECRET_ACCESS_KEY: 'minio-secret',
      S3_FORCE_PATH_STYLE: 'true',
      UPLOAD_MAX_MB: '200',
    });
    expect(env).toMatchObject({ S3_BUCKET: 'duban', S3_REGION: 'us-east-1', S3_FORCE_PATH_STYLE: true, UPLOAD_MAX_MB: 200 });
  });

  it('names the S3 setting that is missing or wrong', () => {
    expect(refusal({ S3_ENDPOINT: 'http://127.0.0.1:9000' })).toMatch(/S3_BUCKET must be set when any S3_\* setting is given/);
    expect(refusal({ S3_BUCKET: 'duban', S3_ACCESS_KEY_ID: 'minio' })).toMatch(/S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY are set together/);
    expect(refusal({ S3_BUCKET: 'duban', S3_ENDPOINT: 'minio:9000' })).toMatch(/S3_ENDPOINT must be an http\(s\):\/\/ URL/);
    expect(refusal({ S3_FORCE_PATH_STYLE: 'yes' })).toMatch(/S3_FORCE_PATH_STYLE must be true or false/);
    expect(refusal({ UPLOAD_MAX_MB: '0' })).toMatch(/UPLOAD_MAX_MB must be an integer between 1 and 10240/);
  });
});

describe('validateEnv PUBLIC_URL', () => {
  it('follows PORT when unset, so mail links reach this server', () => {
    expect(validateEnv({}).PUBLIC_URL).toBe('http://localhost:3000');
    expect(validateEnv({ PORT: '4100' }).PUBLIC_URL).toBe('http://localhost:4100');
    expect(validateEnv({ PORT: '4100', PUBLIC_URL: '' }).PUBLIC_URL).toBe('http://localhost:4100');
  });

  it('is kept as given', () => {
    expect(validateEnv({ PORT: '4100', PUBLIC_URL: 'https://duban.example.cn' }).PUBLIC_URL).toBe('https://duban.example.cn');
  });
});

describe('validateEnv in production', () => {
  it('refuses the public development JWT_SECRET and a short one, without echoing the value', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is the development default/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'twenty-chars-secret!' })).toThrow(/JWT_SECRET must be at least 32 characters/);
    expect(() => validateEnv({ JWT_SECRET: 'short-secret' })).toThrow(/^Invalid configuration: JWT_SECRET must be at least 16 characters$/);
  });

  it('accepts a long secret of its own, and the default outside production', () => {
    expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) }).JWT_SECRET).toHaveLength(32);
    expect(() => validateEnv({ NODE_ENV: 'development' })).not.toThrow();
  });
});
