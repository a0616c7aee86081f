// The data of the two-party games' own figures (DESIGN 3.4, 3.5, 10), computed once for
// `parley figures` and the results screen: concession curves (what each strategy's offers ask
// for itself, turn by turn, against one fixed opponent) and the matchup grid (first role x
// second role: a metric's mean per pairing, and the deal rate).
import { getGame } from '../../games/index';
import { BARGAIN_FIGURE_KINDS } from '../../src-shared/contract/bargain';
import type { GameKind, GameInstance } from '../../src-shared/game';
import type { GameRow, Store } from '../store/types';
import { CellGrouper, compareValues, type Cell } from './cells';
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

/** The one game kind of the rows; throws naming the kinds when they are mixed or unsupported. */
function kindOf(kinds: ReadonlySet<GameKind>, figure: string): GameKind {
  const all = [...kinds];
  if (all.length !== 1 || !BARGAIN_FIGURE_KINDS.includes(all[0]))
    throw new Error(
      `${figure} figures are drawn for one of ${BARGAIN_FIGURE_KINDS.join(', ')}; the rows hold ${all.join(', ') || 'no games'}`,
    );
  return all[0];
}

/** Seat of the first role: the seller in price (from the stored measures), RED (seat 0) otherwise. */
function firstRoleSeat(g: GameRow): number {
  const m = g.outcome?.measures as { sellerSeat?: unknown } | undefined;
  return g.kind === 'price' && typeof m?.sellerSeat === 'number' ? m.sellerSeat : 0;
}

/**
 * What an offer asks for the seat that makes it: its own raw payoff if accepted (the price game:
 * seller p - s, buyer b - p; ultimatum: the units it keeps; exchange: its gain in value).
 */
function demand(kind: GameKind, instance: GameInstance, offer: unknown, seat: number): number {
  const game = getGame(kind);
  return game.rawUtilities(instance as never, offer as never)[seat];
}

/** The offers one opponent's games hold: their count and each offer's demand, by cell. */
interface OpponentOffers {
  games: number;
  offers: CellGrouper;
}

/**
 * Concession curves from rows streamed one at a time (a game's turns are read when its row
 * comes): for every focal participant that met `opponent` (default: the most common opponent
 * of the rows), the mean (95% bootstrap CI) over games of what its public offer on each turn
 * asks for itself. Turns without an offer of the focal seat (the other side's turns, accept,
 * reject, no offer, invalid) add nothing to that turn. Without a fixed opponent every
 * opponent's offers are kept (a value each) until the most common one is known.
 */
export class ConcessionCollector {
  private readonly kinds = new Set<GameKind>();
  /** Rows per opponent, by String(opponent_id). */
  private readonly counts = new Map<string, number>();
  private readonly byOpponent = new Map<string, OpponentOffers>();

  constructor(
    private readonly store: Store,
    private readonly options: { opponent?: string; seed: number },
  ) {}

  add(r: AnalysisRow): void {
    this.kinds.add(r.kind as GameKind);
    const name = String(r.opponent_id);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    // Only a string id can equal the opponent asked for or chosen.
    if (typeof r.opponent_id !== 'string') return;
    if (this.options.opponent !== undefined && r.opponent_id !== this.options.opponent) return;
    let offers = this.byOpponent.get(r.opponent_id);
    if (!offers) {
      const cells = { metric: 'demand', by: ['focal_id', 'turn'], ci: 'bootstrap' as const };
      offers = { games: 0, offers: new CellGrouper({ ...cells, seed: this.options.seed }) };
      this.byOpponent.set(r.opponent_id, offers);
    }
    offers.games++;
    const g = this.store.getGame(String(r.game_id));
    if (!g?.instance || !BARGAIN_FIGURE_KINDS.includes(g.kind)) return;
    const seat = Number(r.focal_seat);
    for (const t of this.store.getTranscript(g.id)) {
      const action = t.action as { verb?: unknown; offer?: unknown } | null;
      if (t.phase !== 'offer' || t.visibility !== 'public' || t.agent !== seat) continue;
      if (t.status !== 'ok' || action?.verb !== 'OFFER' || action.offer === undefined) continue;
      offers.offers.add({
        focal_id: r.focal_id,
        turn: t.round,
        demand: demand(g.kind, g.instance, action.offer, seat),
      });
    }
  }

  result(): ConcessionCurves {
    const kind = kindOf(this.kinds, 'concession');
    // The most common opponent of the rows (ties: the first id).
    const opponent =
      this.options.opponent ??
      [...this.counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    const kept = this.byOpponent.get(opponent);
    if (!kept)
      throw new Error(
        `no games against opponent "${opponent}"; opponents: ${[...this.counts.keys()].sort().join(', ')}`,
      );
    const cells = kept.offers.cells();
    const ids = [...new Set(cells.map((c) => String(c.key.focal_id)))].sort();
    return {
      kind,
      opponent,
      otherOpponents: [...this.counts.keys()].filter((o) => o !== opponent).sort(),
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
      games: kept.games,
    };
  }
}

/** Concession curves of the rows (ConcessionCollector over them). */
export function concessionCurves(
  store: Store,
  rows: Iterable<AnalysisRow>,
  options: { opponent?: string; seed: number },
): ConcessionCurves {
  const collector = new ConcessionCollector(store, options);
  for (const r of rows) collector.add(r);
  return collector.result();
}

/**
 * The matchup grid from rows streamed one at a time: one cell per (first-role participant,
 * second-role participant) pairing, the metric's mean and 95% bootstrap CI over the games that
 * have it, and the deal rate.
 */
export class MatchupCollector {
  private readonly kinds = new Set<GameKind>();
  private readonly values: CellGrouper;
  private readonly deals: CellGrouper;
  private readonly rowIds = new Set<string>();
  private readonly colIds = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly options: { metric: string; seed: number },
  ) {
    const by = ['row_id', 'col_id'];
    this.values = new CellGrouper({
      metric: options.metric,
      by,
      ci: 'bootstrap',
      seed: options.seed,
    });
    this.deals = new CellGrouper({ metric: 'deal', by, ci: 't', seed: options.seed });
  }

  add(r: AnalysisRow): void {
    this.kinds.add(r.kind as GameKind);
    const g = this.store.getGame(String(r.game_id));
    if (!g || g.participants.length !== 2) return;
    const first = firstRoleSeat(g);
    const seated = { ...r, row_id: g.participants[first].id, col_id: g.participants[1 - first].id };
    this.rowIds.add(seated.row_id);
    this.colIds.add(seated.col_id);
    this.values.add(seated);
    this.deals.add(seated);
  }

  result(): MatchupGrid {
    const kind = kindOf(this.kinds, 'matchup');
    const key = (c: Cell) => JSON.stringify([c.key.row_id, c.key.col_id]);
    const valueAt = new Map(this.values.cells().map((c) => [key(c), c]));
    return {
      kind,
      metric: this.options.metric,
      rows: [...this.rowIds].sort(compareValues),
      cols: [...this.colIds].sort(compareValues),
      cells: this.deals.cells().map((d) => {
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
}

/** The matchup grid of the rows (MatchupCollector over them). */
export function matchupGrid(
  store: Store,
  rows: Iterable<AnalysisRow>,
  options: { metric: string; seed: number },
): MatchupGrid {
  const collector = new MatchupCollector(store, options);
  for (const r of rows) collector.add(r);
  return collector.result();
}
