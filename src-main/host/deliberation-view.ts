// A deliberation game as the transcript reader's deliberation view shows it: the parties, the
// turn schedule and every proposed deal scored by every party with the game's own pass rule, so
// the renderer never repeats the game's scoring.
import { formatDeal } from '../../games/deliberation/deal';
import { gameOf, scheduleOf, type DeliberationInstance } from '../../games/deliberation/definition';
import type { DeliberationMetrics } from '../../games/deliberation/metrics';
import { agrees, partyScore, passes, type Feasibility } from '../../games/deliberation/scoring';
import type { DeliberationView, ScoredDeal } from '../../src-shared/contract/deliberation';
import type { GameRow, TurnRow } from '../store/types';

/** The deal of a public answer: its action's option indices, or null (no valid deal). */
function dealOf(turn: TurnRow, issues: number): number[] | null {
  const deal = (turn.action as { deal?: unknown } | null)?.deal;
  return Array.isArray(deal) && deal.length === issues && deal.every(Number.isInteger)
    ? (deal as number[])
    : null;
}

/** The view of a started deliberation game (its instance holds the parties and the schedule). */
export function deliberationView(row: GameRow, turns: readonly TurnRow[]): DeliberationView {
  const instance = row.instance as DeliberationInstance;
  const game = gameOf(instance);
  const deals: ScoredDeal[] = [];
  for (const t of turns) {
    if (t.phase !== 'answer' || t.status !== 'ok') continue;
    const deal = dealOf(t, game.issues.length);
    if (!deal) continue;
    deals.push({
      seq: t.seq,
      turn: t.round,
      seat: t.agent,
      deal: formatDeal(game.issues, deal),
      scores: game.parties.map((p) => partyScore(p, deal)),
      agrees: game.parties.map((p) => agrees(p, deal)),
      passes: passes(game, deal),
    });
  }
  const measures = row.outcome?.measures as
    (DeliberationMetrics & { feasibility: Feasibility | null }) | undefined;
  return {
    gameId: row.id,
    issues: game.issues.map((i) => ({ letter: i.letter, options: i.options })),
    parties: game.parties.map((p, seat) => ({
      seat,
      name: p.name,
      role: p.role,
      incentive: p.incentive,
      minimum: p.minimum,
      scores: p.scores,
    })),
    schedule: scheduleOf(instance),
    deals,
    feasibility: measures?.feasibility ?? null,
    finalScores: measures?.finalScores ?? null,
  };
}
