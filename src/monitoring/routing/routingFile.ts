import fs from 'node:fs';
import path from 'node:path';
import { type ErrorCode, OpsdeckError, type RouteSummary, type RoutingConfigInfo, type RoutingValidation } from '../../contract';
import { writeAtomically } from '../../util/writeAtomically';
import type { Route } from './routeConfig';
import { parseRoutingConfig, type RoutingConfig } from './routingConfig';

export const ROUTING_FILE_NAME = 'alertmanager.yml';

const summarize = ({ key: _key, escalation: _escalation, routes, ...rest }: Route): RouteSummary => ({ ...rest, routes: routes.map(summarize) });

/** The config text describes, or an error with code that lists its problems. */
export function usableConfig(text: string, code: ErrorCode, what: string): RoutingConfig {
  const { config, problems } = parseRoutingConfig(text);
  if (!config) throw new OpsdeckError(code, `${what} has problems: ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`);
  return config;
}

/** The routing config file in the data folder; until it is saved once, the default shipped with Opsdeck. */
export class RoutingFile {
  readonly path: string;

  constructor(
    dataDir: string,
    private readonly defaultPath: string,
  ) {
    this.path = path.join(dataDir, ROUTING_FILE_NAME);
  }

  private read(): { text: string; isDefault: boolean } {
    try {
      return { text: fs.readFileSync(this.path, 'utf8'), isDefault: false };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new OpsdeckError('UNAVAILABLE', `cannot read ${this.path}: ${(err as Error).message}`);
      return { text: fs.readFileSync(this.defaultPath, 'utf8'), isDefault: true };
    }
  }

  info(): RoutingConfigInfo {
    const { text, isDefault } = this.read();
    const { config, problems } = parseRoutingConfig(text);
    return {
      path: this.path,
      text,
      isDefault,
      tree: config ? summarize(config.route) : null,
      receivers: (config?.receivers ?? []).map((r) => ({
        name: r.name,
        line: r.line,
        integrations: Object.fromEntries(Object.entries(r.integrations).map(([kind, list]) => [kind, list.length])),
      })),
      inhibitRules: config?.inhibitRules.length ?? 0,
      problems,
    };
  }

  /** The config in force; a file with problems is refused with them. */
  config(): RoutingConfig {
    return usableConfig(this.read().text, 'UNAVAILABLE', this.path);
  }

  static validate(text: string): RoutingValidation {
    const { problems } = parseRoutingConfig(text);
    return { valid: problems.length === 0, problems };
  }

  /** Validates, then replaces the file; invalid text is refused and the file stays as it was. */
  save(text: string): RoutingConfigInfo {
    usableConfig(text, 'BAD_REQUEST', 'the routing config');
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    writeAtomically(this.path, text);
    return this.info();
  }
}
