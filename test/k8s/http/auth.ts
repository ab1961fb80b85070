/** Bearer-token authentication and deny rules that make chosen requests answer 403 Forbidden. */
import type { IncomingMessage } from 'node:http';
import { errors } from '../errors';

export interface ForbidRule {
  /** The user the token maps to; omitted or "*": anyone. */
  user?: string;
  /** get, list, watch, create, update, patch, delete, deletecollection; omitted or "*": any. */
  verb?: string | string[];
  /** "pods", "deployments", or with a subresource: "pods/log", "deployments/scale"; omitted or "*": any. */
  resource?: string;
  group?: string;
  namespace?: string;
  name?: string;
}

export interface RequestAttributes {
  user: string;
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const any = (want: string | undefined, have: string | undefined) => want === undefined || want === '*' || want === have;

export class Auth {
  private tokens = new Map<string, string>();
  private rules: ForbidRule[] = [];

  constructor(tokens: Record<string, string>, rules: ForbidRule[] = []) {
    for (const [token, user] of Object.entries(tokens)) this.tokens.set(token, user);
    this.rules.push(...rules);
  }

  addToken(token: string, user: string): void {
    this.tokens.set(token, user);
  }

  /** Adds a deny rule; returns a function that removes it. */
  forbid(rule: ForbidRule): () => void {
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  clearRules(): void {
    this.rules = [];
  }

  /** The user for the request's bearer token; 401 without a known one. */
  authenticate(req: IncomingMessage): string {
    const header = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header.trim());
    const user = m ? this.tokens.get((m[1] as string).trim()) : undefined;
    if (user === undefined) throw errors.unauthorized();
    return user;
  }

  /** 403 with the real server's wording when a rule denies the request. */
  authorize(a: RequestAttributes): void {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const denied = this.rules.some((r) => {
      const verbs = r.verb === undefined ? undefined : Array.isArray(r.verb) ? r.verb : [r.verb];
      return (
        any(r.user, a.user) &&
        (verbs === undefined || verbs.includes('*') || verbs.includes(a.verb)) &&
        (r.resource === undefined || r.resource === '*' || r.resource === resource) &&
        any(r.group, a.group) &&
        any(r.namespace, a.namespace) &&
        any(r.name, a.name)
      );
    });
    if (!denied) return;
    const qualified = a.group ? `${a.resource}.${a.group}` : a.resource;
    const subject = a.name ? `${qualified} "${a.name}"` : qualified;
    const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
    throw errors.forbidden(`${subject} is forbidden: User "${a.user}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${scope}`, {
      ...(a.name ? { name: a.name } : {}),
      ...(a.group ? { group: a.group } : {}),
      kind: a.resource,
    });
  }
}
