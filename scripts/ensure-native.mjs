// better-sqlite3 and keytar are compiled for one runtime at a time: Node for
// serve mode and the tests, Electron for the desktop app. This makes sure they
// are built for the runtime about to start, rebuilding only when they are not.
// Usage: node scripts/ensure-native.mjs node|electron
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const MODULES = ['better-sqlite3', 'keytar'];
const MARKER = 'node_modules/.opsdeck-native-target';
const target = process.argv[2];

const built = () => (fs.existsSync(MARKER) ? fs.readFileSync(MARKER, 'utf8') : 'node');
const mark = (value) => fs.writeFileSync(MARKER, value);
const run = (cmd) => {
  console.log(`opsdeck: ${cmd}`);
  execSync(cmd, { stdio: 'inherit' });
};

if (target === 'node') {
  const probe = spawnSync(process.execPath, ['-e', MODULES.map((m) => `require('${m}')`).join(';')], {
    encoding: 'utf8',
  });
  if (probe.status !== 0) {
    console.log(`opsdeck: native modules are not built for Node ${process.versions.node} (last built for ${built()}); rebuilding`);
    run(`npm rebuild ${MODULES.join(' ')}`);
  }
  mark('node');
} else if (target === 'electron') {
  const wanted = `electron-${require('electron/package.json').version}`;
  if (built() !== wanted) {
    console.log(`opsdeck: rebuilding native modules for ${wanted} (needs Electron's headers, fetched once)`);
    run('npx electron-builder install-app-deps');
    mark(wanted);
  }
} else {
  console.error('usage: node scripts/ensure-native.mjs node|electron');
  process.exit(2);
}
