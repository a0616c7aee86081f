// Line-ups of a sweep: who sits at each table and who is focal there. Counting them needs no
// participants and no enumeration, so a sweep's size is known before anything is built.
import type { ParticipantSpec } from '../../src-shared/participant';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';

export interface Lineup {
  focal: ParticipantSpec;
  /** The line-up with the focal participant first (seat order is decided per game). */
  seats: ParticipantSpec[];
  /** Where it comes from in the document, for messages. */
  path: string;
}

type Lookup = (id: string, path: string) => ParticipantSpec | undefined;

/** How many line-ups the sweep's `lineup` plans (may be huge or Infinity; never enumerated). */
export function countLineups(sweep: Sweep): number {
  const { lineup } = sweep;
  const n = sweep.agents;
  if (lineup.mode === 'baseline') return lineup.opponents.length;
  if (lineup.mode === 'lineups') return lineup.lineups.length;
  if (lineup.mode === 'parties') return lineup.focalModels.length;
  const p = lineup.players.length;
  // Each combination once per distinct member as focal: n C(p, n) without repetition; with
  // self-play, the multisets holding a given player number C(p + n - 2, n - 1), so p times that.
  return lineup.includeSelfPlay ? p * binomial(p + n - 2, n - 1) : n * binomial(p, n);
}

/**
 * Resolve and build every line-up; problems go to `issues` with their paths. Line-ups of mode
 * "parties" need the game folder's parties: party-lineups.ts builds them from the cells.
 */
export function buildLineups(sweep: Sweep, lookup: Lookup, issues: SweepIssue[]): Lineup[] {
  const n = sweep.agents;
  const lineup = sweep.lineup;
  const out: Lineup[] = [];
  if (lineup.mode === 'parties') return out;
  if (lineup.mode === 'baseline') {
    const base = lookup(lineup.baseline, 'lineup.baseline');
    noDuplicateIds(lineup.opponents, 'lineup.opponents', 'opponent', issues);
    lineup.opponents.forEach((id, i) => {
      const opp = lookup(id, `lineup.opponents[${i}]`);
      if (base && opp) {
        out.push({
          focal: opp,
          seats: [opp, ...Array<ParticipantSpec>(n - 1).fill(base)],
          path: `lineup.opponents[${i}]`,
        });
      }
    });
  } else if (lineup.mode === 'crossplay') {
    const players = lineup.players.map((id, i) => lookup(id, `lineup.players[${i}]`));
    const isUnique = noDuplicateIds(lineup.players, 'lineup.players', 'player', issues);
    if (!lineup.includeSelfPlay && lineup.players.length < n) {
      issues.push({
        path: 'lineup.players',
        message: `${lineup.players.length} players cannot fill ${n} seats without self-play (list at least ${n}, or set "includeSelfPlay": true)`,
      });
    }
    if (!isUnique || players.some((p) => p === undefined)) return out;
    const known = players as ParticipantSpec[];
    for (const combo of combinations(known.length, n, lineup.includeSelfPlay)) {
      // Every member of the combination is focal once: for n = 2 these are the ordered pairs.
      for (const f of [...new Set(combo)]) {
        const rest = [...combo];
        rest.splice(rest.indexOf(f), 1);
        const ids = [f, ...rest].map((i) => known[i].id);
        out.push({
          focal: known[f],
          seats: [f, ...rest].map((i) => known[i]),
          path: `lineup.players (${ids.join(' vs ')}, focal ${known[f].id})`,
        });
      }
    }
  } else {
    lineup.lineups.forEach((ids, li) => {
      if (ids.length !== n) {
        issues.push({
          path: `lineup.lineups[${li}]`,
          message: `has ${ids.length} participants but agents is ${n}`,
        });
        return;
      }
      const seats = ids.map((id, i) => lookup(id, `lineup.lineups[${li}][${i}]`));
      if (seats.every((s) => s !== undefined)) {
        out.push({ focal: seats[0], seats, path: `lineup.lineups[${li}]` });
      }
    });
  }
  return out;
}

function noDuplicateIds(
  ids: readonly string[],
  path: string,
  what: string,
  issues: SweepIssue[],
): boolean {
  const seen = new Map<string, number>();
  for (const [i, id] of ids.entries()) {
    const at = seen.get(id);
    if (at === undefined) seen.set(id, i);
    else {
      issues.push({
        path: `${path}[${i}]`,
        message: `duplicate ${what} "${id}" (also at ${path}[${at}])${what === 'player' ? '; self-play is "includeSelfPlay": true' : ''}`,
      });
    }
  }
  return seen.size === ids.length;
}

/** Index combinations of size k from n (with repetition when selfPlay), in lexicographic order. */
function combinations(n: number, k: number, withRepetition: boolean): number[][] {
  const out: number[][] = [];
  const walk = (start: number, acc: number[]) => {
    if (acc.length === k) {
      out.push(acc);
      return;
    }
    for (let i = start; i < n; i++) walk(withRepetition ? i : i + 1, [...acc, i]);
  };
  walk(0, []);
  return out;
}

/** C(n, k) as a float (exact below 2^53, Infinity-safe above); 0 when k > n. */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const j = Math.min(k, n - k);
  let r = 1;
  for (let i = 1; i <= j; i++) r = (r * (n - j + i)) / i;
  return Math.round(r);
}
