// Run-vs-run comparison: the games of side A and side B paired by cell and seed, and per cell the
// paired B - A statistics (paired.ts). A key with several games on one side is never guessed at:
// those games are counted as ambiguous and left out.
import type { CompareCell, CompareResult } from '../../src-shared/contract';
import type { Order } from '../../src-shared/planned-game';
import type { CompareGameRow } from '../store/compare-queries';
import { compareValues } from './cells';
import { EXACT_MAX_PAIRS, MONTE_CARLO_DRAWS, WILCOXON_EXACT_MAX, pairedSummary } from './paired';

/** The column key used when both sides pin their focal participant. */
export const PINNED_FOCAL = '*';

export interface PairingOptions {
  /** Both sides pin a focal participant: the focal id leaves the key (one column). */
  isFocalPinned: boolean;
  /** Either side pins an order: the order leaves the key (A's order pairs with B's). */
  isOrderPinned: boolean;
}

export interface GamePair {
  focalKey: string;
  level: number;
  seed: number;
  order: Order;
  a: CompareGameRow;
  b: CompareGameRow;
}

export interface Pairing {
  pairs: GamePair[];
  /** Games of a side without a partner, by cell key (focalKey, level). */
  unpairedA: CompareGameRow[];
  unpairedB: CompareGameRow[];
  ambiguousA: CompareGameRow[];
  ambiguousB: CompareGameRow[];
  pairedBy: string[];
}

const focalKeyOf = (r: CompareGameRow, o: PairingOptions) =>
  o.isFocalPinned ? PINNED_FOCAL : r.focalId;

function groupByKey(rows: readonly CompareGameRow[], o: PairingOptions) {
  const groups = new Map<string, CompareGameRow[]>();
  for (const r of rows) {
    const key = JSON.stringify([
      focalKeyOf(r, o),
      r.competitionLevel,
      r.seed,
      o.isOrderPinned ? null : r.order,
    ]);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

/** Pairs A's and B's games that share focal key, competition level, seed (and order). */
export function pairGames(
  a: readonly CompareGameRow[],
  b: readonly CompareGameRow[],
  o: PairingOptions,
): Pairing {
  const groupsA = groupByKey(a, o);
  const groupsB = groupByKey(b, o);
  const out: Pairing = {
    pairs: [],
    unpairedA: [],
    unpairedB: [],
    ambiguousA: [],
    ambiguousB: [],
    pairedBy: [
      ...(o.isFocalPinned ? [] : ['focal']),
      'level',
      'seed',
      ...(o.isOrderPinned ? [] : ['order']),
    ],
  };
  for (const [key, listA] of groupsA) {
    const listB = groupsB.get(key);
    if (listA.length > 1) out.ambiguousA.push(...listA);
    if (listB && listB.length > 1) out.ambiguousB.push(...listB);
    if (listA.length > 1 || (listB && listB.length > 1)) continue;
    const ga = listA[0];
    if (!listB) {
      out.unpairedA.push(ga);
      continue;
    }
    out.pairs.push({
      focalKey: focalKeyOf(ga, o),
      level: ga.competitionLevel,
      seed: ga.seed,
      order: ga.order,
      a: ga,
      b: listB[0],
    });
  }
  for (const [key, listB] of groupsB) {
    if (groupsA.has(key)) continue;
    if (listB.length > 1) out.ambiguousB.push(...listB);
    else out.unpairedB.push(listB[0]);
  }
  return out;
}

/** FNV-1a of a string, so each cell's bootstrap and Monte Carlo draws have their own seed. */
function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function cellSeed(base: number, focalKey: string, level: number): number {
  return (Math.imul(base, 1000003) ^ hash32(`${focalKey}@${level}`)) >>> 0;
}

type Axis = CompareResult['x'];

function capabilityAxis(p: Pairing, all: readonly CompareGameRow[], o: PairingOptions): Axis {
  if (o.isFocalPinned) {
    const fa = p.pairs[0]?.a.focalId ?? p.unpairedA[0]?.focalId ?? '?';
    const fb = p.pairs[0]?.b.focalId ?? p.unpairedB[0]?.focalId ?? '?';
    return [{ focalKey: PINNED_FOCAL, label: `${fa} → ${fb}`, capability: null }];
  }
  const cap = new Map<string, number | null>();
  for (const r of all) {
    if (!cap.has(r.focalId) || (cap.get(r.focalId) === null && r.focalCapability !== null))
      cap.set(r.focalId, r.focalCapability);
  }
  return [...cap.entries()]
    .map(([focalKey, capability]) => ({ focalKey, label: focalKey, capability }))
    .sort((x, y) => compareValues(x.capability, y.capability) || x.label.localeCompare(y.label));
}

/** The difference grid of two sides' rows; `seed` seeds every cell's resampling. */
export function compareGrid(
  metric: CompareResult['metric'],
  rowsA: readonly CompareGameRow[],
  rowsB: readonly CompareGameRow[],
  o: PairingOptions,
  seed: number,
): Omit<CompareResult, 'elapsedMs'> {
  const p = pairGames(rowsA, rowsB, o);
  const x = capabilityAxis(p, [...rowsA, ...rowsB], o);
  const cellKey = (focalKey: string, level: number) => JSON.stringify([focalKey, level]);
  type Acc = { diffs: number[]; a: number[]; b: number[]; ua: number; ub: number; missing: number };
  const acc = new Map<string, Acc>();
  const at = (focalKey: string, level: number) => {
    const k = cellKey(focalKey, level);
    let c = acc.get(k);
    if (!c) acc.set(k, (c = { diffs: [], a: [], b: [], ua: 0, ub: 0, missing: 0 }));
    return c;
  };
  for (const pair of p.pairs) {
    const c = at(pair.focalKey, pair.level);
    if (pair.a.value === null || pair.b.value === null) c.missing++;
    else {
      c.a.push(pair.a.value);
      c.b.push(pair.b.value);
      c.diffs.push(pair.b.value - pair.a.value);
    }
  }
  for (const r of p.unpairedA) at(focalKeyOf(r, o), r.competitionLevel).ua++;
  for (const r of p.unpairedB) at(focalKeyOf(r, o), r.competitionLevel).ub++;
  const y = [...new Set([...acc.keys()].map((k) => (JSON.parse(k) as [string, number])[1]))].sort(
    (u, v) => u - v,
  );
  const avg = (v: number[]) => (v.length ? v.reduce((s, t) => s + t, 0) / v.length : null);
  const cells: CompareCell[] = [];
  x.forEach((col, xi) => {
    y.forEach((level, yi) => {
      const c = acc.get(cellKey(col.focalKey, level));
      if (!c) return;
      const s = pairedSummary(c.diffs, cellSeed(seed, col.focalKey, level));
      cells.push({
        xi,
        yi,
        focalKey: col.focalKey,
        level,
        n: s.n,
        meanA: avg(c.a),
        meanB: avg(c.b),
        meanDiff: s.meanDiff,
        ciLow: s.ciLow,
        ciHigh: s.ciHigh,
        p: s.test.p,
        pMethod: s.test.method,
        wilcoxonP: s.wilcoxon.p,
        wilcoxonMethod: s.wilcoxon.method,
        unpairedA: c.ua,
        unpairedB: c.ub,
        missing: c.missing,
      });
    });
  });
  return {
    metric,
    x,
    y,
    cells,
    pairedBy: p.pairedBy,
    pairs: p.pairs.length,
    unpairedA: p.unpairedA.length,
    unpairedB: p.unpairedB.length,
    ambiguousA: p.ambiguousA.length,
    ambiguousB: p.ambiguousB.length,
    test: {
      name: 'sign-flip permutation, two-sided, statistic |sum of differences|',
      exactMaxPairs: EXACT_MAX_PAIRS,
      monteCarloDraws: MONTE_CARLO_DRAWS,
      bootstrapResamples: 2000,
      wilcoxon: {
        name: 'Wilcoxon signed-rank, two-sided, zero differences dropped, average ranks',
        exactMaxPairs: WILCOXON_EXACT_MAX,
      },
    },
  };
}
