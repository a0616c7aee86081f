// Sweep validation beyond the schema (participants, geometry, seeds, size) and expansion into
// games: one game per line-up x competition cell x order x run, each with a content id. Two
// planned games never share an id: a document that plans the same game twice is refused.
import { getGame } from '../../games/index';
import { gameProtocols } from '../../games/types';
import { createRng, hashSeed } from '../../games/rng';
import type { ProtocolParams } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import { capabilityOf } from '../../src-shared/participant';
import type { Order, PlannedGame } from '../../src-shared/planned-game';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { buildCells, type Cell } from './cells';
import { checkGridSize } from './grid-size';
import { createGameIdHasher, sweepId } from './game-id';
import { buildLineups, type Lineup } from './lineups';
import { buildPartyLineups } from './party-lineups';

/** Looks a participant id up outside the sweep (the model registry). */
export type ParticipantResolver = (id: string) => ParticipantSpec | undefined;

export interface ExpandedSweep {
  /** Content id of the normalised sweep document. */
  id: string;
  sweep: Sweep;
  games: PlannedGame[];
  warnings: string[];
}

/** Validate a parsed sweep and expand it; returns every problem found, each with its path. */
export function expandSweep(
  sweep: Sweep,
  resolve: ParticipantResolver = () => undefined,
): { ok: true; expanded: ExpandedSweep } | { ok: false; issues: SweepIssue[] } {
  const issues: SweepIssue[] = [];
  const game = getGame(sweep.game.kind);

  const inline = new Map<string, ParticipantSpec>();
  sweep.participants.forEach((p, i) => {
    if (inline.has(p.id))
      issues.push({ path: `participants[${i}].id`, message: `duplicate id "${p.id}"` });
    inline.set(p.id, p);
  });
  const lookup = (id: string, path: string): ParticipantSpec | undefined => {
    const found = inline.get(id) ?? resolve(id);
    if (!found) {
      issues.push({
        path,
        message: `unknown participant "${id}": define it in "participants" or add it to the model registry`,
      });
    }
    return found;
  };

  const orders = sweepOrders(sweep, issues);
  // Counted from the document's lists alone, so a grid of millions is refused before it is built.
  const tooBig = checkGridSize(sweep, orders.length);
  if (tooBig) return { ok: false, issues: [...issues, tooBig] };

  const lineups = buildLineups(sweep, lookup, issues);
  const seeds = runSeeds(sweep, issues);
  const cells = buildCells(sweep, issues);
  if (sweep.lineup.mode === 'parties')
    lineups.push(...buildPartyLineups(sweep, cells, lookup, issues));

  sweep.vetoHolders.forEach((v, i) => {
    if (v >= sweep.agents) {
      issues.push({
        path: `vetoHolders[${i}]`,
        message: `agent index ${v} does not exist with ${sweep.agents} agents (0-based)`,
      });
    }
  });

  if (sweep.protocol !== undefined && !gameProtocols(game).includes(sweep.protocol)) {
    issues.push({
      path: 'protocol',
      message: `${game.title} cannot be played with ${sweep.protocol}; it supports ${gameProtocols(game).join(', ')}`,
    });
  }

  for (const cell of cells) {
    for (const problem of game.check(cell.params, sweep.agents)) {
      issues.push({ path: cell.path, message: problem });
    }
  }

  const isPartySeated = seatsAreParties(sweep);
  if (isPartySeated && (orders.length !== 1 || orders[0] !== 'weak_first')) {
    issues.push({
      path: 'orders',
      message:
        'deliberation seats each line-up in the folder\'s party order (config.txt); leave orders at ["weak_first"]',
    });
  }
  const needsCapability = !isPartySeated && orders.some((o) => o !== 'random');
  for (const lineup of lineups) {
    for (const p of lineup.seats) {
      if (needsCapability && capabilityOf(p, sweep.capabilityMetric) === null) {
        const message = `participant "${p.id}" has no "${sweep.capabilityMetric}" score, needed to order seats weak/strong first (add scores.${sweep.capabilityMetric} or use orders ["random"])`;
        if (!issues.some((i) => i.message === message))
          issues.push({ path: 'capabilityMetric', message });
      }
    }
  }
  if (issues.length > 0) return { ok: false, issues };

  const games = planGames(sweep, lineups, cells, orders, seeds);
  const pathOf = [
    (i: number) => lineups[i].path,
    (i: number) => cells[i].path,
    (i: number) => (sweep.orders === 'both' ? 'orders' : `orders[${i}]`),
    (i: number) => ('seeds' in sweep.runs ? `runs.seeds[${i}]` : `runs (run ${i})`),
  ];
  const duplicates = duplicateIssues(games, (part, i) => pathOf[part](i));
  if (duplicates.length > 0) return { ok: false, issues: duplicates };
  return {
    ok: true,
    expanded: {
      id: sweepId(sweep),
      sweep,
      games: games.map((g) => g.game),
      warnings: [],
    },
  };
}

interface Planned {
  game: PlannedGame;
  /** Index of its line-up, cell, order and run. */
  origin: [number, number, number, number];
}

function planGames(
  sweep: Sweep,
  lineups: Lineup[],
  cells: Cell[],
  orders: Order[],
  seeds: number[],
): Planned[] {
  const protocol: ProtocolParams = {
    rounds: sweep.rounds,
    gamma: sweep.gamma,
    discussionTurns: sweep.discussionTurns,
    acceptance: sweep.acceptance,
    vetoHolders: sweep.vetoHolders,
    maxProposalAttempts: sweep.maxProposalAttempts,
    // Named only when chosen, so sweeps that never chose keep their games' content ids.
    ...(sweep.protocol !== undefined ? { name: sweep.protocol } : {}),
  };
  const metric = sweep.capabilityMetric;
  const gameId = createGameIdHasher();
  const out: Planned[] = [];
  lineups.forEach((lineup, li) => {
    cells.forEach((cell, ci) => {
      orders.forEach((order, oi) => {
        seeds.forEach((seed, runIndex) => {
          // Deliberation seats are the folder's parties (config.txt order): never reordered.
          const seats = seatsAreParties(sweep)
            ? lineup.seats
            : seatOrder(lineup.seats, order, metric, seed);
          const planned = {
            kind: sweep.game.kind,
            params: cell.params,
            protocol,
            participants: seats,
            seed,
            order,
            focalId: lineup.focal.id,
          };
          out.push({
            game: {
              id: gameId(planned),
              ...planned,
              nAgents: sweep.agents,
              runIndex,
              competitionLevel: cell.level,
              rho: cell.rho,
              theta: cell.theta,
              alpha: cell.alpha,
              sigma: cell.sigma,
              focalCapability: capabilityOf(lineup.focal, metric),
              capabilities: seats.map((p) => capabilityOf(p, metric)),
            },
            origin: [li, ci, oi, runIndex],
          });
        });
      });
    });
  });
  return out;
}

/**
 * Games planned twice: each reported once per pair of document entries that cause it, at the
 * later entry (the first part of the game's origin that differs from the earlier copy).
 */
function duplicateIssues(
  games: Planned[],
  pathOf: (part: number, index: number) => string,
): SweepIssue[] {
  const first = new Map<string, Planned>();
  const issues = new Map<string, SweepIssue>();
  for (const g of games) {
    const earlier = first.get(g.game.id);
    if (!earlier) {
      first.set(g.game.id, g);
      continue;
    }
    const part = g.origin.findIndex((v, i) => v !== earlier.origin[i]);
    const [path, earlierPath] = [pathOf(part, g.origin[part]), pathOf(part, earlier.origin[part])];
    const key = `${path}|${earlierPath}`;
    if (!issues.has(key)) {
      issues.set(key, {
        path,
        message: `plans the same games as ${earlierPath}; a sweep plays each game once, so remove one of them`,
      });
    }
  }
  return [...issues.values()];
}

function sweepOrders(sweep: Sweep, issues: SweepIssue[]): Order[] {
  if (sweep.orders === 'both') return ['weak_first', 'strong_first'];
  const seen = new Map<Order, number>();
  sweep.orders.forEach((o, i) => {
    const at = seen.get(o);
    if (at !== undefined) {
      issues.push({
        path: `orders[${i}]`,
        message: `duplicate order "${o}" (also at orders[${at}])`,
      });
    } else seen.set(o, i);
  });
  return [...seen.keys()];
}

function runSeeds(sweep: Sweep, issues: SweepIssue[]): number[] {
  if ('seeds' in sweep.runs) {
    const seen = new Map<number, number>();
    sweep.runs.seeds.forEach((s, i) => {
      if (seen.has(s)) {
        issues.push({
          path: `runs.seeds[${i}]`,
          message: `duplicate seed ${s} (also at runs.seeds[${seen.get(s)}])`,
        });
      } else seen.set(s, i);
    });
    return sweep.runs.seeds;
  }
  const { count, baseSeed } = sweep.runs;
  return Array.from({ length: count }, (_, i) => baseSeed + i);
}

/** Deliberation seats are the folder's parties (config.txt order): never reordered. */
function seatsAreParties(sweep: Sweep): boolean {
  return sweep.game.kind === 'deliberation';
}

/** Seat order: weakest or strongest first by the capability metric (stable), or seeded random. */
function seatOrder(
  seats: ParticipantSpec[],
  order: Order,
  metric: string,
  seed: number,
): ParticipantSpec[] {
  if (order === 'random') {
    return createRng(hashSeed(seed, 'order', ...seats.map((s) => s.id))).shuffle(seats);
  }
  const sign = order === 'weak_first' ? 1 : -1;
  return seats
    .map((p, i) => ({ p, i, c: capabilityOf(p, metric) ?? 0 }))
    .sort((a, b) => sign * (a.c - b.c) || a.i - b.i)
    .map((x) => x.p);
}
