// The state of an alternating-offers game as every seat can read it from the public turns:
// the standing offer, offers made so far and the turn limits. Strategy agents, prompts and the
// protocol all derive it from the same recorded turns, so a replayed game reads the same state.
import type { AlternatingRules, GameDefinition } from '../../../games/types';
import type { GameInstance, TurnRecord } from '../../../src-shared/game';
import type { AgentContext } from '../agent';

export const OFFER_VERBS = ['OFFER', 'ACCEPT', 'REJECT', 'NONE'] as const;
export type OfferVerb = (typeof OFFER_VERBS)[number];

/** The action of a public offer turn (pass 1): the verb and, for OFFER, the normalised offer. */
export interface OfferMove {
  verb: OfferVerb;
  offer?: unknown;
  /** True when the mover gave no valid action in its attempts; the turn passed as NONE. */
  isForfeit?: boolean;
}

export interface StandingOffer {
  offer: unknown;
  proposer: number;
  turn: number;
}

export interface OfferState {
  /** The latest offer not yet answered, or null. */
  standing: StandingOffer | null;
  /** New offers made per seat. */
  offersMade: number[];
  /** Every public move so far, in order. */
  moves: { turn: number; agent: number; move: OfferMove }[];
  /** True once a move ended the game (ACCEPT, or REJECT where it ends the game). */
  isOver: boolean;
}

/** The public move of a recorded turn, or undefined for other turns. */
export function moveOf(turn: TurnRecord): OfferMove | undefined {
  return turn.phase === 'offer' && turn.pass === 1 && turn.visibility === 'public'
    ? (turn.action as OfferMove)
    : undefined;
}

/** Apply one move to the state (pure). */
export function applyMove(
  state: OfferState,
  turn: number,
  agent: number,
  move: OfferMove,
  rejectEnds: boolean,
): OfferState {
  const moves = [...state.moves, { turn, agent, move }];
  const offersMade = state.offersMade.slice();
  switch (move.verb) {
    case 'OFFER':
      offersMade[agent]++;
      return {
        ...state,
        moves,
        offersMade,
        standing: { offer: move.offer, proposer: agent, turn },
      };
    case 'ACCEPT':
      return { ...state, moves, isOver: true };
    case 'REJECT':
      return rejectEnds ? { ...state, moves, isOver: true } : { ...state, moves, standing: null };
    case 'NONE':
      return { ...state, moves };
  }
}

/** The state after the public moves in `history`. */
export function offerState(
  history: readonly TurnRecord[],
  n: number,
  rejectEnds: boolean,
): OfferState {
  let state: OfferState = {
    standing: null,
    offersMade: new Array<number>(n).fill(0),
    moves: [],
    isOver: false,
  };
  for (const t of history) {
    const move = moveOf(t);
    if (move) state = applyMove(state, t.round, t.agent, move, rejectEnds);
  }
  return state;
}

/** The game's alternating rules; throws naming the game when it has none. */
export function rulesOf(game: GameDefinition): AlternatingRules {
  if (!game.alternating) throw new Error(`${game.title} defines no alternating-offers rules`);
  return game.alternating;
}

/** What the mover of turn `ctx.round` may do, read from the context. */
export interface TurnView {
  turn: number;
  turnLimit: number;
  state: OfferState;
  /** The standing offer when the other player made it (the only one that can be accepted). */
  acceptable: StandingOffer | null;
  offerCap: number;
  offersLeft: number;
  isLastTurn: boolean;
  /** True when only ACCEPT or REJECT are allowed. */
  respondsOnly: boolean;
  rejectEnds: boolean;
}

export function turnView(ctx: AgentContext): TurnView {
  return turnViewOf(ctx.game, ctx.instance, ctx.publicHistory, ctx.index, ctx.round);
}

export function turnViewOf(
  game: GameDefinition,
  instance: GameInstance,
  history: readonly TurnRecord[],
  agent: number,
  turn: number,
): TurnView {
  const rules = rulesOf(game);
  const rejectEnds = rules.rejectEnds(instance);
  const state = offerState(history, instance.nAgents, rejectEnds);
  const turnLimit = rules.turnLimit(instance);
  const offerCap = rules.offerCap(instance);
  const isLastTurn = turn >= turnLimit;
  const acceptable =
    state.standing !== null && state.standing.proposer !== agent ? state.standing : null;
  return {
    turn,
    turnLimit,
    state,
    acceptable,
    offerCap,
    offersLeft: Math.max(0, offerCap - state.offersMade[agent]),
    isLastTurn,
    respondsOnly: isLastTurn && rules.lastTurnRespondsOnly(instance),
    rejectEnds,
  };
}
