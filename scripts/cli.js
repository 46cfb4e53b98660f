#!/usr/bin/env node
// `npm run cli -- <command>`: builds if needed, then runs the CLI with the given arguments.
const { spawnSync } = require('node:child_process');
const { buildIfStale, ENTRY } = require('./build-if-stale');

buildIfStale();
const r = spawnSync(process.execPath, [ENTRY.cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
