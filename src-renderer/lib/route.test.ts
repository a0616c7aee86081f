import { describe, expect, it } from 'vitest';
import { formatHash, parseHash } from './route';
import type { Route } from './route';

describe('hash routes', () => {
  it('parses every screen, with defaults for missing parameters', () => {
    expect(parseHash('')).toEqual({ screen: 'runs' });
    expect(parseHash('#/nonsense')).toEqual({ screen: 'runs' });
    expect(parseHash('#/design')).toEqual({ screen: 'design' });
    expect(parseHash('#/models')).toEqual({ screen: 'models' });
    expect(parseHash('#/results')).toEqual({
      screen: 'results',
      sweepId: null,
      metric: 'utility_focal',
      capabilityMetric: null,
      cell: null,
    });
    expect(parseHash('#/results/abc?metric=deal&cap=arena_elo&cell=br-0.3%400.25')).toEqual({
      screen: 'results',
      sweepId: 'abc',
      metric: 'deal',
      capabilityMetric: 'arena_elo',
      cell: { focalId: 'br-0.3', level: 0.25 },
    });
    expect(parseHash('#/results/abc?metric=bogus&cell=nolevel')).toMatchObject({
      metric: 'utility_focal',
      cell: null,
    });
    expect(parseHash('#/transcripts/g1?sweep=s1')).toEqual({
      screen: 'transcripts',
      gameId: 'g1',
      sweepId: 's1',
    });
  });

  it('round-trips deep links, including ids with reserved characters', () => {
    const routes: Route[] = [
      {
        screen: 'results',
        sweepId: 's/1',
        metric: 'round',
        capabilityMetric: 'mmlu',
        cell: { focalId: 'openai/gpt@x', level: 0.5 },
      },
      {
        screen: 'results',
        sweepId: 's1',
        metric: 'utility_focal',
        capabilityMetric: null,
        cell: null,
      },
      { screen: 'transcripts', gameId: 'g 1', sweepId: 's1' },
      { screen: 'transcripts', gameId: null, sweepId: null },
      { screen: 'design' },
    ];
    for (const route of routes) expect(parseHash(formatHash(route))).toEqual(route);
    expect(formatHash(routes[1])).toBe('#/results/s1');
  });
});
