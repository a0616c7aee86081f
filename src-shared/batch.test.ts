import { describe, expect, it } from 'vitest';
import { batchSettingsOf, isBatched } from './batch';
import { parseSweep } from './sweep';

const base = {
  name: 'b',
  game: { kind: 'item-allocation' },
  participants: [],
  lineup: { mode: 'baseline', baseline: 'a', opponents: ['b'] },
  competition: { levels: [0.5] },
  runs: { count: 1 },
};

describe('sweep batch settings', () => {
  it('reads true as every batch-capable provider with the defaults', () => {
    const s = batchSettingsOf(true);
    expect(s).toEqual({
      sequential: 'wait',
      minRequests: 2,
      retry: 'batch',
      tickSeconds: 5,
      pollSeconds: 30,
    });
    expect(
      ['anthropic', 'openai', 'openrouter', 'local'].map((p) => isBatched(s, p as 'openai')),
    ).toEqual([true, true, false, false]);
    expect(batchSettingsOf(false)).toBeNull();
    expect(batchSettingsOf(undefined)).toBeNull();
    expect(isBatched(null, 'anthropic')).toBe(false);
  });

  it('batches only the providers named', () => {
    const s = batchSettingsOf({ providers: ['openai'], sequential: 'online' });
    expect(isBatched(s, 'openai')).toBe(true);
    expect(isBatched(s, 'anthropic')).toBe(false);
    expect(s?.sequential).toBe('online');
  });

  it('names the bad field of a sweep document', () => {
    const r = parseSweep({ ...base, batch: { tickSeconds: 0, retry: 'later' } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path).sort()).toEqual(['batch.retry', 'batch.tickSeconds']);
    expect(parseSweep({ ...base, batch: true }).ok).toBe(true);
  });
});
