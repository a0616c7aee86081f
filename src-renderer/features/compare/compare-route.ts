// The comparison's deep link: #/compare?a=<sweep>&ao=<order>&af=<focal>&b=..&bo=..&bf=..
// &metric=..&cell=<focalKey>@<level>&tag=..&pair=<gameA>,<gameB>. Unknown values are dropped.
import { COMPARE_METRICS } from '../../../src-shared/contract';
import type { CompareMetric, CompareSide } from '../../../src-shared/contract';
import { ORDERS } from '../../../src-shared/planned-game';
import type { Order } from '../../../src-shared/planned-game';

export interface CompareCellRef {
  focalKey: string;
  level: number;
}

export interface CompareRoute {
  screen: 'compare';
  a: CompareSide | null;
  b: CompareSide | null;
  metric: CompareMetric;
  cell: CompareCellRef | null;
  tag: string | null;
  /** The pair open side by side: game ids of A and B. */
  pair: { a: string; b: string } | null;
}

const isOrder = (v: string | null): v is Order =>
  v !== null && (ORDERS as readonly string[]).includes(v);
const isMetric = (v: string | null): v is CompareMetric =>
  v !== null && (COMPARE_METRICS as readonly string[]).includes(v);

function side(params: URLSearchParams, name: 'a' | 'b'): CompareSide | null {
  const sweepId = params.get(name);
  if (!sweepId) return null;
  const order = params.get(`${name}o`);
  const focalId = params.get(`${name}f`);
  return {
    sweepId,
    ...(isOrder(order) ? { order } : {}),
    ...(focalId ? { focalId } : {}),
  };
}

function cell(raw: string | null): CompareCellRef | null {
  if (!raw) return null;
  const at = raw.lastIndexOf('@');
  if (at <= 0) return null;
  const level = Number(raw.slice(at + 1));
  return Number.isFinite(level) ? { focalKey: raw.slice(0, at), level } : null;
}

export function parseCompare(params: URLSearchParams): CompareRoute {
  const metric = params.get('metric');
  const pair = params.get('pair')?.split(',') ?? [];
  return {
    screen: 'compare',
    a: side(params, 'a'),
    b: side(params, 'b'),
    metric: isMetric(metric) ? metric : 'utility_focal',
    cell: cell(params.get('cell')),
    tag: params.get('tag') || null,
    pair: pair.length === 2 && pair[0] && pair[1] ? { a: pair[0], b: pair[1] } : null,
  };
}

export function formatCompare(route: CompareRoute): string {
  const params = new URLSearchParams();
  for (const name of ['a', 'b'] as const) {
    const s = route[name];
    if (!s) continue;
    params.set(name, s.sweepId);
    if (s.order) params.set(`${name}o`, s.order);
    if (s.focalId) params.set(`${name}f`, s.focalId);
  }
  if (route.metric !== 'utility_focal') params.set('metric', route.metric);
  if (route.cell) params.set('cell', `${route.cell.focalKey}@${route.cell.level}`);
  if (route.tag) params.set('tag', route.tag);
  if (route.pair) params.set('pair', `${route.pair.a},${route.pair.b}`);
  const qs = params.toString();
  return `#/compare${qs ? `?${qs}` : ''}`;
}
