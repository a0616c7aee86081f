// Parley's own outcome of an imported game (its game definition applied to the accepted
// proposal, discounted by gamma^(r-1) as DESIGN 3.1 says) and the flags where the source
// published something else.
import type { GameDefinition } from '../../games/types';
import type { GameInstance, GameOutcome, ProtocolParams, TurnRecord } from '../../src-shared/game';
import type { ImportFlag, PublishedOutcome } from '../store/imports';

export interface AcceptedDeal {
  round: number;
  proposal: unknown;
  proposer: number | null;
}

/** The outcome Parley computes for `deal` (null: no deal), with the transcript's failure counts. */
export function recomputeOutcome(
  game: GameDefinition,
  instance: GameInstance,
  protocol: ProtocolParams,
  turns: readonly TurnRecord[],
  deal: AcceptedDeal | null,
): GameOutcome {
  const zeros = () => new Array<number>(instance.nAgents).fill(0);
  const invalidProposals = zeros();
  const syntheticVotes = zeros();
  const parseFailures = zeros();
  for (const t of turns) {
    if (t.agent < 0) continue;
    if (t.status === 'parse_failure') parseFailures[t.agent]++;
    if (t.phase === 'proposal' && t.status === 'invalid') invalidProposals[t.agent]++;
    if (t.phase === 'vote') {
      const synthetic = (t.action as { synthetic?: unknown[] } | null)?.synthetic;
      syntheticVotes[t.agent] += Array.isArray(synthetic) ? synthetic.length : 0;
    }
  }
  const counts = { invalidProposals, syntheticVotes, parseFailures };
  if (!deal) {
    const none = { deal: false, round: null, proposal: null, proposer: null };
    return { ...none, rawUtilities: zeros(), utilities: zeros(), ...counts };
  }
  const rawUtilities = game.rawUtilities(instance, deal.proposal);
  const factor = Math.pow(protocol.gamma, deal.round - 1);
  return {
    deal: true,
    round: deal.round,
    proposal: deal.proposal,
    proposer: deal.proposer,
    rawUtilities,
    utilities: rawUtilities.map((u) => u * factor),
    ...counts,
  };
}

const fmt = (xs: readonly (number | null)[]) =>
  xs.map((x) => (x === null ? '-' : String(Math.round(x * 1000) / 1000))).join(', ');

/**
 * Where the published outcome and Parley's differ: the deal, its round, or any seat's utility by
 * more than `tolerance` (values recovered from rounded prompt text carry a rounding error).
 */
export function compareOutcomes(
  published: PublishedOutcome,
  ours: GameOutcome,
  opts: { tolerance: number; gamma: number },
): ImportFlag[] {
  const flags: ImportFlag[] = [];
  if (published.deal !== ours.deal) {
    flags.push({
      code: 'deal_differs',
      message: `the file says ${published.deal ? 'a deal was reached' : 'no deal'}, Parley finds ${ours.deal ? `a deal in round ${ours.round}` : 'no valid deal'}`,
    });
  } else if (published.deal && published.round !== ours.round) {
    flags.push({
      code: 'round_differs',
      message: `the file says the deal came in round ${published.round}, Parley finds round ${ours.round}`,
    });
  }
  const near = (a: number, b: number) => Math.abs(a - b) <= opts.tolerance;
  const seats = published.utilities.map((u, i) => ({ u, i })).filter((s) => s.u !== null);
  const differs = seats.some(({ u, i }) => !near(u!, ours.utilities[i]));
  if (differs) {
    const isRaw = ours.deal && seats.every(({ u, i }) => near(u!, ours.rawUtilities[i]));
    const discount = ours.deal
      ? ` (round ${ours.round}, gamma^(r-1) = ${round6(opts.gamma ** (ours.round! - 1))})`
      : '';
    flags.push({
      code: 'utilities_differ',
      message:
        `published utilities ${fmt(published.utilities)} differ from Parley's ${fmt(ours.utilities)}${discount}` +
        (isRaw ? '; the published ones are undiscounted' : ''),
    });
  }
  return flags;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
