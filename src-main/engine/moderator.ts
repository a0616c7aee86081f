// Turns the moderator writes: each agent's setup briefing, the public listing of proposals and
// the public tally. Pure functions of the game and earlier turns, so replays reproduce them.
import {
  agentName,
  proposalFormatOf,
  type GameDefinition,
  type JointProposal,
} from '../../games/types';
import type { GameInstance, ProtocolParams, TurnRecord, Vote } from '../../src-shared/game';
import type { ListedProposal } from './agent';
import type { TallyResult } from './tally';
import { setupTurn as privateSetupTurn } from './setup-turn';

/** The action of a tally turn; `accepted` is the 1-based listing number or null. */
export interface TallyAction {
  votes: Vote[][];
  accepts: number[];
  passing: number[];
  accepted: number | null;
  isTieBreak: boolean;
}

/** True in the last two rounds, when prompts carry an urgency note (DESIGN 4, step 1). */
export function isUrgent(round: number, protocol: ProtocolParams): boolean {
  return round >= protocol.rounds - 1;
}

function ruleText(protocol: ProtocolParams, n: number): string {
  switch (protocol.acceptance) {
    case 'unanimous':
      return 'a proposal passes only if every agent accepts it';
    case 'supermajority':
      return `a proposal passes with at least ${Math.ceil((2 * n) / 3)} of ${n} accepts; among passing proposals the one with most accepts wins (ties drawn by lot)`;
    case 'veto': {
      const holders = protocol.vetoHolders.map(agentName).join(', ') || 'nobody';
      return `a proposal passes with at least ${Math.max(1, n - 1)} of ${n} accepts, which must include every veto holder (${holders})`;
    }
  }
}

/** The private round-0 briefing for `agent`: rules, its own preferences, the protocol facts. */
export function setupTurn(
  game: GameDefinition,
  instance: GameInstance,
  protocol: ProtocolParams,
  agent: number,
): TurnRecord {
  const n = instance.nAgents;
  const facts = [
    `You are ${agentName(agent)}, one of ${n} agents (${Array.from({ length: n }, (_, i) => agentName(i)).join(', ')}).`,
    `The negotiation lasts at most ${protocol.rounds} round${protocol.rounds === 1 ? '' : 's'}. Each round: discussion, private thinking, proposals, a private vote on every listed proposal, then the tally.`,
    `Acceptance rule: ${ruleText(protocol, n)}.`,
    `A deal reached in round r is worth your utility times ${protocol.gamma}^(r-1). With no deal after round ${protocol.rounds}, every agent gets 0.`,
    `Proposal format: ${proposalFormatOf(game, instance)}`,
  ];
  const text = [
    instance.rules,
    `Your private preferences:\n${game.describePreferences(instance, agent)}`,
    facts.join('\n'),
  ].join('\n\n');
  return privateSetupTurn(agent, text);
}

/** The `proposer` of a listed joint proposal, which every agent's part went into. */
export const JOINT_PROPOSER = -1;

/** The public, numbered list of this round's valid proposals (in proposer order). */
export function listingTurn(
  game: GameDefinition,
  instance: GameInstance,
  round: number,
  valid: readonly { proposer: number; proposal: unknown }[],
  emptyText = `Round ${round}: no valid proposals were made; there is no vote this round.`,
): TurnRecord {
  const listed: ListedProposal[] = valid.map((v, i) => ({
    number: i + 1,
    proposer: v.proposer,
    proposal: v.proposal,
  }));
  const by = (p: ListedProposal) =>
    p.proposer === JOINT_PROPOSER ? 'joint, of every agent' : `by ${agentName(p.proposer)}`;
  const text =
    listed.length === 0
      ? emptyText
      : [
          `Round ${round} proposals:`,
          ...listed.map(
            (p) => `${p.number}. ${by(p)}: ${game.describeProposal(instance, p.proposal)}`,
          ),
        ].join('\n');
  return {
    round,
    phase: 'listing',
    pass: 0,
    agent: -1,
    attempt: 0,
    visibility: 'public',
    text,
    action: listed,
    status: 'ok',
  };
}

/**
 * The listing where proposals are joint (DESIGN 3.3's pledge protocol): the one joint proposal
 * combined from every agent's valid part, or none when some agent has no valid part this round.
 */
export function jointListing(
  game: GameDefinition,
  instance: GameInstance,
  round: number,
  joint: JointProposal<unknown>,
  valid: readonly { proposer: number; proposal: unknown }[],
  n: number,
): TurnRecord {
  const parts = Array.from({ length: n }, (_, i) => valid.find((v) => v.proposer === i));
  const missing = parts.flatMap((p, i) => (p ? [] : [agentName(i)]));
  if (missing.length > 0) {
    const text = `Round ${round}: no joint proposal, since ${missing.join(', ')} made no valid part; there is no vote this round.`;
    return listingTurn(game, instance, round, [], text);
  }
  const proposal = joint.combine(parts.map((p) => p!.proposal));
  return listingTurn(game, instance, round, [{ proposer: JOINT_PROPOSER, proposal }]);
}

/** The public tally: every agent's votes, which proposals pass and which one (if any) wins. */
export function tallyTurn(round: number, votes: Vote[][], result: TallyResult): TurnRecord {
  const lines = result.accepts.map((count, j) => {
    const who = votes.map((v, a) => `${agentName(a)} ${v[j] ?? 'reject'}`).join(', ');
    const verdict =
      result.winner === j ? 'ACCEPTED' : result.passing.includes(j) ? 'passes' : 'fails';
    return `Proposal ${j + 1}: ${count}/${votes.length} accept (${who}) - ${verdict}.`;
  });
  lines.push(
    result.winner === null
      ? `No proposal passed; no deal in round ${round}.`
      : `Deal: proposal ${result.winner + 1} is accepted${result.isTieBreak ? ' (tie broken by lot)' : ''}.`,
  );
  const action: TallyAction = {
    votes,
    accepts: result.accepts,
    passing: result.passing.map((j) => j + 1),
    accepted: result.winner === null ? null : result.winner + 1,
    isTieBreak: result.isTieBreak,
  };
  return {
    round,
    phase: 'tally',
    pass: 0,
    agent: -1,
    attempt: 0,
    visibility: 'public',
    text: lines.join('\n'),
    action,
    status: 'ok',
  };
}
