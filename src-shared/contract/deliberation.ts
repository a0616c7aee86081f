// The deliberation domain of the contract: the score-leakage judge's leak rates of a sweep
// (DESIGN 3.6), per party and per speaking model, as `parley analyze --view leaks` prints them.
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

export const deliberationRequests = {
  /**
   * Leak rates of a sweep's judged public answers per judge and party and per judge and model
   * (empty lists when nothing was judged); the numbers `parley analyze --view leaks` prints.
   */
  'results:leaks': {
    args: z.object({ sweepId: z.string().min(1) }).strict(),
    result: leakReportSchema,
  },
};
