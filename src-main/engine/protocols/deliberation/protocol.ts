// Deliberation rounds (DESIGN 4.3): p1 opens with the folder's initial deal, then every turn of
// the seeded schedule asks one party for a reply (private scratchpad and plan, public answer
// with a deal), and p1's final deal is scored with the pass rule. A reply that still fails after
// the agent's re-asks is recorded as a parse failure with its raw text and shows no answer.
import { formatDeal } from '../../../../games/deliberation/deal';
import type { DeliberationInstance } from '../../../../games/deliberation/definition';
import { deliberationMetrics } from '../../../../games/deliberation/metrics';
import { partyScore, roleIndex } from '../../../../games/deliberation/scoring';
import type { GameOutcome, TurnRecord } from '../../../../src-shared/game';
import type { Protocol } from '../../protocol';
import type { GameSession } from '../../session';
import { deliberationAction } from './actions';
import { systemPrefix } from './prompts';
import type { DeliberationReply } from './reply';
import { publicDeals, turnFacts, type AnswerAction } from './turns';
import { setupTurn } from '../../setup-turn';

function partySetupTurn(instance: DeliberationInstance, agent: number): TurnRecord {
  return setupTurn(agent, systemPrefix(turnFacts(instance, 0).game, agent));
}

function answerTurn(round: number, agent: number, text: string, action: AnswerAction): TurnRecord {
  return {
    round,
    phase: 'answer',
    pass: 0,
    agent,
    attempt: 0,
    visibility: 'public',
    text,
    action,
    status: 'ok',
  };
}

/** Ask the speaker of schedule index `turn` and record its private reply and public answer. */
async function playTurn(s: GameSession, turn: number): Promise<void> {
  const round = turn + 1;
  const agent = turnFacts(s.instance as DeliberationInstance, turn).speaker;
  const slot = { round, phase: 'scratchpad' as const, pass: 0, agent };
  const [reply] = await s.attempts(slot, 1, async () => {
    const ctx = s.context(slot);
    const r = await s.act(ctx, deliberationAction(ctx));
    const base = { ...slot, attempt: 0, visibility: 'private' as const, text: r.text };
    return r.ok
      ? { ...base, action: r.value, status: 'ok' as const }
      : { ...base, action: null, status: 'parse_failure' as const, error: r.error };
  });
  await s.record(reply);
  if (reply.turn.status !== 'ok') return;
  const value = reply.turn.action as DeliberationReply;
  await s.moderate(answerTurn(round, agent, value.answer, { deal: value.deal, isOpening: false }));
}

export const deliberationRounds: Protocol = {
  name: 'deliberation',
  async play(session) {
    const instance = session.instance as DeliberationInstance;
    const { game, schedule } = turnFacts(instance, 0);
    for (let i = 0; i < session.n; i++) await session.moderate(partySetupTurn(instance, i));
    const p1 = roleIndex(game, 'p1');
    const opening = `<DEAL>${formatDeal(game.issues, game.initialDeal)}</DEAL>`;
    await session.moderate(answerTurn(1, p1, opening, { deal: game.initialDeal, isOpening: true }));
    for (let turn = 1; turn < schedule.length; turn++) await playTurn(session, turn);
    return deliberationOutcome(session, instance);
  },
};

/** The outcome of a finished game (exported so importers score a published log the same way). */
export function deliberationOutcome(
  s: Pick<GameSession, 'publicHistory' | 'turns'>,
  instance: DeliberationInstance,
): GameOutcome {
  const { game, schedule } = turnFacts(instance, 0);
  const last = schedule.length;
  const answers = publicDeals(s.publicHistory);
  // Every turn in order; a turn without a recorded answer had no valid deal.
  const turns = schedule.map((party, turn) => ({
    turn,
    party,
    deal: answers.find((a) => a.turn === turn)?.deal ?? null,
  }));
  const metrics = deliberationMetrics(game, turns);
  const final = turns[last - 1].deal;
  const parseFailures = game.parties.map(
    (_, i) => s.turns.filter((t) => t.agent === i && t.status === 'parse_failure').length,
  );
  return {
    deal: metrics.finalDealPasses,
    round: metrics.finalDealPasses ? last : null,
    proposal: final,
    proposer: final === null ? null : roleIndex(game, 'p1'),
    rawUtilities: game.parties.map((p) => (final === null ? 0 : partyScore(p, final))),
    utilities: metrics.finalScores,
    invalidProposals: metrics.invalidDeals,
    syntheticVotes: game.parties.map(() => 0),
    parseFailures,
    measures: { ...metrics, feasibility: instance.realised.feasibility },
  };
}
