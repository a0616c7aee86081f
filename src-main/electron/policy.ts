// The desktop shell's security settings as plain data, kept free of `electron` imports so a unit
// test under plain Node can assert them. main-window.ts and app-protocol.ts apply them.
import { contentSecurityPolicy } from '../web/security';

/** The renderer is served from this privileged custom scheme rather than file://. */
export const APP_SCHEME = 'parley';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const APP_ID = 'org.parley.workbench';
export const PRODUCT_NAME = 'Parley';

/**
 * BrowserWindow webPreferences (minus the preload path, which is only known at run time): an
 * isolated, sandboxed page with no Node, no webviews and no insecure content.
 */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
  safeDialogs: true,
} as const;

/** The production CSP: everything from the app's own origin; no inline script, no eval, no network. */
export const DESKTOP_CSP = contentSecurityPolicy(["'self'"]);

/**
 * Only for `npm run dev`: Vite's dev server injects an inline React-refresh preamble and talks
 * to its own HMR socket. Never applied to a packaged app.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const server = new URL(devServerUrl);
  return contentSecurityPolicy(["'self'", `ws://${server.host}`], {
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
  });
}

/** Headers every response to the renderer carries, besides the CSP. */
export const RESPONSE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** Links the app hands to the system browser: http(s) only, never file:, javascript:, custom schemes. */
export function isExternalUrlAllowed(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Whether `raw` belongs to the app itself (the custom scheme, or the dev server during `npm run dev`). */
export function isAppUrl(raw: string, devServerUrl?: string): boolean {
  try {
    const url = new URL(raw);
    if (url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST) return true;
    return devServerUrl !== undefined && url.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}

/** A plain file name for the save dialog (no folders, control or reserved characters); a default when nothing is left. */
export function safeFileName(suggested: string): string {
  const base = suggested.split(/[/\\]/).pop() ?? '';
  const name = Array.from(base, (ch) =>
    ch.charCodeAt(0) < 32 || '<>:"|?*'.includes(ch) ? '_' : ch,
  )
    .join('')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return name === '' ? 'parley-export.txt' : name;
}
