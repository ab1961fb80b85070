import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, defaultServeDataDir, readEnvConfig } from '../host/config';
import { createHost } from '../host/createHost';
import { newToken, isLoopback } from './auth';
import { startServer } from './server';

const USAGE = `Usage: opsdeck serve [--host 127.0.0.1] [--port 7420] [--data-dir DIR]

Serves the Opsdeck dashboard and its API to a browser, protected by a token.
Environment: OPSDECK_TOKEN (fixed token, 16+ characters), OPSDECK_DATA_DIR,
OPSDECK_SAMPLE_INTERVAL_MS (host sampling interval, default 5000),
KUBECONFIG (the kubeconfig files to read, as kubectl; default ~/.kube/config).`;

export const DEFAULT_PORT = 7420;

function fail(message: string): never {
  console.error(`opsdeck: ${message}`);
  process.exit(2);
}

async function main(argv: string[]) {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: String(DEFAULT_PORT) },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = args;
  if (values.help) return console.log(USAGE);
  if (positionals[0] !== 'serve' || positionals.length > 1) fail(USAGE);

  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);

  let env;
  try {
    env = readEnvConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`bad environment: ${err.message}`);
    throw err;
  }

  const staticDir = path.resolve(__dirname, '../renderer');
  if (!fs.existsSync(path.join(staticDir, 'index.html'))) {
    fail(`the dashboard is not built (${staticDir} has no index.html): run \`npm run build\` first.`);
  }

  const dataDir = path.resolve(values['data-dir'] ?? env.OPSDECK_DATA_DIR ?? defaultServeDataDir());
  let host;
  try {
    // out/main/cli.js: the repository's (or the npm package's) resources/ is two levels up.
    const resourcesDir = path.resolve(__dirname, '../../resources');
    host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: env.OPSDECK_SAMPLE_INTERVAL_MS, resourcesDir });
  } catch (err) {
    fail((err as Error).message);
  }

  const token = env.OPSDECK_TOKEN ?? newToken();
  let server;
  try {
    server = await startServer({ host, staticDir, hostname: values.host, port, token });
  } catch (err) {
    await host.stop();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') fail(`port ${port} on ${values.host} is in use: choose another with --port.`);
    fail(`cannot listen on ${values.host}:${port}: ${(err as Error).message}`);
  }

  if (!isLoopback(values.host)) {
    console.error(
      `opsdeck: warning: listening on ${values.host}, not loopback. Traffic is plain HTTP; the token is the only guard. Prefer an SSH tunnel.`,
    );
  }
  // Handlers first: whoever reads the URL may signal us the moment it appears.
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await host.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  console.log(`Opsdeck is serving at ${server.url}`);
  console.log(`Data directory: ${dataDir}`);
}

void main(process.argv.slice(2));
