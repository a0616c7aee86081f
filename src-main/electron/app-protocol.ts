// Serves the built renderer from parley://app/ instead of file://, so the page has a real origin,
// every response carries the CSP and security headers, and no other file on disk is reachable.
import { protocol, session } from 'electron';
import { loadStatic } from '../web/static-files';
import { APP_HOST, APP_SCHEME, DESKTOP_CSP, RESPONSE_HEADERS } from './policy';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const headers = { ...RESPONSE_HEADERS, 'Content-Security-Policy': DESKTOP_CSP };
    if (url.host !== APP_HOST || request.method !== 'GET')
      return new Response('Not found', { status: 404, headers });
    const file = await loadStatic(rendererDir, url.pathname);
    if (file.kind === 'refused') return new Response('Forbidden', { status: 403, headers });
    if (file.kind === 'missing') return new Response('Not found', { status: 404, headers });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { ...headers, 'Content-Type': file.type, 'Cache-Control': 'no-cache' },
    });
  });
}

/**
 * The same CSP as a response header on everything the default session loads (the dev server
 * during `npm run dev` included), and no permission (camera, notifications, ...) ever granted.
 */
export function hardenSession(csp: string): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [csp],
        'X-Content-Type-Options': ['nosniff'],
      },
    });
  });
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  ses.setPermissionCheckHandler(
    (_contents, permission) => permission === 'clipboard-sanitized-write',
  );
}
