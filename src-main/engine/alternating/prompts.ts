// The alternating-offers protocol's texts (DESIGN 4.2): each seat's private briefing, the LLM's
// stable system prefix and the per-turn instruction.
import { agentName, type GameDefinition } from '../../../games/types';
import type { GameInstance } from '../../../src-shared/game';
import {
  FORMAT_MARKER,
  OFFER_STATE_MARKER,
  PHASE_MARKER,
  REQUIRED_ACTION_MARKER,
  STATE_CLOSE,
  STATE_OPEN,
  type OfferStateLine,
  type PrivateStateBlock,
} from '../../agents/llm/prompt-markers';
import type { AgentContext } from '../agent';
import { rulesOf, turnView, type TurnView } from './state';

export const OFFER_REPLY_FORMAT =
  '{"message": "<your public message>", "action": "OFFER" | "ACCEPT" | "REJECT" | "NONE", "offer": <the offer object, only with OFFER>, "reason": "<short private reasoning>"}';

/** The protocol facts every seat is told: turns, limits, what each action does. */
export function protocolFacts(
  game: GameDefinition,
  instance: GameInstance,
  agent: number,
): string[] {
  const rules = rulesOf(game);
  const limit = rules.turnLimit(instance);
  const cap = rules.offerCap(instance);
  const other = agentName(1 - agent);
  return [
    `You are ${agentName(agent)}; the other player is ${other}. ${agentName(0)} moves first, then you alternate; the negotiation lasts at most ${limit} turns.`,
    `On your turn write a public message and one action: OFFER (a new offer, which replaces your previous one), ACCEPT (the other player's standing offer, which ends the game with that deal), REJECT (${rules.rejectEnds(instance) ? 'ends the game with no deal' : "declines the other player's standing offer"}) or NONE (no new offer).`,
    ...(Number.isFinite(cap) ? [`Each player may make at most ${cap} offers.`] : []),
    ...(rules.lastTurnRespondsOnly(instance)
      ? [`On the last turn (turn ${limit}) the mover may only ACCEPT or REJECT.`]
      : []),
    `If no offer is accepted by the end of turn ${limit}, the game ends with no deal.`,
    `Offer format: ${game.proposalFormat(instance)}`,
  ];
}

/** The stable prefix: identity, persona, rules, protocol, private information, reply format. */
export function offerSystemPrompt(ctx: AgentContext, persona?: string): string {
  const { instance, index, game } = ctx;
  const state: PrivateStateBlock = {
    game: instance.kind,
    n: instance.nAgents,
    you: index,
    rounds: rulesOf(game).turnLimit(instance),
    preferences: instance.preferences[index],
  };
  return [
    `You are ${agentName(index)}, one of 2 players in a negotiation (${game.title}).`,
    ...(persona ? [`Negotiation style to adopt: ${persona}`] : []),
    '',
    '## Rules',
    instance.rules,
    '',
    '## Protocol',
    ...protocolFacts(game, instance, index).map((f) => `- ${f}`),
    '- The other player sees your messages and actions, never your reasoning.',
    '',
    '## Your private information (only you know it)',
    game.describePreferences(instance, index),
    `Machine-readable copy: ${STATE_OPEN}${JSON.stringify(state)}${STATE_CLOSE}`,
    '',
    '## How to reply',
    `Answer every turn with a single JSON object and nothing else: ${OFFER_REPLY_FORMAT}`,
    'An offer object follows this format:',
    `${FORMAT_MARKER} ${game.proposalFormat(instance)}`,
  ].join('\n');
}

function situation(ctx: AgentContext, view: TurnView): string[] {
  const { game, instance } = ctx;
  const lines: string[] = [];
  lines.push(
    view.acceptable
      ? `Standing offer from ${agentName(view.acceptable.proposer)}: ${game.describeProposal(instance, view.acceptable.offer)}.`
      : 'There is no standing offer from the other player to accept.',
  );
  if (Number.isFinite(view.offerCap)) lines.push(`You have ${view.offersLeft} offer(s) left.`);
  if (view.respondsOnly) lines.push('This is the last turn: you may only ACCEPT or REJECT.');
  else if (view.isLastTurn)
    lines.push('This is the last turn: without an accepted offer now, there is no deal.');
  return lines;
}

/** The final user message of a turn; `required` is a wrapped strategy's decided action. */
export function offerPrompt(ctx: AgentContext, required?: unknown): string {
  const view = turnView(ctx);
  const line: OfferStateLine = {
    turn: view.turn,
    turnLimit: view.turnLimit,
    standing: view.acceptable?.offer ?? null,
    offersLeft: Number.isFinite(view.offerCap) ? view.offersLeft : null,
    respondsOnly: view.respondsOnly,
  };
  const body =
    required === undefined
      ? ['Make your move.']
      : [
          'Your action this turn is fixed; present it in your own words in "message".',
          `${REQUIRED_ACTION_MARKER} ${JSON.stringify(required)}`,
          'The "action" (and "offer") fields must be exactly the ones above.',
        ];
  const feedback = ctx.feedback
    ? [`Your previous attempt was invalid: ${ctx.feedback}. Fix it.`]
    : [];
  return [
    `${PHASE_MARKER} offer`,
    `Turn ${view.turn} of ${view.turnLimit}.`,
    ...situation(ctx, view),
    `${OFFER_STATE_MARKER} ${JSON.stringify(line)}`,
    ...body,
    `Reply with only: ${OFFER_REPLY_FORMAT}`,
    ...feedback,
  ].join('\n');
}
