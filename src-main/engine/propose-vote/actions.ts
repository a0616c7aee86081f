// The typed actions of propose-and-vote (DESIGN 4.1): one per phase, each with its reply schema,
// its prompts and, for the proposal, the part a wrapped strategy decides.
import { z } from 'zod';
import type { Vote } from '../../../src-shared/game';
import type { Action, AgentContext } from '../agent';
import { phasePrompt, systemPrompt, type AgentPhase } from './prompts';

const voteValue = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(['accept', 'reject']),
);

const discussionSchema = z.object({
  message: z.string().trim().min(1, 'message must not be empty'),
});
const thinkingSchema = z.object({ plan: z.string() });
const reflectionSchema = z.object({ reflection: z.string() });
const proposalSchema = z.preprocess(
  // Tolerate the proposal object written at top level next to "message".
  (v) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || 'proposal' in v) return v;
    const { message, ...rest } = v as Record<string, unknown>;
    return Object.keys(rest).length > 0 ? { proposal: rest, message } : v;
  },
  z.object({
    proposal: z.custom<unknown>((p) => p !== undefined && p !== null, 'proposal is required'),
    message: z.string().optional(),
  }),
);

function voteSchema(listedCount: number) {
  return z.object({
    votes: z
      .array(voteValue)
      .length(
        listedCount,
        `votes must have exactly ${listedCount} entries, one per listed proposal`,
      ),
    reason: z.string().optional(),
  });
}

/** Vote schemas by listed count: zod schemas are immutable, and building one costs more than a turn. */
const voteSchemas = new Map<number, ReturnType<typeof voteSchema>>();

/** Reply schemas per phase (built once, shared); `votes` needs the number of listed proposals. */
export function replySchema(phase: AgentPhase, listedCount: number) {
  switch (phase) {
    case 'discussion':
      return discussionSchema;
    case 'thinking':
      return thinkingSchema;
    case 'reflection':
      return reflectionSchema;
    case 'proposal':
      return proposalSchema;
    case 'vote': {
      let schema = voteSchemas.get(listedCount);
      if (!schema) voteSchemas.set(listedCount, (schema = voteSchema(listedCount)));
      return schema;
    }
  }
}

export type PhaseValue = {
  discussion: { message: string };
  thinking: { plan: string };
  reflection: { reflection: string };
  proposal: { proposal: unknown; message?: string };
  vote: { votes: Vote[]; reason?: string };
};

/** A proposal in the game's normal form (as JSON), so equivalent spellings compare equal. */
function normalised(ctx: AgentContext, proposal: unknown): string {
  const joint = ctx.game.jointProposal?.(ctx.instance) ?? null;
  const check = joint
    ? joint.validatePart(ctx.index, proposal)
    : ctx.game.validateProposal(ctx.instance, proposal);
  return JSON.stringify(check.ok ? check.proposal : proposal);
}

/** The action of `phase` in the context `ctx` (its prompts read the round, listing and feedback). */
export function proposeVoteAction<P extends AgentPhase>(
  ctx: AgentContext,
  phase: P,
): Action<PhaseValue[P]> {
  const action: Action<PhaseValue[P]> = {
    kind: phase,
    phase,
    schema: replySchema(phase, ctx.listedProposals.length) as unknown as z.ZodType<PhaseValue[P]>,
    tokens: phase,
    system: (persona) => systemPrompt(ctx, persona),
    prompt: (required) => phasePrompt(ctx, phase, required),
  };
  if (phase !== 'proposal') return action;
  return {
    ...action,
    wrap: {
      decided: (value) => (value as PhaseValue['proposal']).proposal,
      key: (proposal) => normalised(ctx, proposal),
      mismatch: (required) => `the proposal must be exactly ${JSON.stringify(required)}`,
    },
  };
}
