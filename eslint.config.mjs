// Flat config: typescript-eslint's recommended rules, Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'coverage/**', '**/*.js', '!scripts/*.js', '**/*.mjs', 'apps/web/dist/**', 'apps/web/src/api/schema.d.ts', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // The importer strips control characters from documents on purpose.
      'no-control-regex': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|describe|test)$/][callee.property.name=/^(only|skip)$/]", message: 'no focused or skipped tests' },
      ],
    },
  },
  // The web app (React): the rules of hooks; it reads no process settings.
  { files: ['apps/web/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // The npm scripts' helpers: plain CommonJS run by Node, no build step.
    files: ['scripts/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: Object.fromEntries(
        ['require', 'module', 'exports', 'process', '__dirname', '__filename', 'console', 'Buffer', 'URL', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch'].map((g) => [g, 'readonly']),
      ),
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['bench/**/*.ts'], rules: { '@typescript-eslint/triple-slash-reference': 'off' } },
  {
    // The layers (README "Architecture"): pure libraries know no framework, no database, no queue
    // and no app, so they run and test anywhere.
    files: ['libs/domain/**/*.ts', 'libs/importer/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'bullmq/*', 'ioredis', 'pg', 'nestjs-cls', '@nestjs-cls/*'],
              message: 'libs/domain and libs/importer are pure TypeScript: no NestJS, TypeORM, BullMQ or Redis (put it in libs/persistence, libs/queue or an app)',
            },
            {
              group: ['@app/persistence', '@app/persistence/*', '@app/queue', '@app/queue/*', '@app/notifications', '@app/notifications/*', '@app/config', '@app/config/*', '@app/application', '@app/application/*'],
              message: 'libs/domain and libs/importer depend on no other layer (only on each other and plain packages)',
            },
            { regex: '(^|/)apps/|(^|/)(api|worker|cli)/src(/|$)', message: 'a library never imports an app' },
          ],
        },
      ],
    },
  },
  ...[
    ['api', 'worker|cli'],
    ['worker', 'api|cli'],
    ['cli', 'api|worker'],
  ].map(([app, others]) => ({
    // An app is a way in (HTTP, queue, command line); what two apps share lives in libs/.
    files: [`apps/${app}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: `(^|/)(apps/)?(${others})/src(/|$)`, message: `apps/${app} may not import another app: move what they share to libs/` }] },
      ],
    },
  })),
  {
    // Only the config module reads the environment.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['libs/config/**', '**/*.spec.ts', 'apps/web/**'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read settings through Env (libs/config)' }] },
  },
);
