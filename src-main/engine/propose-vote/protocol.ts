// Propose and vote (DESIGN 4.1) for n >= 2 agents: per round discussion, private thinking,
// simultaneous proposals (re-asked when invalid), a public listing, private votes, a public tally
// and, without a deal, private reflection.
import { createRng, hashSeed } from '../../../games/rng';
import type { GameOutcome, TurnRecord, Vote } from '../../../src-shared/game';
import type { AgentReply, ListedProposal } from '../agent';
import {
  JOINT_PROPOSER,
  jointListing,
  listingTurn,
  setupTurn,
  tallyTurn,
  type TallyAction,
} from '../moderator';
import type { Protocol } from '../protocol';
import type { GameSession, Pending } from '../session';
import { tally } from '../tally';
import { proposeVoteAction } from './actions';

/** The action of a vote turn: final votes (missing ones filled as reject) and which were filled. */
export interface VoteAction {
  votes: Vote[];
  synthetic: number[];
}

export const proposeAndVote: Protocol = {
  name: 'propose-and-vote',
  async play(session) {
    const { game, instance, protocol } = session;
    for (let i = 0; i < session.n; i++)
      await session.moderate(setupTurn(game, instance, protocol, i));
    for (let round = 1; round <= protocol.rounds; round++) {
      const deal = await playRound(session, round);
      if (deal) return outcome(session, round, deal);
    }
    return outcome(session, null, null);
  },
};

async function playRound(s: GameSession, round: number): Promise<ListedProposal | null> {
  const { game, instance, protocol } = s;
  for (let pass = 0; pass < protocol.discussionTurns; pass++) {
    for (let i = 0; i < s.n; i++) await s.record(await textTurn(s, i, round, 'discussion', pass));
  }
  await s.simultaneous(async (i) => [await textTurn(s, i, round, 'thinking', 0)]);
  const attempts = await s.simultaneous((i) =>
    s.attempts(
      { round, phase: 'proposal', pass: 0, agent: i },
      protocol.maxProposalAttempts,
      (a, f, e) => askProposal(s, i, round, a, f, e),
    ),
  );
  const valid = attempts.flatMap((turns, i) =>
    turns.filter((t) => t.status === 'ok').map((t) => ({ proposer: i, proposal: t.action })),
  );
  const joint = game.jointProposal?.(instance) ?? null;
  const listing = joint
    ? jointListing(game, instance, round, joint, valid, s.n)
    : listingTurn(game, instance, round, valid);
  const listed = (await s.moderate(listing)).action as ListedProposal[];
  if (listed.length > 0) {
    const voteTurns = await s.simultaneous(async (i) => [await voteTurn(s, i, round, listed)]);
    const votes = voteTurns.map((turns) => (turns[0].action as VoteAction).votes);
    const rng = createRng(hashSeed(instance.seed, 'tally', round));
    const result = tally(votes, protocol.acceptance, s.n, protocol.vetoHolders, rng);
    const accepted = ((await s.moderate(tallyTurn(round, votes, result))).action as TallyAction)
      .accepted;
    if (accepted !== null) return listed[accepted - 1];
  }
  await s.simultaneous(async (i) => [await textTurn(s, i, round, 'reflection', 0)]);
  return null;
}

async function textTurn(
  s: GameSession,
  agent: number,
  round: number,
  phase: 'discussion' | 'thinking' | 'reflection',
  pass: number,
): Promise<Pending> {
  const stored = s.stored({ round, phase, pass, agent });
  if (stored) return { turn: stored, isNew: false };
  const ctx = s.context({ round, phase, pass, agent });
  const reply =
    phase === 'discussion'
      ? pick(await s.act(ctx, proposeVoteAction(ctx, 'discussion')), (v) => v.message)
      : phase === 'thinking'
        ? pick(await s.act(ctx, proposeVoteAction(ctx, 'thinking')), (v) => v.plan)
        : pick(await s.act(ctx, proposeVoteAction(ctx, 'reflection')), (v) => v.reflection);
  // Literals, not spreads of a shared base (the spreads cost more than the rest of the turn);
  // the key order is the same either way.
  // An unparsed discussion reply stays private: it may hold text the agent never meant to say.
  const turn: TurnRecord = reply.ok
    ? {
        round,
        phase,
        pass,
        agent,
        attempt: 0,
        action: null,
        visibility: phase === 'discussion' ? 'public' : 'private',
        text: reply.text,
        status: 'ok',
      }
    : {
        round,
        phase,
        pass,
        agent,
        attempt: 0,
        action: null,
        visibility: 'private',
        text: reply.text,
        status: 'parse_failure',
        error: reply.error,
      };
  return { turn, isNew: true };
}

async function askProposal(
  s: GameSession,
  agent: number,
  round: number,
  attempt: number,
  feedback: string | undefined,
  earlier: Pending[],
): Promise<TurnRecord> {
  const { game, instance } = s;
  // A re-ask shows the agent its own failed attempts of this round, which commit with it.
  const privateHistory = s.privateWith(agent, earlier);
  const extra = feedback === undefined ? { privateHistory } : { privateHistory, feedback };
  const ctx = s.context({ round, phase: 'proposal', pass: 0, agent, attempt }, extra);
  const reply = await s.act(ctx, proposeVoteAction(ctx, 'proposal'));
  const base = {
    round,
    phase: 'proposal',
    pass: 0,
    agent,
    attempt,
    visibility: 'private',
  } as const;
  if (!reply.ok)
    return { ...base, text: reply.text, action: null, status: 'parse_failure', error: reply.error };
  const note = reply.value.message ? `${reply.value.message}\n` : '';
  const joint = game.jointProposal?.(instance) ?? null;
  const check = joint
    ? joint.validatePart(agent, reply.value.proposal)
    : game.validateProposal(instance, reply.value.proposal);
  if (!check.ok) {
    const raw = reply.value.proposal ?? null;
    return {
      ...base,
      text: `${note}Proposal (invalid): ${JSON.stringify(raw)}`,
      action: raw,
      status: 'invalid',
      error: check.error,
    };
  }
  return {
    ...base,
    text: `${note}Proposal: ${joint ? joint.describePart(agent, check.proposal) : game.describeProposal(instance, check.proposal)}`,
    action: check.proposal,
    status: 'ok',
  };
}

/** One vote per listed proposal; anything missing or malformed becomes a synthetic reject. */
async function voteTurn(
  s: GameSession,
  agent: number,
  round: number,
  listed: readonly ListedProposal[],
): Promise<Pending> {
  const stored = s.stored({ round, phase: 'vote', pass: 0, agent });
  if (stored) return { turn: stored, isNew: false };
  const ctx = s.context({ round, phase: 'vote', pass: 0, agent }, { listedProposals: listed });
  const reply = await s.act(ctx, proposeVoteAction(ctx, 'vote'));
  const given: unknown[] = reply.ok && Array.isArray(reply.value.votes) ? reply.value.votes : [];
  const votes: Vote[] = [];
  const synthetic: number[] = [];
  listed.forEach((_, j) => {
    const v = given[j];
    if (v === 'accept' || v === 'reject') votes.push(v);
    else {
      votes.push('reject');
      synthetic.push(j);
    }
  });
  const action: VoteAction = { votes, synthetic };
  const base = {
    round,
    phase: 'vote',
    pass: 0,
    agent,
    attempt: 0,
    visibility: 'private',
    action,
  } as const;
  if (!reply.ok)
    return {
      turn: { ...base, text: reply.text, status: 'parse_failure', error: reply.error },
      isNew: true,
    };
  if (synthetic.length === 0)
    return { turn: { ...base, text: reply.text, status: 'ok' }, isNew: true };
  const error = `missing or invalid vote for proposal ${synthetic.map((j) => j + 1).join(', ')}; counted as reject`;
  return { turn: { ...base, text: reply.text, status: 'synthetic', error }, isNew: true };
}

function outcome(s: GameSession, round: number | null, deal: ListedProposal | null): GameOutcome {
  const { game, instance, protocol } = s;
  const zeros = () => new Array<number>(s.n).fill(0);
  const invalidProposals = zeros();
  const syntheticVotes = zeros();
  const parseFailures = zeros();
  for (const t of s.turns) {
    if (t.agent < 0) continue;
    if (t.status === 'parse_failure') parseFailures[t.agent]++;
    if (t.phase === 'proposal' && t.status === 'invalid') invalidProposals[t.agent]++;
    if (t.phase === 'vote') syntheticVotes[t.agent] += (t.action as VoteAction).synthetic.length;
  }
  const counts = { invalidProposals, syntheticVotes, parseFailures };
  if (round === null || deal === null) {
    return {
      deal: false,
      round: null,
      proposal: null,
      proposer: null,
      rawUtilities: zeros(),
      utilities: zeros(),
      ...counts,
    };
  }
  const rawUtilities = game.rawUtilities(instance, deal.proposal);
  const factor = Math.pow(protocol.gamma, round - 1);
  const utilities = rawUtilities.map((u) => u * factor);
  return {
    deal: true,
    round,
    proposal: deal.proposal,
    // A joint proposal (JOINT_PROPOSER) has no single proposer.
    proposer: deal.proposer === JOINT_PROPOSER ? null : deal.proposer,
    rawUtilities,
    utilities,
    ...counts,
  };
}

/** The displayed text of a reply: the picked field when it parsed, the raw text otherwise. */
function pick<T>(
  reply: AgentReply<T>,
  field: (value: T) => string,
): { ok: true; text: string } | { ok: false; text: string; error: string } {
  return reply.ok
    ? { ok: true, text: field(reply.value) }
    : { ok: false, text: reply.text, error: reply.error };
}
