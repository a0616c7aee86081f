// The sandboxed preload: exposes `window.parley` with exactly the contract's channels. Requests
// are checked against the contract's zod schemas before they leave the page; events are passed on
// by name, payload only (the page never sees Electron's event object or ipcRenderer).
import { contextBridge, ipcRenderer } from 'electron';
import { config as zodConfig } from 'zod';
import type { EventName, RequestChannel, RequestReply } from '../../src-shared/contract';
import { requestSchemas } from '../../src-shared/contract';
import { isEventName, isRequestChannel } from '../../src-shared/contract/channels';
import { formatPath } from '../../src-shared/sweep';
import { IPC_CHANNELS } from './ipc-protocol';
import type { SaveEncoding, SaveFileResult } from './ipc-protocol';

// The page's CSP forbids eval; zod would otherwise probe `new Function` (a CSP violation report).
zodConfig({ jitless: true });

type Listener = (payload: unknown) => void;
const listeners = new Map<EventName, Set<Listener>>();

ipcRenderer.on(
  IPC_CHANNELS.event,
  (_event, message: { event?: unknown; payload?: unknown } | null) => {
    if (!message || !isEventName(message.event)) return;
    listeners.get(message.event)?.forEach((listener) => listener(message.payload));
  },
);

async function invoke(channel: RequestChannel, args: unknown): Promise<RequestReply> {
  if (!isRequestChannel(channel))
    return { ok: false, error: { message: `"${String(channel)}" is not a contract channel` } };
  const parsed = requestSchemas[channel].safeParse(args ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    }));
    return {
      ok: false,
      error: {
        message: `invalid arguments for "${channel}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      },
    };
  }
  return (await ipcRenderer.invoke(IPC_CHANNELS.invoke, channel, parsed.data)) as RequestReply;
}

function on(event: EventName, listener: Listener): () => void {
  if (!isEventName(event)) throw new Error(`"${String(event)}" is not a contract event`);
  if (typeof listener !== 'function') throw new Error('on(event, listener) needs a function');
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Opens the native save dialog; binary content (PDF, PNG) comes as base64 and is decoded in main. */
async function saveFile(
  suggestedName: string,
  content: string,
  options?: { encoding?: SaveEncoding },
): Promise<SaveFileResult> {
  const encoding: SaveEncoding = options?.encoding === 'base64' ? 'base64' : 'utf8';
  return (await ipcRenderer.invoke(
    IPC_CHANNELS.saveFile,
    String(suggestedName),
    String(content),
    encoding,
  )) as SaveFileResult;
}

contextBridge.exposeInMainWorld('parley', { invoke, on, saveFile });
