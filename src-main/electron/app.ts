// Desktop start-up: one sandboxed window on parley://app, the engine in a utility process, and
// main relaying contract requests and events between them. Main owns only windows, menus,
// dialogs and the relay; it validates who is asking and which channel, the engine validates args.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { HostEvent, RequestReply } from '../../src-shared/contract';
import { isRequestChannel } from '../../src-shared/contract/channels';
import { handleAppScheme, hardenSession, registerAppScheme } from './app-protocol';
import { EngineBridge } from './engine-bridge';
import { IPC_CHANNELS } from './ipc-protocol';
import { createMainWindow, guardWebContents } from './main-window';
import { buildAppMenu } from './menu';
import { APP_ORIGIN, APP_ID, DESKTOP_CSP, devContentSecurityPolicy, isAppUrl } from './policy';
import { saveWithDialog } from './save-file';
import { defaultDbPath } from '../store/paths';

export function startDesktopApp(): void {
  app.enableSandbox();
  registerAppScheme();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.setAppUserModelId(APP_ID);

  const outDir = join(import.meta.dirname, '..');
  // Only an unpackaged `npm run dev` may load the renderer from Vite's dev server.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  // The same database as the CLI and `parley serve` (PARLEY_DB, else the per-user data folder),
  // so sweeps started from a terminal show up in the app and the other way round.
  const dbPath = defaultDbPath();
  let win: BrowserWindow | null = null;

  const bridge = new EngineBridge({
    modulePath: join(import.meta.dirname, 'engine-process.js'),
    dbPath,
    onEvent: (event: HostEvent) => {
      if (win && !win.isDestroyed()) win.webContents.send(IPC_CHANNELS.event, event);
    },
    onFatal: (message) => dialog.showErrorBox('Parley cannot run its engine', message),
  });

  const isTrusted = (event: IpcMainInvokeEvent) =>
    win !== null &&
    event.sender === win.webContents &&
    isAppUrl(event.senderFrame?.url ?? '', devServerUrl);
  const refuse = (message: string): RequestReply => ({ ok: false, error: { message } });

  const openWindow = () => {
    win = createMainWindow({
      preload: join(outDir, 'preload', 'preload.cjs'),
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      devServerUrl,
    });
    win.on('closed', () => (win = null));
  };

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, devServerUrl));
  app.on('second-instance', () => {
    if (!app.isReady()) return;
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  void app.whenReady().then(() => {
    hardenSession(devServerUrl ? devContentSecurityPolicy(devServerUrl) : DESKTOP_CSP);
    handleAppScheme(join(outDir, 'renderer'));
    bridge.start();

    ipcMain.handle(
      IPC_CHANNELS.invoke,
      (event, channel: unknown, args: unknown): RequestReply | Promise<RequestReply> => {
        if (!isTrusted(event)) return refuse('request from an untrusted page');
        if (!isRequestChannel(channel)) return refuse(`unknown channel "${String(channel)}"`);
        return bridge.request(channel, args);
      },
    );
    ipcMain.handle(
      IPC_CHANNELS.saveFile,
      (event, name: unknown, content: unknown, encoding: unknown) => {
        if (!isTrusted(event)) throw new Error('request from an untrusted page');
        return saveWithDialog(win, name, content, encoding ?? 'utf8');
      },
    );

    Menu.setApplicationMenu(buildAppMenu(dbPath));
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  });

  app.on('window-all-closed', () => {
    // macOS keeps the app (and its running sweeps) alive until Quit, as users expect there.
    if (process.platform !== 'darwin') app.quit();
  });

  // Pause runs at their next turn and close the database before exiting.
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void bridge.stop().finally(() => {
      stopped = true;
      app.quit();
    });
  });
}
