// The names of every contract request and event, with no other imports: the sandboxed preload
// and the renderer use this list to refuse anything outside the contract without pulling in zod.

/** Every request channel of the contract (see contract.ts for arguments and results). */
export const REQUEST_CHANNELS = [
  'app:info',
  'sweeps:list',
  'sweeps:get',
  'sweeps:validate',
  'sweeps:create',
  'sweeps:pause',
  'sweeps:resume',
  'sweeps:cancel',
  'sweeps:retryFailed',
  'sweeps:demo',
  'games:list',
  'games:transcript',
  'games:catalog',
  'games:search',
  'games:deliberation',
  'results:grid',
  'results:exportFigure',
  'results:bargainFigures',
  'results:leaks',
  'models:list',
  'models:save',
  'keys:status',
  'keys:set',
  'keys:allowHost',
  'keys:test',
  'compare:grid',
  'compare:pairs',
  'annotations:get',
  'annotations:setTags',
  'annotations:setNote',
  'annotations:tags',
] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** Every event the host pushes to the UI. */
export const EVENT_NAMES = [
  'jobs:progress',
  'games:status',
  'games:turn',
  'provider:status',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

const requestSet: ReadonlySet<string> = new Set(REQUEST_CHANNELS);
const eventSet: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && requestSet.has(name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && eventSet.has(name);
}
