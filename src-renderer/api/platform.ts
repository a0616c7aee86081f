// The few things that differ between the desktop app and the browser, chosen once at start-up.
import type { ClientAPI } from '../../src-shared/contract';
import type { ParleyBridge } from './ipc-transport';
import { ipcClient } from './ipc-transport';
import type { ConnectionState } from './ws-transport';
import { connectSocket, takeTokenFromLocation } from './ws-transport';

export interface Platform {
  api: ClientAPI;
  mode: 'desktop' | 'web';
  /** Saves text to a file: the native dialog on desktop, a download in the browser. */
  saveFile(suggestedName: string, content: string): Promise<void>;
  onConnection(listener: (state: ConnectionState) => void): () => void;
}

declare global {
  interface Window {
    parley?: ParleyBridge;
  }
}

function download(name: string, content: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return Promise.resolve();
}

export function createPlatform(win: Window): Platform {
  const bridge = win.parley;
  if (bridge) {
    return {
      api: ipcClient(bridge),
      mode: 'desktop',
      saveFile: async (name, content) => {
        await bridge.saveFile(name, content);
      },
      onConnection: (listener) => {
        listener('open');
        return () => undefined;
      },
    };
  }
  const token = takeTokenFromLocation(win.location, win.history);
  const wsUrl = `ws://${win.location.host}/ws${token ? `?token=${encodeURIComponent(token)}` : ''}`;
  const socket = connectSocket(wsUrl);
  return { api: socket, mode: 'web', saveFile: download, onConnection: (l) => socket.onState(l) };
}
