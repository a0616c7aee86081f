// The data of the two-party games' own figures (DESIGN 3.4, 3.5, 10), computed once for
// `parley figures` and the results screen: concession curves (what each strategy's offers ask
// for itself, turn by turn, against one fixed opponent) and the matchup grid (first role x
// second role: a metric's mean per pairing, and the deal rate).
import { getGame } from '../../games/index';
import { BARGAIN_FIGURE_KINDS } from '../../src-shared/contract/bargain';
import type { GameKind, GameInstance } from '../../src-shared/game';
import type { GameRow, Store } from '../store/types';
import { compareValues, computeCells, type Cell } from './cells';
import type { AnalysisRow } from './dataset';

export { BARGAIN_FIGURE_KINDS };

/** The seat names of a two-party game's first and second role. */
export function roleNames(kind: GameKind): [string, string] {
  return kind === 'price' ? ['Seller', 'Buyer'] : ['RED', 'BLUE'];
}

/** The y label of a concession curve: what an offer asks for its maker, in the game's terms. */
export function demandLabel(kind: GameKind): string {
  if (kind === 'price') return 'Surplus asked, mean and 95% CI';
  if (kind === 'ultimatum') return 'Units kept, mean and 95% CI';
  return 'Gain asked, mean and 95% CI';
}

export interface CurvePoint {
  turn: number;
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface ConcessionCurves {
  kind: GameKind;
  /** The fixed opponent every curve is drawn against. */
  opponent: string;
  /** Participants that met another opponent, left out (other opponents are other figures). */
  otherOpponents: string[];
  /** One curve per focal participant, ids ascending. */
  series: { id: string; points: CurvePoint[] }[];
  /** Games the curves come from. */
  games: number;
}

export interface MatchupCell {
  row: string;
  col: string;
  /** Finished games of the pairing. */
  games: number;
  /** The metric over the games that have it (e.g. the price of the deals). */
  value: Cell | null;
  dealRate: number;
}

export interface MatchupGrid {
  kind: GameKind;
  metric: string;
  /** Participants in the first role (seller, RED), ids ascending. */
  rows: string[];
  /** Participants in the second role (buyer, BLUE). */
  cols: string[];
  cells: MatchupCell[];
  roles: [string, string];
}

function gamesOf(store: Store, rows: readonly AnalysisRow[]): Map<string, GameRow> {
  const out = new Map<string, GameRow>();
  for (const id of new Set(rows.map((r) => String(r.game_id)))) {
    const g = store.getGame(id);
    if (g) out.set(id, g);
  }
  return out;
}

/** The one game kind of the rows; throws naming the kinds when they are mixed or unsupported. */
function kindOf(rows: readonly AnalysisRow[], figure: string): GameKind {
  const kinds = [...new Set(rows.map((r) => r.kind as GameKind))];
  if (kinds.length !== 1 || !BARGAIN_FIGURE_KINDS.includes(kinds[0]))
    throw new Error(
      `${figure} figures are drawn for one of ${BARGAIN_FIGURE_KINDS.join(', ')}; the rows hold ${kinds.join(', ') || 'no games'}`,
    );
  return kinds[0];
}

/** Seat of the first role: the seller in price (from the stored measures), RED (seat 0) otherwise. */
function firstRoleSeat(g: GameRow): number {
  const m = g.outcome?.measures as { sellerSeat?: unknown } | undefined;
  return g.kind === 'price' && typeof m?.sellerSeat === 'number' ? m.sellerSeat : 0;
}

/** The most common opponent of the rows (ties: the first id). */
function commonOpponent(rows: readonly AnalysisRow[]): string {
  const counts = new Map<string, number>();
  for (const r of rows)
    counts.set(String(r.opponent_id), (counts.get(String(r.opponent_id)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
}

/**
 * What an offer asks for the seat that makes it: its own raw payoff if accepted (the price game:
 * seller p - s, buyer b - p; ultimatum: the units it keeps; exchange: its gain in value).
 */
function demand(kind: GameKind, instance: GameInstance, offer: unknown, seat: number): number {
  const game = getGame(kind);
  return game.rawUtilities(instance as never, offer as never)[seat];
}

/**
 * Concession curves: for every focal participant that met `opponent` (default: the most common
 * opponent of the rows), the mean (95% bootstrap CI) over games of what its public offer on
 * each turn asks for itself. Turns without an offer of the focal seat (the other side's turns,
 * accept, reject, no offer, invalid) add nothing to that turn.
 */
export function concessionCurves(
  store: Store,
  rows: readonly AnalysisRow[],
  options: { opponent?: string; seed: number },
): ConcessionCurves {
  const kind = kindOf(rows, 'concession');
  const opponent = options.opponent ?? commonOpponent(rows);
  const kept = rows.filter((r) => r.opponent_id === opponent);
  if (kept.length === 0)
    throw new Error(
      `no games against opponent "${opponent}"; opponents: ${[...new Set(rows.map((r) => String(r.opponent_id)))].sort().join(', ')}`,
    );
  const games = gamesOf(store, kept);
  const points: AnalysisRow[] = [];
  for (const r of kept) {
    const g = games.get(String(r.game_id));
    if (!g?.instance) continue;
    const seat = Number(r.focal_seat);
    for (const t of store.getTranscript(g.id)) {
      const action = t.action as { verb?: unknown; offer?: unknown } | null;
      if (t.phase !== 'offer' || t.visibility !== 'public' || t.agent !== seat) continue;
      if (t.status !== 'ok' || action?.verb !== 'OFFER' || action.offer === undefined) continue;
      points.push({
        focal_id: r.focal_id,
        turn: t.round,
        demand: demand(kind, g.instance, action.offer, seat),
      });
    }
  }
  const cells = computeCells(points, {
    metric: 'demand',
    by: ['focal_id', 'turn'],
    ci: 'bootstrap',
    seed: options.seed,
  });
  const ids = [...new Set(cells.map((c) => String(c.key.focal_id)))].sort();
  const opponents = new Set(rows.map((r) => String(r.opponent_id)));
  opponents.delete(opponent);
  return {
    kind,
    opponent,
    otherOpponents: [...opponents].sort(),
    series: ids.map((id) => ({
      id,
      points: cells
        .filter((c) => c.key.focal_id === id)
        .map((c) => ({
          turn: c.key.turn as number,
          n: c.n,
          mean: c.mean,
          ciLow: c.ciLow,
          ciHigh: c.ciHigh,
        })),
    })),
    games: kept.length,
  };
}

/**
 * The matchup grid: one cell per (first-role participant, second-role participant) pairing, the
 * metric's mean and 95% bootstrap CI over the games that have it, and the deal rate.
 */
export function matchupGrid(
  store: Store,
  rows: readonly AnalysisRow[],
  options: { metric: string; seed: number },
): MatchupGrid {
  const kind = kindOf(rows, 'matchup');
  const games = gamesOf(store, rows);
  const seated: AnalysisRow[] = rows.flatMap((r) => {
    const g = games.get(String(r.game_id));
    if (!g || g.participants.length !== 2) return [];
    const first = firstRoleSeat(g);
    return [{ ...r, row_id: g.participants[first].id, col_id: g.participants[1 - first].id }];
  });
  const by = ['row_id', 'col_id'];
  const values = computeCells(seated, {
    metric: options.metric,
    by,
    ci: 'bootstrap',
    seed: options.seed,
  });
  const deals = computeCells(seated, { metric: 'deal', by, ci: 't', seed: options.seed });
  const key = (c: Cell) => JSON.stringify([c.key.row_id, c.key.col_id]);
  const valueAt = new Map(values.map((c) => [key(c), c]));
  return {
    kind,
    metric: options.metric,
    rows: [...new Set(seated.map((r) => String(r.row_id)))].sort(compareValues),
    cols: [...new Set(seated.map((r) => String(r.col_id)))].sort(compareValues),
    cells: deals.map((d) => {
      const v = valueAt.get(key(d)) ?? null;
      return {
        row: String(d.key.row_id),
        col: String(d.key.col_id),
        games: d.n + d.missing,
        value: v && v.n > 0 ? v : null,
        dealRate: d.mean ?? 0,
      };
    }),
    roles: roleNames(kind),
  };
}
