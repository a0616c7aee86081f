// The few things that differ between the desktop app and the browser, chosen once at start-up.
import type { ClientAPI } from '../../src-shared/contract';
import type { ParleyBridge } from './ipc-transport';
import { ipcClient } from './ipc-transport';
import type { ConnectionState } from './ws-transport';
import { connectSocket, takeTokenFromLocation } from './ws-transport';
import { validated } from './validated';

export interface SaveOptions {
  /** 'base64' for binary files (PDF, PNG): decoded to bytes before they are written. Default utf8. */
  encoding?: 'utf8' | 'base64';
  /** The download's type in the browser; guessed from the file name when omitted. */
  mime?: string;
}

export interface SaveResult {
  saved: boolean;
  path: string | null;
}

export interface Platform {
  api: ClientAPI;
  mode: 'desktop' | 'web';
  /**
   * Saves a file: the native dialog on desktop (`saved: false` when the user cancelled; `path`
   * where it went), a download in the browser (the browser decides where: `path` is null).
   */
  saveFile(suggestedName: string, content: string, options?: SaveOptions): Promise<SaveResult>;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    parley?: ParleyBridge;
  }
}

const MIME_BY_EXTENSION: Record<string, string> = {
  json: 'application/json',
  csv: 'text/csv',
  tex: 'application/x-tex',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  png: 'image/png',
  txt: 'text/plain',
  md: 'text/markdown',
};

/** The file's content as a Blob of the right type: base64 is decoded to its bytes. */
export function fileBlob(name: string, content: string, options: SaveOptions = {}): Blob {
  const type =
    options.mime ??
    MIME_BY_EXTENSION[name.split('.').pop()?.toLowerCase() ?? ''] ??
    'application/octet-stream';
  if (options.encoding !== 'base64') return new Blob([content], { type });
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

function download(name: string, content: string, options?: SaveOptions): Promise<SaveResult> {
  const url = URL.createObjectURL(fileBlob(name, content, options));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return Promise.resolve({ saved: true, path: null });
}

export function createPlatform(win: Window): Platform {
  const bridge = win.parley;
  if (bridge) {
    return {
      api: validated(ipcClient(bridge)),
      mode: 'desktop',
      saveFile: (name, content, options) =>
        bridge.saveFile(name, content, { encoding: options?.encoding ?? 'utf8' }),
      onConnection: (listener) => {
        listener('open');
        return () => undefined;
      },
    };
  }
  const token = takeTokenFromLocation(win.location, win.history);
  const wsUrl = `ws://${win.location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const socket = connectSocket(wsUrl);
  return {
    api: validated(socket),
    mode: 'web',
    saveFile: download,
    onConnection: (l) => socket.onState(l),
  };
}
