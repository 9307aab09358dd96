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
require(main).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write('churn-desk: ' + (err && err.message ? err.message : String(err)) + '\n');
    process.exit(1);
  },
);
