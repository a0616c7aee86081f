// ClientAPI over Electron IPC: the preload's `window.parley` bridge (contract channels only).
import type {
  ClientAPI,
  EventName,
  EventPayloads,
  RequestChannel,
  RequestReply,
} from '../../src-shared/contract';
import { RequestFailed } from './errors';

/** What src-main/electron/preload.ts exposes as `window.parley`. */
export interface ParleyBridge {
  invoke(channel: RequestChannel, args: unknown): Promise<RequestReply>;
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** base64 content (PDF, PNG) is decoded by the desktop shell before it writes the file. */
  saveFile(
    suggestedName: string,
    content: string,
    options?: { encoding?: 'utf8' | 'base64' },
  ): Promise<{ saved: boolean; path: string | null }>;
}

export function ipcClient(bridge: ParleyBridge): ClientAPI {
  return {
    async invoke(channel, args) {
      const reply = await bridge.invoke(channel, args);
      if (!reply.ok) throw new RequestFailed(channel, reply.error);
      return reply.result as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
