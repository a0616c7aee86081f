// The one action of alternating offers: a public message, a verb (OFFER, ACCEPT, REJECT, NONE),
// the offer with OFFER, and private reasoning.
import { z } from 'zod';
import type { Action, AgentContext } from '../agent';
import { offerPrompt, offerSystemPrompt } from './prompts';
import { OFFER_VERBS, type OfferVerb } from './state';

export interface OfferReply {
  message: string;
  action: OfferVerb;
  offer?: unknown;
  reason?: string;
  /** Strategy agents: the rule that decided, stored with the move (curve name, exponent, convention). */
  strategy?: { name: string; curve?: string; exponent?: number; convention?: string };
}

export const offerReplySchema: z.ZodType<OfferReply> = z.object({
  message: z.string().default(''),
  action: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.enum(OFFER_VERBS, { message: 'action must be one of "OFFER", "ACCEPT", "REJECT", "NONE"' }),
  ),
  offer: z.unknown().optional(),
  reason: z.string().optional(),
}) as z.ZodType<OfferReply>;

/** The part of a reply a strategy decides: the verb, and the offer in the game's normal form. */
function decidedOf(ctx: AgentContext, reply: OfferReply): { action: OfferVerb; offer?: unknown } {
  if (reply.action !== 'OFFER') return { action: reply.action };
  const check = ctx.game.validateProposal(ctx.instance, reply.offer);
  return { action: 'OFFER', offer: check.ok ? check.proposal : reply.offer };
}

/** The offer action of the mover in `ctx` (turn ctx.round). */
export function offerAction(ctx: AgentContext): Action<OfferReply> {
  return {
    kind: 'offer',
    phase: 'offer',
    schema: offerReplySchema,
    tokens: 'proposal',
    system: (persona) => offerSystemPrompt(ctx, persona),
    prompt: (required) => offerPrompt(ctx, required),
    wrap: {
      decided: (value) => decidedOf(ctx, value),
      key: (decided) => JSON.stringify(decided),
      mismatch: (required) => `the action must be exactly ${JSON.stringify(required)}`,
    },
  };
}
