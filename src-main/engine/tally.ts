// The vote count of DESIGN 4, step 6: which listed proposal (if any) a round's votes accept.
import type { AcceptanceRule, Vote } from '../../src-shared/game';

/** Anything that draws uniformly from [0, 1); the engine passes the game's seeded RNG. */
export interface UniformSource {
  next(): number;
}

export interface TallyResult {
  /** Accept count per listed proposal, in listing order. */
  accepts: number[];
  /** 0-based indices of the proposals that pass the rule. */
  passing: number[];
  /** 0-based index of the accepted proposal, or null when none passes. */
  winner: number | null;
  /** True when several passing proposals shared the top accept count and the RNG chose. */
  isTieBreak: boolean;
}

/** Accepts a proposal needs under `rule` with n voters (veto also needs every holder). */
export function acceptsNeeded(rule: AcceptanceRule, n: number): number {
  if (rule === 'unanimous') return n;
  if (rule === 'supermajority') return Math.ceil((2 * n) / 3);
  return Math.max(1, n - 1);
}

/**
 * Count `votes[agent][proposal]` under `rule`. A missing vote counts as reject. Among passing
 * proposals the most accepts win under every rule (with unanimity all passing proposals tie);
 * remaining ties are broken by one draw from `rng`, made only when there is a tie, so the
 * result is a pure function of the votes and the RNG's seed.
 */
export function tally(
  votes: readonly (readonly Vote[])[],
  rule: AcceptanceRule,
  n: number,
  vetoHolders: readonly number[],
  rng: UniformSource,
): TallyResult {
  const k = votes.reduce((max, v) => Math.max(max, v.length), 0);
  const needed = acceptsNeeded(rule, n);
  const accepts: number[] = [];
  const passing: number[] = [];
  for (let j = 0; j < k; j++) {
    let count = 0;
    for (let a = 0; a < n; a++) if (votes[a]?.[j] === 'accept') count++;
    accepts.push(count);
    const isVetoed = rule === 'veto' && vetoHolders.some((h) => votes[h]?.[j] !== 'accept');
    if (count >= needed && !isVetoed) passing.push(j);
  }
  if (passing.length === 0) return { accepts, passing, winner: null, isTieBreak: false };
  const best = Math.max(...passing.map((j) => accepts[j]));
  const tied = passing.filter((j) => accepts[j] === best);
  if (tied.length === 1) return { accepts, passing, winner: tied[0], isTieBreak: false };
  const pick = Math.min(tied.length - 1, Math.floor(rng.next() * tied.length));
  return { accepts, passing, winner: tied[pick], isTieBreak: true };
}
