// ClientAPI over the `parley serve` WebSocket: {id, channel, args} -> {id, ok, result|error},
// events pushed as {event, payload}. Reconnects with backoff and reports its state.
import type {
  ClientAPI,
  EventName,
  EventPayloads,
  HostEvent,
  RequestReply,
} from '../../src-shared/contract';
import { isEventName, isRequestChannel } from '../../src-shared/contract/channels';
import { RequestFailed } from './errors';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface SocketClient extends ClientAPI {
  onState(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

interface Pending {
  channel: string;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

export function connectSocket(
  url: string,
  WebSocketImpl: typeof WebSocket = WebSocket,
): SocketClient {
  let socket: WebSocket;
  let nextId = 1;
  let retry = 0;
  let isClosed = false;
  let state: ConnectionState = 'connecting';
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const stateListeners = new Set<(s: ConnectionState) => void>();

  const setState = (s: ConnectionState) => {
    state = s;
    stateListeners.forEach((l) => l(s));
  };

  const open = () => {
    setState('connecting');
    socket = new WebSocketImpl(url);
    socket.onopen = () => {
      retry = 0;
      setState('open');
      queue.splice(0).forEach((m) => socket.send(m));
    };
    socket.onmessage = (msg) => {
      const data = JSON.parse(String(msg.data)) as (RequestReply & { id: number }) | HostEvent;
      if ('event' in data) {
        if (isEventName(data.event)) listeners.get(data.event)?.forEach((l) => l(data.payload));
        return;
      }
      const p = pending.get(data.id);
      if (!p) return;
      pending.delete(data.id);
      if (data.ok) p.resolve(data.result);
      else p.reject(new RequestFailed(p.channel, data.error));
    };
    socket.onclose = () => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(
          new Error(
            `the connection to Parley closed during "${p.channel}"; it will be retried when you act again`,
          ),
        );
      }
      if (isClosed) return setState('closed');
      setState('closed');
      retry = Math.min(retry + 1, 6);
      setTimeout(open, 250 * 2 ** retry);
    };
  };
  open();

  return {
    invoke(channel, args) {
      if (!isRequestChannel(channel))
        return Promise.reject(new Error(`"${String(channel)}" is not a contract channel`));
      const id = nextId++;
      const message = JSON.stringify({ id, channel, args });
      return new Promise((resolve, reject) => {
        pending.set(id, { channel, resolve: resolve as (v: unknown) => void, reject });
        if (state === 'open') socket.send(message);
        else queue.push(message);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      return () => set.delete(l);
    },
    onState(listener) {
      stateListeners.add(listener);
      listener(state);
      return () => stateListeners.delete(listener);
    },
    close() {
      isClosed = true;
      socket.close();
    },
  };
}

/** Reads the token from the address bar, then removes it so it is not bookmarked or shared. */
export function takeTokenFromLocation(loc: Location, history: History): string | null {
  const params = new URLSearchParams(loc.search);
  const token = params.get('token');
  if (token !== null) {
    params.delete('token');
    const qs = params.toString();
    history.replaceState(history.state, '', `${loc.pathname}${qs ? `?${qs}` : ''}${loc.hash}`);
  }
  return token;
}
