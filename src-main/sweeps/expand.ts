// Sweep validation beyond the schema (participants, geometry, seeds) and expansion into games:
// one game per line-up x competition cell x order x run, each with a content-derived id.
import { getGame } from '../../games/index';
import { createRng, hashSeed } from '../../games/rng';
import type { ProtocolParams } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import { capabilityOf } from '../../src-shared/participant';
import type { Order, PlannedGame } from '../../src-shared/planned-game';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import { prepareGameParams } from '../game-folders/folder-params';
import { contentId } from './canonical';

/** Looks a participant id up outside the sweep (the model registry). */
export type ParticipantResolver = (id: string) => ParticipantSpec | undefined;

export interface ExpandedSweep {
  /** Content id of the normalised sweep document. */
  id: string;
  sweep: Sweep;
  games: PlannedGame[];
  warnings: string[];
}

interface Cell {
  level: number;
  rho: number | null;
  theta: number | null;
  params: Record<string, unknown>;
  path: string;
}

/** Validate a parsed sweep and expand it; returns every problem found, each with its path. */
export function expandSweep(
  sweep: Sweep,
  resolve: ParticipantResolver = () => undefined,
): { ok: true; expanded: ExpandedSweep } | { ok: false; issues: SweepIssue[] } {
  const issues: SweepIssue[] = [];
  const warnings: string[] = [];
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

  const lineups = buildLineups(sweep, lookup, issues);
  const seeds = runSeeds(sweep, issues);
  const cells = buildCells(sweep, issues);
  const orders: Order[] =
    sweep.orders === 'both' ? ['weak_first', 'strong_first'] : [...new Set(sweep.orders)];

  sweep.vetoHolders.forEach((v, i) => {
    if (v >= sweep.agents) {
      issues.push({
        path: `vetoHolders[${i}]`,
        message: `agent index ${v} does not exist with ${sweep.agents} agents (0-based)`,
      });
    }
  });

  for (const cell of cells) {
    for (const problem of game.check(cell.params, sweep.agents)) {
      issues.push({ path: cell.path, message: problem });
    }
  }

  const isPartySeated = sweep.game.kind === 'deliberation';
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

  const protocol: ProtocolParams = {
    rounds: sweep.rounds,
    gamma: sweep.gamma,
    discussionTurns: sweep.discussionTurns,
    acceptance: sweep.acceptance,
    vetoHolders: sweep.vetoHolders,
    maxProposalAttempts: sweep.maxProposalAttempts,
  };

  const games: PlannedGame[] = [];
  for (const lineup of lineups) {
    for (const cell of cells) {
      for (const order of orders) {
        seeds.forEach((seed, runIndex) => {
          // Deliberation seats are the folder's parties (config.txt order): never reordered.
          const seats = isPartySeated
            ? lineup.seats
            : seatOrder(lineup.seats, order, sweep.capabilityMetric, seed);
          const content = {
            v: 1,
            kind: sweep.game.kind,
            params: cell.params,
            protocol,
            participants: seats,
            seed,
            order,
          };
          games.push({
            id: contentId(content),
            kind: sweep.game.kind,
            params: cell.params,
            protocol,
            nAgents: sweep.agents,
            participants: seats,
            seed,
            runIndex,
            order,
            competitionLevel: cell.level,
            rho: cell.rho,
            theta: cell.theta,
            focalId: lineup.focal.id,
            focalCapability: capabilityOf(lineup.focal, sweep.capabilityMetric),
            capabilities: seats.map((p) => capabilityOf(p, sweep.capabilityMetric)),
          });
        });
      }
    }
  }
  const unique = new Map(games.map((g) => [g.id, g]));
  if (unique.size < games.length) {
    warnings.push(
      `${games.length - unique.size} planned games were identical to others and run once`,
    );
  }
  return {
    ok: true,
    expanded: { id: contentId({ v: 1, sweep }), sweep, games: [...unique.values()], warnings },
  };
}

function buildLineups(
  sweep: Sweep,
  lookup: (id: string, path: string) => ParticipantSpec | undefined,
  issues: SweepIssue[],
): { focal: ParticipantSpec; seats: ParticipantSpec[] }[] {
  const n = sweep.agents;
  const lineup = sweep.lineup;
  const out: { focal: ParticipantSpec; seats: ParticipantSpec[] }[] = [];
  if (lineup.mode === 'baseline') {
    const base = lookup(lineup.baseline, 'lineup.baseline');
    lineup.opponents.forEach((id, i) => {
      const opp = lookup(id, `lineup.opponents[${i}]`);
      if (base && opp)
        out.push({ focal: opp, seats: [opp, ...Array<ParticipantSpec>(n - 1).fill(base)] });
    });
  } else if (lineup.mode === 'crossplay') {
    const players = lineup.players
      .map((id, i) => lookup(id, `lineup.players[${i}]`))
      .filter((p): p is ParticipantSpec => p !== undefined);
    if (players.length !== lineup.players.length) return out;
    for (const combo of combinations(players.length, n, lineup.includeSelfPlay)) {
      const seats = combo.map((i) => players[i]);
      out.push({ focal: seats[0], seats });
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
      if (seats.every((s) => s !== undefined))
        out.push({ focal: seats[0]!, seats: seats as ParticipantSpec[] });
    });
  }
  return out;
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

function buildCells(sweep: Sweep, issues: SweepIssue[]): Cell[] {
  const game = getGame(sweep.game.kind);
  const prepared = prepareGameParams(sweep.game.kind, sweep.game.params);
  if (!prepared.ok) {
    issues.push({ path: 'game.params.folder', message: prepared.error });
    return [];
  }
  const parsed = game.paramsSchema.safeParse(prepared.params);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({
        path: ['game.params', ...issue.path.map(String)].join('.'),
        message: issue.message,
      });
    }
    return [];
  }
  const base = parsed.data as Record<string, unknown>;
  const comp = sweep.competition;
  if ('levels' in comp) {
    const seen = new Set<number>();
    return comp.levels.flatMap((level, i) => {
      if (seen.has(level)) {
        issues.push({ path: `competition.levels[${i}]`, message: `duplicate level ${level}` });
        return [];
      }
      seen.add(level);
      return [
        {
          level,
          rho: null,
          theta: null,
          params: game.withCompetition(base, level) as Record<string, unknown>,
          path: `competition.levels[${i}]`,
        },
      ];
    });
  }
  if (sweep.game.kind !== 'treaty') {
    issues.push({
      path: 'competition',
      message: `rho x theta applies to the treaty game only; use "levels" for ${sweep.game.kind}`,
    });
    return [];
  }
  const cells: Cell[] = [];
  comp.rho.forEach((rho, i) => {
    comp.theta.forEach((theta, j) => {
      cells.push({
        level: (theta * (1 - rho)) / 2,
        rho,
        theta,
        params: { ...base, rho, theta },
        path: `competition (rho[${i}] = ${rho}, theta[${j}] = ${theta})`,
      });
    });
  });
  return cells;
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
