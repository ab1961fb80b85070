import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../electron/appUrl';

const indexFile = path.resolve('/opt/Opsdeck/resources/app.asar/out/renderer/index.html');
const built = { indexFile };
const dev = { devServerUrl: 'http://localhost:5173/' };

describe('isAppUrl', () => {
  it('accepts the built index.html, with or without a hash or query', () => {
    const url = pathToFileURL(indexFile).href;
    expect(isAppUrl(url, built)).toBe(true);
    expect(isAppUrl(`${url}#/monitoring`, built)).toBe(true);
    expect(isAppUrl(`${url}?tab=cost`, built)).toBe(true);
  });

  it('accepts a path with characters the URL escapes', () => {
    const spaced = path.resolve('/Users/Jo Doe/Opsdeck Ä/out/renderer/index.html');
    expect(isAppUrl(pathToFileURL(spaced).href, { indexFile: spaced })).toBe(true);
  });

  it('rejects other local files, including ones next to the renderer', () => {
    expect(isAppUrl(pathToFileURL(path.resolve('/etc/passwd')).href, built)).toBe(false);
    expect(isAppUrl(pathToFileURL(path.join(path.dirname(indexFile), 'other.html')).href, built)).toBe(false);
  });

  it('rejects web pages and opaque URLs when running from files', () => {
    expect(isAppUrl('https://example.com/index.html', built)).toBe(false);
    expect(isAppUrl('about:blank', built)).toBe(false);
    expect(isAppUrl('data:text/html,hi', built)).toBe(false);
    expect(isAppUrl('not a url', built)).toBe(false);
    expect(isAppUrl('', built)).toBe(false);
  });

  it('accepts any page of the dev server origin and nothing else', () => {
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html#/cost', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(pathToFileURL(indexFile).href, dev)).toBe(false);
  });
});
