import { describe, expect, it } from 'vitest';
import type {
  ClientAPI,
  EventName,
  EventPayloads,
  RequestChannel,
  SweepProgress,
  SweepSummary,
} from '../../src-shared/contract';
import { RequestFailed } from '../api/errors';
import { connectEvents, createAppStore } from './app-store';

type Handlers = Partial<Record<RequestChannel, (args: any) => unknown>>;

function fakeApi(handlers: Handlers) {
  const calls: [RequestChannel, unknown][] = [];
  const listeners = new Map<EventName, Set<(p: unknown) => void>>();
  const api: ClientAPI = {
    invoke(channel, args) {
      calls.push([channel, args]);
      const h = handlers[channel];
      if (!h) return Promise.reject(new Error(`unexpected ${channel}`));
      try {
        return Promise.resolve(h(args)) as never;
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]) =>
    listeners.get(event)?.forEach((l) => l(payload));
  return { api, calls, emit };
}

const progress = (sweepId: string, finished: number, total = 4): SweepProgress => ({
  sweepId,
  counts: { queued: total - finished, running: 0, paused: 0, finished, failed: 0, cancelled: 0 },
  total,
  done: finished,
  ratePerSec: null,
  etaSec: null,
  tokens: 0,
  costUsd: 0,
  pausedReasons: [],
  failedReasons: [],
});
const summary = (id: string, finished: number): SweepSummary => ({
  id,
  name: id,
  status: 'active',
  createdAt: '2025-01-01',
  kind: 'item-allocation',
  progress: progress(id, finished),
});

describe('app store', () => {
  it('keeps sweeps current from progress events, reloading when an unknown sweep reports', async () => {
    let list = [summary('s1', 0)];
    const { api, calls, emit } = fakeApi({ 'sweeps:list': () => list });
    const store = createAppStore({ api, writeHash: () => undefined });
    connectEvents(api, store);
    await store.getState().loadSweeps();
    emit('jobs:progress', progress('s1', 3));
    expect(store.getState().sweeps).toEqual({ state: 'ready', value: [summary('s1', 3)] });
    list = [summary('s1', 3), summary('s2', 1)];
    emit('jobs:progress', progress('s2', 1));
    await Promise.resolve();
    await Promise.resolve();
    expect(calls.filter(([c]) => c === 'sweeps:list')).toHaveLength(2);
    expect(store.getState().sweeps).toEqual({ state: 'ready', value: list });
  });

  it('writes routes to the address bar and follows it back', () => {
    const hashes: string[] = [];
    const { api } = fakeApi({});
    const store = createAppStore({ api, writeHash: (h) => hashes.push(h) });
    store.getState().navigate({
      screen: 'results',
      sweepId: 's1',
      metric: 'deal_rate',
      capabilityMetric: null,
      cell: { focalId: 'a', level: 0.5 },
    });
    expect(hashes).toEqual(['#/results/s1?metric=deal_rate&cell=a%400.5']);
    store.getState().syncFromHash('#/transcripts/g9');
    expect(store.getState().route).toEqual({ screen: 'transcripts', gameId: 'g9', sweepId: null });
  });

  it('shows launch problems at their fields instead of a generic error', async () => {
    const issues = [{ path: 'lineup.baseline', message: 'pick a baseline' }];
    const { api } = fakeApi({
      'sweeps:create': () => {
        throw new RequestFailed('sweeps:create', { message: 'the sweep has problems', issues });
      },
    });
    const store = createAppStore({ api, writeHash: () => undefined });
    expect(await store.getState().launch()).toBeNull();
    expect(store.getState().validation).toEqual({ state: 'done', result: { ok: false, issues } });
    expect(store.getState().notice).toBeNull();
  });

  it('drops a validation answer that arrives after a newer one was asked for', async () => {
    const resolvers: ((v: unknown) => void)[] = [];
    const { api } = fakeApi({ 'sweeps:validate': () => new Promise((r) => resolvers.push(r)) });
    const store = createAppStore({ api, writeHash: () => undefined });
    const first = store.getState().validate();
    const second = store.getState().validate();
    resolvers[1]({ ok: true, sweepId: 'new', games: 4, cells: 2, warnings: [] });
    await second;
    resolvers[0]({ ok: true, sweepId: 'old', games: 1, cells: 1, warnings: [] });
    await first;
    expect(store.getState().validation).toEqual({
      state: 'done',
      result: { ok: true, sweepId: 'new', games: 4, cells: 2, warnings: [] },
    });
  });

  it('appends live turns to the open transcript only', async () => {
    const base = {
      seq: 1,
      round: 1,
      phase: 'discussion' as const,
      pass: 0,
      agent: 0,
      attempt: 0,
      visibility: 'public' as const,
      text: 'hi',
      action: null,
      status: 'ok' as const,
    };
    const { api, emit } = fakeApi({
      'games:transcript': ({ gameId }: { gameId: string }) => ({
        game: { id: gameId },
        turns: [base],
      }),
    });
    const store = createAppStore({ api, writeHash: () => undefined });
    connectEvents(api, store);
    await store.getState().loadTranscript('g1');
    const { seq: _seq, ...turn } = { ...base, text: 'next' };
    emit('games:turn', { gameId: 'other', turn });
    emit('games:turn', { gameId: 'g1', turn });
    const t = store.getState().transcript;
    expect(t.state === 'ready' && t.value.turns.map((x) => [x.seq, x.text])).toEqual([
      [1, 'hi'],
      [2, 'next'],
    ]);
  });

  it('sends a key to the host and keeps only the status it returns', async () => {
    const { api, calls } = fakeApi({
      'keys:status': () => [{ provider: 'openai', status: 'missing', source: null, detail: null }],
      'keys:set': () => ({ provider: 'openai', status: 'set', source: 'keychain', detail: null }),
    });
    const store = createAppStore({ api, writeHash: () => undefined });
    await store.getState().loadKeys();
    expect(await store.getState().setKey('openai', 'sk-secret-123456')).toBeNull();
    expect(calls.at(-1)).toEqual(['keys:set', { provider: 'openai', key: 'sk-secret-123456' }]);
    expect(store.getState().keys).toEqual({
      state: 'ready',
      value: [{ provider: 'openai', status: 'set', source: 'keychain', detail: null }],
    });
    expect(JSON.stringify(store.getState())).not.toContain('sk-secret');
  });

  it("returns a refused model's problems by field and adds a saved one to the list", async () => {
    const view = {
      id: 'm',
      source: 'user',
      kind: 'llm',
      provider: 'openai',
      model: 'x',
      displayName: 'm',
      scores: {},
      prices: null,
      sources: ['user'],
      developer: null,
      reasoning: false,
      spec: {},
    };
    let isValid = false;
    const { api } = fakeApi({
      'models:list': () => [],
      'models:save': () => {
        if (!isValid)
          throw new RequestFailed('models:save', {
            message: 'invalid arguments',
            issues: [{ path: 'spec.model', message: 'required' }],
          });
        return view;
      },
    });
    const store = createAppStore({ api, writeHash: () => undefined });
    await store.getState().loadModels();
    expect(await store.getState().saveModel({ id: 'm' })).toEqual([
      { path: 'spec.model', message: 'required' },
    ]);
    isValid = true;
    expect(await store.getState().saveModel({ id: 'm', model: 'x' })).toBeNull();
    expect(store.getState().models).toEqual({ state: 'ready', value: [view] });
  });

  it('fills the designer with the demo sweep', async () => {
    const doc = {
      name: 'demo',
      game: { kind: 'item-allocation', params: { items: 4 } },
      participants: [],
      lineup: { mode: 'baseline', baseline: 'a', opponents: ['b'] },
      competition: { levels: [0, 1] },
      runs: { count: 2, baseSeed: 5 },
    };
    const { api } = fakeApi({ 'sweeps:demo': () => doc });
    const store = createAppStore({ api, writeHash: () => undefined });
    await store.getState().loadDemoForm();
    const form = store.getState().form;
    expect([
      form.name,
      form.params,
      form.levels,
      form.runs,
      form.baseSeed,
      form.participants.map((p) => [p.source, p.id, p.role]),
    ]).toEqual([
      'demo',
      { items: 4 },
      [0, 1],
      2,
      5,
      [
        ['registry', 'a', 'baseline'],
        ['registry', 'b', 'opponent'],
      ],
    ]);
  });
});
