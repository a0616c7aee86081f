// What a judge run reads from the store: the public answers of a sweep's finished deliberation
// games that the judge has not judged yet, each with its speaker's private scores.
import { gameOf, type DeliberationInstance } from '../../games/deliberation/definition';
import type { DeliberationIssue, DeliberationParty } from '../../games/deliberation/types';
import type { GameRow, Store, TurnRow } from '../store/types';

/** One public answer to judge. */
export interface JudgeTarget {
  game: GameRow;
  turn: TurnRow;
  issues: readonly DeliberationIssue[];
  party: DeliberationParty;
}

export interface JudgeTargets {
  /** Answers still to judge, in game and turn order. */
  targets: JudgeTarget[];
  /** Answers this judge already has a verdict for (skipped). */
  alreadyJudged: number;
  /** Deliberation games of the sweep that are not finished (not judged). */
  unfinishedGames: number;
  /** Games of the sweep that are not deliberation games. */
  otherGames: number;
}

/**
 * A party's public answers: phase 'answer', recorded ok. P1's fixed opening (the folder's
 * initial deal, written by the protocol rather than by the party) is not judged.
 */
export function judgedAnswers(turns: readonly TurnRow[]): TurnRow[] {
  return turns.filter(
    (t) =>
      t.phase === 'answer' &&
      t.visibility === 'public' &&
      t.status === 'ok' &&
      (t.action as { isOpening?: boolean } | null)?.isOpening !== true,
  );
}

export function judgeTargets(store: Store, sweepId: string, judgeId: string): JudgeTargets {
  const games = store.listGames({ sweepId });
  const judged = new Set(
    store.listJudgements({ sweepId, judgeId }).map((j) => `${j.gameId}/${j.seq}`),
  );
  const out: JudgeTargets = { targets: [], alreadyJudged: 0, unfinishedGames: 0, otherGames: 0 };
  for (const game of games) {
    if (game.kind !== 'deliberation') {
      out.otherGames++;
      continue;
    }
    if (game.status !== 'finished' || !game.instance) {
      out.unfinishedGames++;
      continue;
    }
    const instance = game.instance as DeliberationInstance;
    const { issues, parties } = gameOf(instance);
    for (const turn of judgedAnswers(store.getTranscript(game.id))) {
      if (judged.has(`${game.id}/${turn.seq}`)) out.alreadyJudged++;
      else out.targets.push({ game, turn, issues, party: parties[turn.agent] });
    }
  }
  return out;
}
