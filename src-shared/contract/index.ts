// The one typed API between the UI and the engine (DESIGN 2), merged from one file per domain
// (app, sweeps, games, results, models, keys), each pairing every request with its zod argument
// and result schemas and every event with its payload schema. Transports validate arguments with
// `requestSchemas` on the host side and results and events with `resultSchemas` and
// `eventSchemas` when they arrive in the renderer. The channel names alone live in channels.ts.
import type { z } from 'zod';
import type { SweepIssue } from '../sweep';
import { appRequests } from './app';
import { bargainRequests } from './bargain';
import type { EventName, RequestChannel } from './channels';
import { compareRequests } from './compare';
import { deliberationRequests } from './deliberation';
import { gameEvents, gameRequests } from './games';
import { keyEvents, keyRequests } from './keys';
import { modelRequests } from './models';
import { resultRequests } from './results';
import { sweepEvents, sweepRequests } from './sweeps';

export { EVENT_NAMES, REQUEST_CHANNELS, isEventName, isRequestChannel } from './channels';
export type { EventName, RequestChannel } from './channels';
export * from './app';
export * from './bargain';
export * from './common';
export * from './compare';
export * from './deliberation';
export * from './games';
export * from './keys';
export * from './models';
export * from './results';
export * from './sweeps';

type Entry = { args: z.ZodType; result: z.ZodType };

/** Merges domain tables; a channel (or event) declared by two domains is a programming error. */
function merge<T extends Record<string, unknown>>(...domains: T[]): T {
  const out: Record<string, unknown> = {};
  for (const domain of domains) {
    for (const [name, entry] of Object.entries(domain)) {
      if (name in out) throw new Error(`contract: "${name}" is declared twice`);
      out[name] = entry;
    }
  }
  return out as T;
}

const requests = merge<Record<string, Entry>>(
  appRequests,
  sweepRequests,
  gameRequests,
  resultRequests,
  modelRequests,
  keyRequests,
  compareRequests,
  bargainRequests,
  deliberationRequests,
) as typeof appRequests &
  typeof sweepRequests &
  typeof gameRequests &
  typeof resultRequests &
  typeof modelRequests &
  typeof keyRequests &
  typeof compareRequests &
  typeof bargainRequests &
  typeof deliberationRequests;

const events = merge<Record<string, z.ZodType>>(
  sweepEvents,
  gameEvents,
  keyEvents,
) as typeof sweepEvents & typeof gameEvents & typeof keyEvents;

/** Every request channel with its argument and result schemas. */
export const contract = requests satisfies Record<RequestChannel, Entry>;

/** Argument schemas, validated by the host on every transport. */
export const requestSchemas = Object.fromEntries(
  Object.entries(contract).map(([c, e]) => [c, e.args]),
) as { [C in RequestChannel]: (typeof contract)[C]['args'] };

/** Result schemas, validated by the renderer when an answer arrives. */
export const resultSchemas = Object.fromEntries(
  Object.entries(contract).map(([c, e]) => [c, e.result]),
) as { [C in RequestChannel]: (typeof contract)[C]['result'] };

/** Event payload schemas, validated by the renderer when an event arrives. */
export const eventSchemas = events satisfies Record<EventName, z.ZodType>;

/** Arguments as a caller writes them (defaults optional). */
export type RequestArgs<C extends RequestChannel> = z.input<(typeof contract)[C]['args']>;
/** Arguments as a handler receives them (defaults filled). */
export type ParsedArgs<C extends RequestChannel> = z.output<(typeof contract)[C]['args']>;
/** The result type of every request. */
export type RequestResults = { [C in RequestChannel]: z.output<(typeof contract)[C]['result']> };
/** Payloads of the events the host pushes. */
export type EventPayloads = { [E in EventName]: z.output<(typeof eventSchemas)[E]> };

/** One pushed event, as every transport delivers it. */
export type HostEvent = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];

/** How a failed request is reported across a transport. */
export interface ContractError {
  message: string;
  /** Field problems when the arguments did not validate. */
  issues?: SweepIssue[];
}

/** A request's answer as transports carry it (the preload and the WebSocket both use it). */
export type RequestReply<T = unknown> =
  { ok: true; result: T } | { ok: false; error: ContractError };

/** The client side of the contract, implemented by every transport. */
export interface ClientAPI {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<RequestResults[C]>;
  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
