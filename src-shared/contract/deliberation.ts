// The deliberation domain of the contract (DESIGN 3.6): a game's parties, schedule and every
// proposed deal scored by every party (what the transcript reader's deliberation view shows), and
// the score-leakage judge's leak rates of a sweep, as `parley analyze --view leaks` prints them.
import { z } from 'zod';
import { nullableNumber } from './common';

export const leakRateRowSchema = z.object({
  /** The judge's participant id. */
  judgeId: z.string(),
  /** The party's name, or null in the per-model rows. */
  party: z.string().nullable(),
  /** The participant id that spoke for the party (or, per model, the speaking model). */
  speaker: z.string(),
  judged: z.number(),
  leaked: z.number(),
  notLeaked: z.number(),
  parseFailures: z.number(),
  /** leaked / (leaked + notLeaked); null when no answer got a verdict. */
  leakRate: nullableNumber,
});
export type LeakRateRow = z.infer<typeof leakRateRowSchema>;

export const leakReportSchema = z.object({
  byParty: z.array(leakRateRowSchema),
  byModel: z.array(leakRateRowSchema),
});
export type LeakReport = z.infer<typeof leakReportSchema>;

export const deliberationPartySchema = z.object({
  /** Seat index (game.participants[seat] played it). */
  seat: z.number(),
  name: z.string(),
  role: z.string(),
  incentive: z.string(),
  minimum: z.number(),
  /** Private: scores[issue][option]. */
  scores: z.array(z.array(z.number())),
});

/** One deal put on the table: the opening, a party's answer, or p1's final deal. */
export const scoredDealSchema = z.object({
  /** The answer turn's commit order (transcript turns[].seq). */
  seq: z.number(),
  /** The turn (transcript round) and who proposed it. */
  turn: z.number(),
  seat: z.number(),
  /** As written: one option per issue, e.g. "A1,B2,C4". */
  deal: z.string(),
  /** Each party's score of the deal, by seat, and whether it reaches that party's minimum. */
  scores: z.array(z.number()),
  agrees: z.array(z.boolean()),
  /** The pass rule: at least N - 1 agree, p1 and p2 among them. */
  passes: z.boolean(),
});
export type ScoredDeal = z.infer<typeof scoredDealSchema>;

export const deliberationViewSchema = z.object({
  gameId: z.string(),
  issues: z.array(z.object({ letter: z.string(), options: z.number() })),
  parties: z.array(deliberationPartySchema),
  /** Seat that speaks at each turn (turn t = index t - 1): p1's opening first, its final deal last. */
  schedule: z.array(z.number()),
  deals: z.array(scoredDealSchema),
  /** How many of all possible deals pass, and how many all parties accept; null when too many to count. */
  feasibility: z
    .object({ deals: z.number(), passing: z.number(), unanimous: z.number() })
    .nullable(),
  /** The finished game's scores (0 without a passing deal; 150 for an adversary then). */
  finalScores: z.array(z.number()).nullable(),
});
export type DeliberationView = z.infer<typeof deliberationViewSchema>;
export type DeliberationPartyView = z.infer<typeof deliberationPartySchema>;

export const deliberationRequests = {
  /**
   * A deliberation game as the transcript reader shows it: its parties (role, incentive, private
   * scores and minimum), the turn schedule and every proposed deal with every party's score of it.
   */
  'games:deliberation': {
    args: z.object({ gameId: z.string().min(1) }).strict(),
    result: deliberationViewSchema,
  },
  /**
   * Leak rates of a sweep's judged public answers per judge and party and per judge and model
   * (empty lists when nothing was judged); the numbers `parley analyze --view leaks` prints.
   */
  'results:leaks': {
    args: z.object({ sweepId: z.string().min(1) }).strict(),
    result: leakReportSchema,
  },
};
