import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { allowedHosts, cookieToken, newToken, originAllowed, sameToken } from '../../../src/serve/auth';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('serve-mode auth', () => {
  it('makes long, distinct tokens and compares them exactly', () => {
    const a = newToken();
    expect(a).toMatch(/^[\w-]{32}$/);
    expect(newToken()).not.toBe(a);
    expect(sameToken(a, a)).toBe(true);
    expect(sameToken(a.slice(1), a)).toBe(false);
    expect(sameToken(null, a)).toBe(false);
  });

  it('finds the token cookie among others', () => {
    expect(cookieToken(req({ cookie: 'theme=dark; opsdeck_token=abc=def; x=1' }))).toBe('abc=def');
    expect(cookieToken(req({}))).toBeNull();
  });

  it('answers loopback names only when bound to loopback', () => {
    expect(allowedHosts('127.0.0.1', 7420)).toEqual(
      new Set(['127.0.0.1:7420', 'localhost:7420', '[::1]:7420']),
    );
    expect(allowedHosts('10.1.2.3', 80)).toEqual(new Set(['10.1.2.3:80']));
    expect(allowedHosts('0.0.0.0', 80)).toBeNull();
  });

  it('accepts only the page this server served as Origin', () => {
    expect(originAllowed(req({ host: '127.0.0.1:7420', origin: 'http://127.0.0.1:7420' }))).toBe(true);
    expect(originAllowed(req({ host: '127.0.0.1:7420', origin: 'http://evil.example' }))).toBe(false);
    expect(originAllowed(req({ host: '127.0.0.1:7420', origin: 'null' }))).toBe(false);
    expect(originAllowed(req({ host: '127.0.0.1:7420' }))).toBe(true);
  });
});
