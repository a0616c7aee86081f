// The runs screen rendered to markup with a real store: a sweep card says why its games are
// paused or failed, kept current by progress events.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClientAPI, SweepProgress, SweepSummary } from '../../../src-shared/contract';
import type { Platform } from '../../api/platform';
import { createAppStore } from '../../state/app-store';
import { PlatformContext, StoreContext } from '../../state/hooks';
import { RunsScreen } from './RunsScreen';

const api: ClientAPI = {
  invoke: () => Promise.reject(new Error('offline')),
  on: () => () => undefined,
};
const platform: Platform = {
  api,
  mode: 'web',
  saveFile: () => Promise.resolve({ saved: true, path: null }),
  onConnection: () => () => undefined,
};

const NO_KEY =
  'auth: no API key for anthropic (model claude-x): run `parley keys set anthropic` or set ANTHROPIC_API_KEY, then resume';

const progress = (extra: Partial<SweepProgress>): SweepProgress => ({
  sweepId: 's1',
  counts: { queued: 2, running: 0, paused: 0, finished: 3, failed: 0, cancelled: 0 },
  total: 5,
  done: 3,
  ratePerSec: null,
  etaSec: null,
  tokens: 0,
  costUsd: 0,
  pausedReasons: [],
  failedReasons: [],
  ...extra,
});

const sweep = (status: SweepSummary['status'], p: SweepProgress): SweepSummary => ({
  id: 's1',
  name: 'llm sweep',
  status,
  createdAt: '2025-01-01T00:00:00Z',
  kind: 'item-allocation',
  progress: p,
});

/** The runs screen over a store holding `sweeps`, after `then` ran on it (e.g. a progress event). */
function render(
  sweeps: SweepSummary[],
  then: (store: ReturnType<typeof createAppStore>) => void = () => undefined,
): string {
  const store = createAppStore({ api, writeHash: () => undefined });
  store.setState({ sweeps: { state: 'ready', value: sweeps } });
  then(store);
  // Server rendering reads the store's initial state: make the current state the initial one.
  const state = store.getState();
  store.getInitialState = () => state;
  return renderToStaticMarkup(
    <PlatformContext.Provider value={platform}>
      <StoreContext.Provider value={store}>
        <RunsScreen />
      </StoreContext.Provider>
    </PlatformContext.Provider>,
  );
}

/** The reasons list of the rendered card, or null when it shows none. */
const reasons = (html: string) => /<ul class="reasons"[^>]*>.*?<\/ul>/.exec(html)?.[0] ?? null;
/** The text of each reason line. */
const lines = (html: string) =>
  [...html.matchAll(/<li [^>]*>(.*?)<\/li>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, '').replaceAll('&amp;', '&'),
  );

describe('runs screen: why games are paused or failed', () => {
  it('lists each pause reason and error with its count and what to do, from a progress event', () => {
    const counts = { queued: 0, running: 0, paused: 4, finished: 3, failed: 1, cancelled: 0 };
    const live = progress({
      counts,
      total: 8,
      done: 4,
      pausedReasons: [
        { reason: NO_KEY, count: 2 },
        { reason: 'cancelled by the user', count: 1 },
      ],
      failedReasons: [{ reason: 'provider returned HTTP 500', count: 1 }],
    });
    const html = render([sweep('paused', progress({}))], (store) =>
      store.getState().applyProgress(live),
    );
    const list = reasons(html);
    expect(list).not.toBeNull();
    expect(lines(list ?? '')).toEqual([
      '2 paused — auth: no API key for anthropic (model claude-x): run parley keys set anthropic or set ANTHROPIC_API_KEY, then resume Store the key under Models & Keys, then Resume.',
      '1 paused — cancelled by the user Stopped by Pause: Resume continues them from their last turn.',
      '1 paused — for other reasons (open Transcripts to see each game).',
      '1 failed — provider returned HTTP 500',
    ]);
    expect(list).toContain(
      '<li class="reason reason-paused" data-testid="paused-reason"><span class="reason-count">2 paused</span><span class="muted"> — </span><span class="reason-text"><strong>auth</strong>: no API key for anthropic (model claude-x): run <code>parley keys set anthropic</code> or set ANTHROPIC_API_KEY, then resume</span> <span class="hint">Store the key under <button type="button" class="link">Models &amp; Keys</button>, then Resume.</span></li>',
    );
    expect(list).toContain(
      '<li class="reason reason-failed" data-testid="failed-reason"><span class="reason-count">1 failed</span><span class="muted"> — </span><span class="reason-text">provider returned HTTP 500</span></li>',
    );
  });

  it('says a missing key resumes on its own while the sweep is active, and shows no list without paused or failed games', () => {
    const waiting = progress({
      counts: { queued: 0, running: 0, paused: 2, finished: 3, failed: 0, cancelled: 0 },
      pausedReasons: [{ reason: NO_KEY, count: 2 }],
    });
    expect(lines(reasons(render([sweep('active', waiting)])) ?? '')).toEqual([
      '2 paused — auth: no API key for anthropic (model claude-x): run parley keys set anthropic or set ANTHROPIC_API_KEY, then resume Store the key under Models & Keys: the waiting games resume on their own.',
    ]);
    const html = render([sweep('active', progress({}))]);
    expect(html).toContain('data-testid="sweep-s1"');
    expect(reasons(html)).toBeNull();
  });
});

describe('runs screen: state and ETA', () => {
  const badge = (html: string) => /data-phase="([^"]+)"/.exec(html)?.[1];
  const eta = (html: string) => /data-testid="eta">([^<]*)</.exec(html)?.[1];
  const running = progress({
    counts: { queued: 3, running: 2, paused: 0, finished: 3, failed: 0, cancelled: 0 },
    total: 8,
    done: 3,
    ratePerSec: 0.5,
    etaSec: 75,
  });

  it('says pausing, not running, while the running games of a paused sweep finish their turn', () => {
    const html = render([sweep('paused', running)]);
    expect(badge(html)).toBe('pausing');
    expect(html).toContain('<span class="pill pill-pausing">pausing</span>');
    expect(eta(html)).toBe('–');
  });

  it('shows an ETA in one clock format only while the sweep runs', () => {
    expect(eta(render([sweep('active', running)]))).toBe('1:15');
    const stopped = { ...running, counts: { ...running.counts, running: 0 } };
    expect(badge(render([sweep('paused', stopped)]))).toBe('paused');
    expect(eta(render([sweep('paused', stopped)]))).toBe('–');
  });

  it('does not claim that the sweeps need no network', () => {
    expect(render([sweep('active', running)])).toContain('Providers: no problems reported.</p>');
    expect(render([sweep('active', running)])).not.toContain('need no network');
  });
});

describe('runs screen: batches in flight', () => {
  it('shows each endpoint’s batches next to the provider status', () => {
    const html = render([sweep('active', progress({}))], (store) => {
      store.getState().applyProvider({
        provider: 'openai',
        status: 'rate_limited',
        detail: 'concurrency cut to 2',
      });
      store.getState().applyProvider({
        provider: 'anthropic batch',
        status: 'batch',
        detail: 'claude-x: 2 batches in flight (37 requests), 3 collecting',
      });
    });
    const providers = /<ul class="providers"[^>]*>.*?<\/ul>/.exec(html)?.[0] ?? '';
    expect(providers).toBe(
      '<ul class="providers" aria-label="Provider status">' +
        '<li class="pill pill-rate_limited">openai: rate_limited (concurrency cut to 2)</li>' +
        '<li class="pill pill-batch">anthropic batch: claude-x: 2 batches in flight (37 requests), 3 collecting</li>' +
        '</ul>',
    );
  });
});
