#!/usr/bin/env node
// Entry point of the `churn-desk` command. The TypeScript sources are compiled to lib/ by `npm ci`
// (the package's `prepare` script) or `npm run build:cli`.
'use strict';
const path = require('path');
const fs = require('fs');
const main = path.join(__dirname, '..', 'lib', 'src', 'cli', 'main.js');
if (!fs.existsSync(main)) {
  process.stderr.write('churn-desk: not built yet. Run `npm ci` (or `npm run build:cli`) in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
// A dealer group's workbook (hundreds of thousands of rows) needs more heap than V8's default (about 4 GB): run
// again with up to three quarters of the machine's memory, once, unless the user chose a limit themselves.
const os = require('os');
const v8 = require('v8');
const wantedMb = Math.floor((os.totalmem() * 0.75) / 1024 / 1024);
const limitMb = v8.getHeapStatistics().heap_size_limit / 1024 / 1024;
const chosen = /--max-old-space-size/.test((process.env.NODE_OPTIONS || '') + process.execArgv.join(' '));
if (!process.env.CHURN_DESK_CHILD && !chosen && wantedMb > limitMb * 1.25) {
  const { spawnSync } = require('child_process');
  const r = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${wantedMb}`, __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CHURN_DESK_CHILD: '1' },
  });
  process.exit(r.status === null ? 1 : r.status);
}
require(main).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write('churn-desk: ' + (err && err.message ? err.message : String(err)) + '\n');
    process.exit(1);
  },
);
