// Facts of one deliberation turn that both the protocol and the rule-based party need, derived
// from the instance and the recorded public answers only (so a replay reproduces them).
import { gameOf, type DeliberationInstance } from '../../../../games/deliberation/definition';
import type { DealTurn } from '../../../../games/deliberation/metrics';
import { isFinalSession } from '../../../../games/deliberation/schedule';
import type { Deal, DeliberationGame } from '../../../../games/deliberation/types';
import type { TurnRecord } from '../../../../src-shared/game';

/** The action of a public answer turn. */
export interface AnswerAction {
  deal: Deal;
  /** True for p1's fixed opening with the initial deal. */
  isOpening: boolean;
}

export interface TurnFacts {
  game: DeliberationGame;
  schedule: number[];
  /** 0-based index in the schedule; the transcript's round is turn + 1. */
  turn: number;
  speaker: number;
  isFinalSession: boolean;
  isFinalDeal: boolean;
  /** No plan is asked in a speaker's last turn. */
  wantsPlan: boolean;
}

export function turnFacts(instance: DeliberationInstance, turn: number): TurnFacts {
  const game = gameOf(instance);
  const schedule = instance.realised.schedule as number[];
  const speaker = schedule[turn];
  return {
    game,
    schedule,
    turn,
    speaker,
    isFinalSession: isFinalSession(schedule, game.parties.length, turn),
    isFinalDeal: turn === schedule.length - 1,
    wantsPlan: schedule.indexOf(speaker, turn + 1) >= 0,
  };
}

/** The public answers so far as deal turns (schedule index = round - 1). */
export function publicDeals(history: readonly TurnRecord[]): DealTurn[] {
  return history
    .filter((t) => t.phase === 'answer')
    .map((t) => ({ turn: t.round - 1, party: t.agent, deal: (t.action as AnswerAction).deal }));
}
