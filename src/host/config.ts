import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

/** Environment settings shared by the desktop app and serve mode, checked before anything starts. */
const envSchema = z.object({
  OPSDECK_DATA_DIR: z.string().min(1).optional(),
  OPSDECK_SAMPLE_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(250, 'must be at least 250 ms')
    .max(3_600_000, 'must be at most one hour')
    .optional(),
  OPSDECK_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});

export type EnvConfig = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function readEnvConfig(env: NodeJS.ProcessEnv = process.env): EnvConfig {
  const picked = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = envSchema.safeParse(picked);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; '));
  }
  return parsed.data;
}

/** Serve mode's default data directory, following the XDG base directory spec. */
export function defaultServeDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'opsdeck');
}
