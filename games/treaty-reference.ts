// Exact analysis references of the treaty with two agents. Utilities are separable and linear in
// each settlement a_k between the two ideals (outside them both agents lose), so the Pareto
// frontier is the fractional-knapsack chain: start at agent 1's ideal point and concede issues
// to agent 2 in decreasing order of w_2k / w_1k (issues agent 1 does not weigh first, issues
// agent 2 does not weigh never). It is concave and piecewise linear; its vertices settle every
// issue at one of the ideals, and NBS, welfare and Pareto gap are solved segment by segment.
import type { TreatyPrefs } from './treaty';
import type { ExactReference } from './types';

/** Undiscounted treaty utility: sum_k w_k (1 - |p_k - a_k|), i.e. 100 * sum_k (w_k/100)(...). */
export function treatyUtility(prefs: TreatyPrefs, agreement: readonly number[]): number {
  return prefs.positions.reduce(
    (sum, p, k) => sum + prefs.weights[k] * (1 - Math.abs(p - agreement[k])),
    0,
  );
}

/** A frontier vertex: the utility pair and the settlement that reaches it. */
export interface FrontierVertex {
  u: [number, number];
  agreement: number[];
}

/**
 * The Pareto frontier of two agents as vertices from agent 1's best to agent 2's best (u1
 * strictly decreasing, u2 strictly increasing); consecutive vertices differ in one issue, so
 * moving that issue linearly traces the segment between them. One vertex when no concession
 * trades utility between the agents.
 */
export function treatyFrontier(prefs: readonly TreatyPrefs[]): FrontierVertex[] {
  const [p1, p2] = prefs;
  const agreement = p1.positions.slice();
  const utilities = (a: readonly number[]): [number, number] => [
    treatyUtility(p1, a),
    treatyUtility(p2, a),
  ];
  const trades: { k: number; ratio: number }[] = [];
  p1.positions.forEach((x, k) => {
    if (x === p2.positions[k] || p2.weights[k] === 0) return;
    if (p1.weights[k] === 0)
      agreement[k] = p2.positions[k]; // a free gain for agent 2
    else trades.push({ k, ratio: p2.weights[k] / p1.weights[k] });
  });
  trades.sort((x, y) => y.ratio - x.ratio || x.k - y.k);
  const vertices: FrontierVertex[] = [{ u: utilities(agreement), agreement: agreement.slice() }];
  for (const { k } of trades) {
    agreement[k] = p2.positions[k];
    vertices.push({ u: utilities(agreement), agreement: agreement.slice() });
  }
  return vertices;
}

type Point = [number, number];

/** Points of the frontier polyline: each segment as (start, end). */
function segments(vertices: readonly FrontierVertex[]): [Point, Point][] {
  if (vertices.length === 1) return [[vertices[0].u, vertices[0].u]];
  return vertices.slice(1).map((v, i) => [vertices[i].u, v.u]);
}

const along = (s: Point, e: Point, t: number): Point => [
  s[0] + t * (e[0] - s[0]),
  s[1] + t * (e[1] - s[1]),
];

/** max of x * y over the segment: a concave quadratic in the segment parameter t. */
function bestProductOn(s: Point, e: Point): Point {
  const [dx, dy] = [e[0] - s[0], e[1] - s[1]];
  if (dx * dy === 0) return s[0] * s[1] >= e[0] * e[1] ? s : e;
  const t = -(dx * s[1] + dy * s[0]) / (2 * dx * dy);
  return along(s, e, Math.min(1, Math.max(0, t)));
}

/** max of min(x - u1, y - u2) over the segment: where the two linear terms meet, or an end. */
function bestGainOn(s: Point, e: Point, [u1, u2]: readonly number[]): number {
  const gain = ([x, y]: Point) => Math.min(x - u1, y - u2);
  // h(t) = (y - u2) - (x - u1) is linear in t; the gain peaks where h = 0 if that lies inside.
  const h0 = s[1] - u2 - (s[0] - u1);
  const h1 = e[1] - u2 - (e[0] - u1);
  const ends = Math.max(gain(s), gain(e));
  if (h0 === h1 || h0 * h1 > 0) return ends;
  return Math.max(ends, gain(along(s, e, h0 / (h0 - h1))));
}

/** Exact references for two agents; null for any other number of agents. */
export function treatyReference(prefs: readonly TreatyPrefs[]): ExactReference | null {
  if (prefs.length !== 2) return null;
  const vertices = treatyFrontier(prefs);
  const parts = segments(vertices);
  // Welfare is linear along each segment, so a vertex attains its maximum.
  const welfareBest = vertices.reduce((a, v) => (v.u[0] + v.u[1] > a.u[0] + a.u[1] ? v : a));
  const nbsPoint = parts
    .map(([s, e]) => bestProductOn(s, e))
    .reduce((a, p) => (p[0] * p[1] > a[0] * a[1] ? p : a));
  const hasNbs = nbsPoint[0] > 0 && nbsPoint[1] > 0;
  const [xLo, xHi] = [vertices[vertices.length - 1].u[0], vertices[0].u[0]];
  /** The frontier's u2 at u1 = x, for x in [xLo, xHi]. */
  const frontierAt = (x: number): number => {
    for (const [s, e] of parts) {
      if (x >= e[0] && x <= s[0])
        return s[0] === e[0] ? e[1] : along(s, e, (s[0] - x) / (s[0] - e[0]))[1];
    }
    return x > xHi ? vertices[0].u[1] : vertices[vertices.length - 1].u[1];
  };
  return {
    maxWelfare: { value: welfareBest.u[0] + welfareBest.u[1], utilities: [...welfareBest.u] },
    nbs: hasNbs ? { product: nbsPoint[0] * nbsPoint[1], points: [nbsPoint] } : null,
    paretoGap: (u) => Math.max(0, ...parts.map(([s, e]) => bestGainOn(s, e, u))),
    isParetoOptimal([u1, u2]) {
      const eps = 1e-9 * Math.max(1, Math.abs(u1), Math.abs(u2));
      // Left of the frontier's last vertex, that vertex is better for agent 1 and no worse for 2.
      if (u1 < xLo - eps) return false;
      return u2 >= frontierAt(Math.min(xHi, Math.max(xLo, u1))) - eps;
    },
  };
}
