import { defineConfig, devices } from '@playwright/test';

// Browser tests of the web app (test/web/browser) in Debian's Chromium against the real API,
// worker, PostgreSQL, Redis and an SMTP sink (test/web/support/stack.ts). `npm run test:web`.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  testDir: 'test/web/browser',
  testMatch: '*.spec.ts',
  globalSetup: './test/web/support/global-setup.ts',
  // Three workers, each with its own stack (API, worker, schema, mail sink) and browser: a browser test
  // mostly waits on pages and the API (the whole suite used 0.6 of a core with three workers: 240 s of
  // CPU in 321 s), so more at once finish sooner. Every test makes its own unit and users, so the tests
  // of one file spread over the workers too, and no long file runs alone at the end.
  workers: 3,
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // Generous limits: on the shared two-core machine a slow spell made sign-ins take over 15 s and long
  // journeys over 90 s (six failures in one CI run; the same tests passed alone, old code and new alike).
  // Every wait ends as soon as its condition holds, so a passing run takes no longer for them.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results/web',
  use: {
    browserName: 'chromium',
    launchOptions: chromium,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1440, height: 900 } } },
    {
      // The staff journey again on a phone-sized screen.
      name: 'phone',
      testMatch: 'journey.spec.ts',
      use: { ...devices['Pixel 5'], browserName: 'chromium', viewport: { width: 375, height: 812 }, launchOptions: chromium },
    },
  ],
});
