import { createTestSchema, TEST_DATABASE_URL } from '../support/database';
import { ENTRY, freePort, runApp, waitFor200 } from '../support/processes';

const DEFAULT_SECRET = 'duban-development-secret-change-me';

describe('secrets in production (NODE_ENV=production)', () => {
  it.each([
    ['API', 'unset', ENTRY.api, undefined, /JWT_SECRET is the development default/],
    ['API', 'the default', ENTRY.api, DEFAULT_SECRET, /JWT_SECRET is the development default/],
    ['API', 'too short', ENTRY.api, 'only-twenty-characters', /JWT_SECRET must be at least 32 characters/],
    ['worker', 'unset', ENTRY.worker, undefined, /JWT_SECRET is the development default/],
    ['worker', 'too short', ENTRY.worker, 'only-twenty-characters', /JWT_SECRET must be at least 32 characters/],
  ])('the %s refuses to start with JWT_SECRET %s, in one line naming the setting', async (_, __, entry, secret, message) => {
    const env: Record<string, string> = { NODE_ENV: 'production', DATABASE_URL: TEST_DATABASE_URL };
    if (secret) env.JWT_SECRET = secret;
    const app = runApp(entry, env);
    expect((await app.exited).code).toBe(1);
    const lines = app.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(app.stderr()).not.toMatch(/^\s+at\s/m); // no stack trace
    if (secret) expect(lines[0]).not.toContain(secret); // a secret is never echoed
  });

  it('starts with a long secret of its own', async () => {
    const schema = await createTestSchema();
    const port = await freePort();
    const api = runApp(ENTRY.api, {
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: TEST_DATABASE_URL,
      JWT_SECRET: 'a-long-random-secret-of-this-deployment-0123456789',
      DATABASE_SCHEMA: schema.schema,
      QUEUE_PREFIX: `t${schema.schema}`,
    });
    try {
      await waitFor200(`http://127.0.0.1:${port}/health`, api);
      api.proc.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    } finally {
      await schema.drop();
    }
  });
});
