// Hash routes, so deep links (a sweep, a cell, a game) work in the browser and survive reload:
// #/design, #/runs, #/results/<sweepId>?metric=..&cap=..&cell=<focalId>@<level>,
// #/transcripts/<gameId>?sweep=<sweepId>&turn=<seq>&q=<words>, #/transcripts?sweep=<id>&search=<words>,
// #/models, #/compare?a=..&b=.. (compare-route.ts).
import { ALL_RESULT_METRICS } from '../../src-shared/contract';
import type { ResultMetric } from '../../src-shared/contract';
import type { CompareRoute } from '../features/compare/compare-route';
import { formatCompare, parseCompare } from '../features/compare/compare-route';

export interface ResultsCell {
  focalId: string;
  level: number;
}

export type Route =
  | { screen: 'design' }
  | { screen: 'runs' }
  | {
      screen: 'results';
      sweepId: string | null;
      metric: ResultMetric;
      capabilityMetric: string | null;
      cell: ResultsCell | null;
    }
  | {
      screen: 'transcripts';
      gameId: string | null;
      sweepId: string | null;
      /** The turn (seq) to open the game at, e.g. a search hit. */
      turn?: number | null;
      /** Words to mark in the open game (from a search). */
      q?: string | null;
      /** Without a game: the search across every transcript, with these words. */
      search?: string | null;
    }
  | { screen: 'models' }
  | CompareRoute;

export type Screen = Route['screen'];

export const SCREENS: { screen: Screen; label: string; key: string }[] = [
  { screen: 'design', label: 'Design', key: '1' },
  { screen: 'runs', label: 'Runs', key: '2' },
  { screen: 'results', label: 'Results', key: '3' },
  { screen: 'transcripts', label: 'Transcripts', key: '4' },
  { screen: 'models', label: 'Models & Keys', key: '5' },
  { screen: 'compare', label: 'Compare', key: '6' },
];

/** Any metric of the vocabulary (the host says when the sweep's game has none of that name). */
const isMetric = (v: string | null): v is ResultMetric =>
  v !== null && (ALL_RESULT_METRICS as readonly string[]).includes(v);

function parseCell(raw: string | null): ResultsCell | null {
  if (!raw) return null;
  const at = raw.lastIndexOf('@');
  if (at <= 0) return null;
  const level = Number(raw.slice(at + 1));
  return Number.isFinite(level) ? { focalId: raw.slice(0, at), level } : null;
}

/** Parses `location.hash`; anything unknown lands on the runs monitor. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const path = (q >= 0 ? body.slice(0, q) : body)
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  const params = new URLSearchParams(q >= 0 ? body.slice(q + 1) : '');
  switch (path[0]) {
    case 'design':
      return { screen: 'design' };
    case 'models':
      return { screen: 'models' };
    case 'results': {
      const metric = params.get('metric');
      return {
        screen: 'results',
        sweepId: path[1] ?? null,
        metric: isMetric(metric) ? metric : 'utility_focal',
        capabilityMetric: params.get('cap'),
        cell: parseCell(params.get('cell')),
      };
    }
    case 'transcripts': {
      const route: Route = {
        screen: 'transcripts',
        gameId: path[1] ?? null,
        sweepId: params.get('sweep'),
      };
      const turn = Number(params.get('turn') ?? 'x');
      if (Number.isInteger(turn)) route.turn = turn;
      if (params.get('q')) route.q = params.get('q');
      if (params.get('search') !== null) route.search = params.get('search');
      return route;
    }
    case 'compare':
      return parseCompare(params);
    default:
      return { screen: 'runs' };
  }
}

export function formatHash(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.screen) {
    case 'results': {
      if (!route.sweepId) return '#/results';
      const params = new URLSearchParams();
      if (route.metric !== 'utility_focal') params.set('metric', route.metric);
      if (route.capabilityMetric) params.set('cap', route.capabilityMetric);
      if (route.cell) params.set('cell', `${route.cell.focalId}@${route.cell.level}`);
      const qs = params.toString();
      return `#/results/${enc(route.sweepId)}${qs ? `?${qs}` : ''}`;
    }
    case 'transcripts': {
      const params = new URLSearchParams();
      if (route.sweepId) params.set('sweep', route.sweepId);
      if (route.gameId) {
        if (route.turn !== undefined && route.turn !== null) params.set('turn', String(route.turn));
        if (route.q) params.set('q', route.q);
      } else if (route.search !== undefined && route.search !== null) {
        params.set('search', route.search);
      }
      const qs = params.toString();
      const path = route.gameId ? `#/transcripts/${enc(route.gameId)}` : '#/transcripts';
      return `${path}${qs ? `?${qs}` : ''}`;
    }
    case 'compare':
      return formatCompare(route);
    default:
      return `#/${route.screen}`;
  }
}

/** The route a nav tab opens, keeping the current sweep where it makes sense. */
export function screenRoute(screen: Screen, sweepId: string | null): Route {
  switch (screen) {
    case 'results':
      return { screen, sweepId, metric: 'utility_focal', capabilityMetric: null, cell: null };
    case 'transcripts':
      return { screen, gameId: null, sweepId };
    case 'compare':
      return parseCompare(new URLSearchParams(sweepId ? { a: sweepId } : {}));
    default:
      return { screen };
  }
}
