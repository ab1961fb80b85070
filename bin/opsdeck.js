#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error('opsdeck: not built yet: run `npm run build` in ' + path.dirname(__dirname));
  process.exit(2);
}
require(cli);
