// The one window, and the guards every web contents gets: no navigation away from the app, no
// new windows (http(s) links go to the system browser), no webviews.
import { BrowserWindow, shell } from 'electron';
import type { WebContents } from 'electron';
import { isAppUrl, isExternalUrlAllowed, PRODUCT_NAME, WEB_PREFERENCES } from './policy';

export interface WindowOptions {
  preload: string;
  /** parley://app/index.html, or the dev server during `npm run dev`. */
  url: string;
  devServerUrl?: string;
}

function openExternally(url: string): void {
  if (isExternalUrlAllowed(url)) void shell.openExternal(url);
}

/** Applied to every web contents the app creates (see app.on('web-contents-created')). */
export function guardWebContents(contents: WebContents, devServerUrl?: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, devServerUrl)) return;
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: '#ffffff',
    webPreferences: { ...WEB_PREFERENCES, preload: opts.preload },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(opts.url);
  return win;
}
