import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the renderer is loaded from: the dev server while developing, the built index.html otherwise. */
export type RendererSource = { devServerUrl: string } | { indexFile: string };

/**
 * Whether a URL is Opsdeck's own renderer. IPC senders and navigations are
 * trusted only when this holds; the hash and query are the renderer's own business.
 */
export function isAppUrl(url: string, source: RendererSource): boolean {
  try {
    const parsed = new URL(url);
    if ('devServerUrl' in source) return parsed.origin === new URL(source.devServerUrl).origin;
    return parsed.protocol === 'file:' && path.resolve(fileURLToPath(parsed)) === path.resolve(source.indexFile);
  } catch {
    return false;
  }
}
