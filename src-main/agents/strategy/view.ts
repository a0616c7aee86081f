// What a strategy agent knows at one call, rebuilt from its AgentContext alone: the outcome
// space, its own (possibly noisy) utilities, and every listed proposal and published vote so far.
import { createRng, hashSeed, type Rng } from '../../../games/rng';
import type { TurnRecord, Vote } from '../../../src-shared/game';
import type { AgentContext, ListedProposal } from '../../engine/agent';
import { keyOf, spaceOf, type Space } from './space';

/** A proposal that was listed publicly; `index` is its outcome index, or -1 if off the space. */
export interface Offer {
  round: number;
  proposer: number;
  index: number;
  proposal: unknown;
}

/** A vote an agent cast on a listed proposal, as published in the tally. */
export interface CastVote {
  round: number;
  agent: number;
  offer: Offer;
  vote: Vote;
}

export interface View {
  ctx: AgentContext;
  space: Space;
  me: number;
  n: number;
  rounds: number;
  round: number;
  /** Normalised time (round - 1) / (T - 1), in [0, 1]. */
  t: number;
  /** Perceived own utility per outcome, normalised to the best outcome (noise included). */
  x: Float64Array;
  offers: Offer[];
  votes: CastVote[];
  /** Random source for this exact call (ctx.callSeed). */
  rng: Rng;
  /** Noise sd of own evaluations (0 for exact agents); applied to off-space proposals too. */
  noise: number;
}

/**
 * The stream of createRng(seed), created at its first draw: most calls never draw from their
 * call stream (only noisy agents scoring an off-space proposal do), and seeding one costs more
 * than the rest of a memoised call. Same seed, same draws.
 */
class LazyRng implements Rng {
  private rng: Rng | undefined;
  constructor(private readonly seed: number) {}
  private get stream(): Rng {
    return (this.rng ??= createRng(this.seed));
  }
  next(): number {
    return this.stream.next();
  }
  int(lo: number, hi: number): number {
    return this.stream.int(lo, hi);
  }
  normal(): number {
    return this.stream.normal();
  }
  shuffle<T>(arr: readonly T[]): T[] {
    return this.stream.shuffle(arr);
  }
  pick<T>(arr: readonly T[]): T {
    return this.stream.pick(arr);
  }
}

/** The random source of the call with seed `callSeed` (see LazyRng). */
export function callRng(callSeed: number): Rng {
  return new LazyRng(callSeed);
}

/** Parsed listing turns (turn objects are immutable once recorded, so identity is a safe key). */
const listingCache = new WeakMap<TurnRecord, Offer[]>();

function listingOffers(turn: TurnRecord, space: Space): Offer[] {
  let listed = listingCache.get(turn);
  if (!listed) {
    listed = (turn.action as ListedProposal[]).map((p) => ({
      round: turn.round,
      proposer: p.proposer,
      index: space.index.get(keyOf(p.proposal)) ?? -1,
      proposal: p.proposal,
    }));
    listingCache.set(turn, listed);
  }
  return listed;
}

function parseHistory(
  history: readonly TurnRecord[],
  space: Space,
): { offers: Offer[]; votes: CastVote[] } {
  const offers: Offer[] = [];
  const votes: CastVote[] = [];
  let listed: Offer[] = [];
  for (const turn of history) {
    if (turn.phase === 'listing' && Array.isArray(turn.action)) {
      listed = listingOffers(turn, space);
      offers.push(...listed);
    } else if (turn.phase === 'tally' && listed.length > 0 && listed[0].round === turn.round) {
      const cast = (turn.action as { votes?: Vote[][] } | null)?.votes ?? [];
      cast.forEach((agentVotes, agent) =>
        agentVotes.forEach((vote, j) => {
          if (listed[j]) votes.push({ round: turn.round, agent, offer: listed[j], vote });
        }),
      );
    }
  }
  return { offers, votes };
}

/**
 * Build the view for one call. `noise` (sd in normalised utility) perturbs own evaluations
 * with a stream seeded per (game, agent, round), so all of an agent's calls within a round
 * (discussion, plan, proposal, vote) share one consistent misperception.
 */
export function buildView(ctx: AgentContext, noise = 0): View {
  const space = spaceOf(ctx.game, ctx.instance);
  const me = ctx.index;
  const rounds = ctx.protocol.rounds;
  const round = Math.max(1, ctx.round);
  let x = space.util[me];
  if (noise > 0) {
    const rng = createRng(hashSeed(ctx.instance.seed, me, round, 'strategy-eval'));
    // Misjudged, but never beyond what a utility can be: an agent knows no outcome is worth
    // more than its best or less than nothing (keeps its private notes in 0..100).
    // A loop, not Float64Array.map (slow in V8); draws stay in outcome order.
    const own = x;
    x = new Float64Array(own.length);
    for (let o = 0; o < own.length; o++) x[o] = clamp01(own[o] + noise * rng.normal());
  }
  return {
    ctx,
    space,
    me,
    n: ctx.instance.nAgents,
    rounds,
    round,
    t: rounds > 1 ? Math.min(1, (round - 1) / (rounds - 1)) : 1,
    x,
    ...parseHistory(ctx.publicHistory, space),
    rng: callRng(ctx.callSeed),
    noise,
  };
}

/** Perceived own utility of any proposal (outcome-space lookup, else the game's scoring). */
export function perceived(view: View, proposal: unknown, index: number): number {
  if (index >= 0) return view.x[index];
  const raw = view.ctx.game.rawUtilities(view.ctx.instance, proposal)[view.me];
  const best = view.space.best[view.me];
  const u = best > 0 ? raw / best : 0;
  // Exact agents see the true utility, even below 0 or above the space's best (co-funding).
  return view.noise > 0 ? clamp01(u + view.noise * view.rng.normal()) : u;
}

const clamp01 = (u: number): number => Math.min(1, Math.max(0, u));

/** Indices of the other agents. */
export function opponents(view: View): number[] {
  return Array.from({ length: view.n }, (_, i) => i).filter((i) => i !== view.me);
}
