import { app, session, shell, type WebContents } from 'electron';

/** Links to the web open in the user's browser; no other scheme leaves the app. */
function openInBrowser(url: string): void {
  try {
    if (new URL(url).protocol === 'https:') void shell.openExternal(url);
  } catch {
    // Not a URL: nothing to open.
  }
}

function guardContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openInBrowser(event.url);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}

/**
 * Locks down every web contents Opsdeck ever creates: the renderer only talks
 * to the host through the preload bridge and never gains browser permissions.
 * Call once the app is ready and before any window exists.
 */
export function applySecurityPolicy(isAppUrl: (url: string) => boolean, devServerUrl?: string): void {
  const ses = session.defaultSession;
  // The renderer's meta tag carries the same policy; the header adds frame-ancestors,
  // which only works as a header, and covers pages served by the dev server.
  // Written out in full so scripts/electronegativity.mjs can evaluate it.
  ses.webRequest.onHeadersReceived((details, callback) => {
    // The dev server's page needs React's inline refresh preamble; its own meta
    // policy (relaxed only in development by electron.vite.config.ts) governs it.
    if (devServerUrl && details.url.startsWith(devServerUrl)) return callback({});
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [
          "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
        ],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isAppUrl));
}
