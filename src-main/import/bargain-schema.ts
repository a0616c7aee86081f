// The item-allocation research codebase's ("bargain") result files (DESIGN 11), as zod schemas:
// run_N_experiment_results.json in the older schema (values only in the setup prompts) and the
// newer one (agent_preferences, final_allocation), and run_N_all_interactions.json.
import { z } from 'zod';
import { ImportError } from './types';

/** {agent_id: [item indices]}, as proposals and final_allocation write it. */
export const bargainAllocationSchema = z.record(z.string(), z.array(z.number().int()));

const proposalSchema = z
  .object({
    allocation: bargainAllocationSchema,
    reasoning: z.string().optional(),
    proposed_by: z.string().optional(),
  })
  .passthrough();

const logEntrySchema = z
  .object({
    phase: z.string(),
    round: z.number().int().nonnegative(),
    from: z.string(),
    content: z.string(),
    speaker_order: z.number().int().optional(),
    proposal: proposalSchema.optional(),
    enumerated_proposals: z
      .array(
        z
          .object({
            proposal_number: z.number().int(),
            proposer: z.string(),
            allocation: bargainAllocationSchema,
          })
          .passthrough(),
      )
      .optional(),
  })
  .passthrough();

export const bargainResultsSchema = z
  .object({
    experiment_id: z.string().min(1),
    config: z
      .object({
        m_items: z.number().int().min(1),
        n_agents: z.number().int().min(2),
        t_rounds: z.number().int().min(1),
        gamma_discount: z.number().gt(0).max(1),
        competition_level: z.number(),
        random_seed: z.number().int().nullable().optional(),
        agents: z.array(z.string().min(1)).min(2),
        items: z.array(z.object({ name: z.string().min(1) }).passthrough()),
        preferences_summary: z
          .object({ cosine_similarities: z.record(z.string(), z.number()).optional() })
          .passthrough()
          .optional(),
        model_order: z.string().optional(),
        actual_order: z.string().optional(),
        discussion_turns: z.number().int().optional(),
      })
      .passthrough(),
    consensus_reached: z.boolean(),
    final_round: z.number().int().nonnegative(),
    final_utilities: z.record(z.string(), z.number()).nullable(),
    conversation_logs: z.array(logEntrySchema),
    agent_performance: z.record(
      z.string(),
      z
        .object({ final_utility: z.number().nullable().optional(), model: z.string().min(1) })
        .passthrough(),
    ),
    agent_preferences: z.record(z.string(), z.array(z.number())).optional(),
    final_allocation: z
      .union([bargainAllocationSchema, z.array(z.unknown())])
      .nullable()
      .optional(),
  })
  .passthrough();

export const bargainInteractionsSchema = z.array(
  z
    .object({
      agent_id: z.string(),
      phase: z.string(),
      round: z.number().int().nonnegative(),
      prompt: z.string(),
      response: z.string(),
      model_name: z.string().optional(),
    })
    .passthrough(),
);

export type BargainResults = z.infer<typeof bargainResultsSchema>;
export type BargainLogEntry = BargainResults['conversation_logs'][number];
export type BargainInteraction = z.infer<typeof bargainInteractionsSchema>[number];

/** Parse with `schema`, or throw an ImportError naming the first bad field's path. */
export function parseOrExplain<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
  const problem =
    issue.code === 'invalid_type' && /received undefined/.test(issue.message)
      ? 'missing'
      : issue.message;
  throw new ImportError(`${what}: field ${path}: ${problem}`);
}

/** Whether a parsed JSON value looks like a bargain results file (for format detection). */
export function looksLikeBargainResults(data: unknown): boolean {
  const d = data as Record<string, unknown> | null;
  return (
    d !== null &&
    typeof d === 'object' &&
    !Array.isArray(d) &&
    'conversation_logs' in d &&
    'config' in d
  );
}

/** Whether a parsed JSON value looks like a bargain interactions file. */
export function looksLikeBargainInteractions(data: unknown): boolean {
  if (!Array.isArray(data)) return false;
  const first = data[0] as Record<string, unknown> | undefined;
  return first !== undefined && 'agent_id' in first && 'prompt' in first && 'response' in first;
}
