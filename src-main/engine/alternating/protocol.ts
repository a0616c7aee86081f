// Alternating offers (DESIGN 4.2) for two seats: seat 0 opens, then they alternate for at most T
// turns. Each turn the mover is asked for one offer action; an invalid action (an offer outside
// the game's range, a trade of resources a player does not hold, ACCEPT with nothing standing,
// an offer past the cap or on a respond-only last turn) is re-asked with the error and recorded
// invalid; when the attempts run out the turn passes as a forfeit. Each attempt is a private
// turn (pass 0, the reply with its reasoning); a valid one is followed by the public move
// (pass 1), derived from it, so a replay reproduces it.

import type { GameOutcome, TurnRecord } from '../../../src-shared/game';
import type { Protocol } from '../protocol';
import type { GameSession, Pending } from '../session';
import { offerAction, type OfferReply } from './actions';
import { protocolFacts } from './prompts';
import {
  applyMove,
  offerState,
  rulesOf,
  turnViewOf,
  type OfferMove,
  type OfferState,
} from './state';
import { setupTurn as privateSetupTurn } from '../setup-turn';

/** The action stored on a private attempt turn: the reply as parsed. */
export type OfferAttempt = OfferReply;

export const alternatingOffers: Protocol = {
  name: 'alternating-offers',
  async play(session) {
    const { game, instance } = session;
    if (session.n !== 2) throw new Error(`alternating offers needs 2 agents, got ${session.n}`);
    const rules = rulesOf(game);
    for (let i = 0; i < session.n; i++) await session.moderate(setupTurn(session, i));
    const rejectEnds = rules.rejectEnds(instance);
    let state = offerState([], session.n, rejectEnds);
    const limit = rules.turnLimit(instance);
    let endedBy: 'accept' | 'reject' | 'limit' = 'limit';
    let turn = 1;
    for (; turn <= limit && !state.isOver; turn++) {
      const mover = (turn - 1) % 2;
      const move = await playTurn(session, turn, mover);
      state = applyMove(state, turn, mover, move, rejectEnds);
      if (move.verb === 'ACCEPT') endedBy = 'accept';
      else if (move.verb === 'REJECT' && rejectEnds) endedBy = 'reject';
    }
    return alternatingOutcome(session, state, endedBy, turn - 1);
  },
};

function setupTurn(s: GameSession, agent: number): TurnRecord {
  const { game, instance } = s;
  const text = [
    instance.rules,
    `Your private information:\n${game.describePreferences(instance, agent)}`,
    protocolFacts(game, instance, agent).join('\n'),
  ].join('\n\n');
  return privateSetupTurn(agent, text);
}

/** Ask the mover (with re-asks), record its attempts and its public move; returns the move. */
async function playTurn(s: GameSession, turn: number, mover: number): Promise<OfferMove> {
  const slot = { round: turn, phase: 'offer' as const, pass: 0, agent: mover };
  const attempts = await s.attempts(
    slot,
    s.protocol.maxProposalAttempts,
    (attempt, feedback, earlier) => askMove(s, turn, mover, attempt, feedback, earlier),
  );
  for (const p of attempts) await s.record(p);
  const last = attempts[attempts.length - 1].turn;
  const move: OfferMove =
    last.status === 'ok'
      ? publicMove(last.action as OfferAttempt)
      : { verb: 'NONE', isForfeit: true };
  await s.moderate(publicTurn(s, turn, mover, move, last));
  return move;
}

function publicMove(reply: OfferAttempt): OfferMove {
  return reply.action === 'OFFER' ? { verb: 'OFFER', offer: reply.offer } : { verb: reply.action };
}

/** The public text of a move (exported for importers that rebuild played games). */
export function moveText(s: Pick<GameSession, 'game' | 'instance'>, move: OfferMove): string {
  if (move.isForfeit) return 'No valid action; the turn passes.';
  return move.verb === 'OFFER'
    ? `OFFER: ${s.game.describeProposal(s.instance, move.offer)}`
    : move.verb;
}

function publicTurn(
  s: GameSession,
  turn: number,
  mover: number,
  move: OfferMove,
  attempt: TurnRecord,
): TurnRecord {
  const message = attempt.status === 'ok' ? (attempt.action as OfferAttempt).message.trim() : '';
  return {
    round: turn,
    phase: 'offer',
    pass: 1,
    agent: mover,
    attempt: 0,
    visibility: 'public',
    text: message ? `${message}\n${moveText(s, move)}` : moveText(s, move),
    action: move,
    status: 'ok',
  };
}

/** The error of a parsed reply under the turn's rules, or the reply with its offer normalised. */
function validate(
  s: GameSession,
  turn: number,
  mover: number,
  reply: OfferReply,
): { ok: true; reply: OfferReply } | { ok: false; error: string } {
  const view = turnViewOf(s.game, s.instance, s.publicHistory, mover, turn);
  if (view.respondsOnly && (reply.action === 'OFFER' || reply.action === 'NONE'))
    return { ok: false, error: `turn ${turn} is the last turn: you may only ACCEPT or REJECT` };
  if (reply.action === 'ACCEPT' && view.acceptable === null)
    return { ok: false, error: 'there is no standing offer from the other player to accept' };
  if (reply.action !== 'OFFER') return { ok: true, reply: { ...reply, offer: undefined } };
  if (view.offersLeft <= 0)
    return {
      ok: false,
      error: `you have made all ${view.offerCap} of your offers; you may ACCEPT, REJECT or make no new offer (NONE)`,
    };
  if (reply.offer === undefined || reply.offer === null)
    return { ok: false, error: 'the action OFFER needs an "offer" object' };
  const check = s.game.validateProposal(s.instance, reply.offer);
  if (!check.ok) return { ok: false, error: check.error };
  return { ok: true, reply: { ...reply, offer: check.proposal } };
}

async function askMove(
  s: GameSession,
  turn: number,
  mover: number,
  attempt: number,
  feedback: string | undefined,
  earlier: Pending[],
): Promise<TurnRecord> {
  const privateHistory = s.privateWith(mover, earlier);
  const extra = feedback === undefined ? { privateHistory } : { privateHistory, feedback };
  const ctx = s.context({ round: turn, phase: 'offer', pass: 0, agent: mover, attempt }, extra);
  const reply = await s.act(ctx, offerAction(ctx));
  const base = {
    round: turn,
    phase: 'offer',
    pass: 0,
    agent: mover,
    attempt,
    visibility: 'private',
  } as const;
  if (!reply.ok)
    return { ...base, text: reply.text, action: null, status: 'parse_failure', error: reply.error };
  const checked = validate(s, turn, mover, reply.value);
  const reason = reply.value.reason?.trim() ? `Reasoning: ${reply.value.reason.trim()}\n` : '';
  if (!checked.ok) {
    return {
      ...base,
      text: `${reason}${reply.value.action}${reply.value.action === 'OFFER' ? ` ${JSON.stringify(reply.value.offer ?? null)}` : ''} (invalid)`,
      action: stripUndefined(reply.value),
      status: 'invalid',
      error: checked.error,
    };
  }
  const move = publicMove(checked.reply);
  return {
    ...base,
    text: `${reason}${moveText(s, move)}`,
    action: stripUndefined(checked.reply),
    status: 'ok',
  };
}

/** JSON-stable copy (the store round-trips actions through JSON; undefined keys vanish there). */
function stripUndefined(reply: OfferReply): OfferReply {
  return JSON.parse(JSON.stringify(reply)) as OfferReply;
}

/** The outcome of a finished game (exported so importers score a published game the same way). */
export function alternatingOutcome(
  s: Pick<GameSession, 'game' | 'instance' | 'n' | 'turns'>,
  state: OfferState,
  endedBy: 'accept' | 'reject' | 'limit',
  turnsPlayed: number,
): GameOutcome {
  const { game, instance } = s;
  const rules = rulesOf(game);
  const zeros = () => new Array<number>(s.n).fill(0);
  const invalidProposals = zeros();
  const parseFailures = zeros();
  for (const t of s.turns) {
    if (t.agent < 0 || t.phase !== 'offer' || t.pass !== 0) continue;
    if (t.status === 'parse_failure') parseFailures[t.agent]++;
    if (t.status === 'invalid') invalidProposals[t.agent]++;
  }
  const counts = { invalidProposals, syntheticVotes: zeros(), parseFailures };
  const protocolMeasures = {
    endedBy,
    turns: turnsPlayed,
    offersMade: state.offersMade,
    forfeits: [0, 1].map(
      (a) => state.moves.filter((m) => m.agent === a && m.move.isForfeit).length,
    ),
  };
  const accepted = endedBy === 'accept' ? state.standing : null;
  if (accepted === null) {
    const none = rules.noDealUtilities(instance);
    return {
      deal: false,
      round: null,
      proposal: null,
      proposer: null,
      rawUtilities: none,
      utilities: none,
      ...counts,
      measures: { ...protocolMeasures, ...rules.measures(instance, null) },
    };
  }
  const rawUtilities = game.rawUtilities(instance, accepted.offer);
  return {
    deal: true,
    round: turnsPlayed,
    proposal: accepted.offer,
    proposer: accepted.proposer,
    rawUtilities,
    utilities: rawUtilities,
    ...counts,
    measures: {
      ...protocolMeasures,
      ...rules.measures(instance, {
        proposal: accepted.offer,
        proposer: accepted.proposer,
        turn: turnsPlayed,
      }),
    },
  };
}
