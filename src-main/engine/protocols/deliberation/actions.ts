// The one typed action of the deliberation protocol (DESIGN 4.3): a reply with scratchpad,
// public answer and plan, read from its tags rather than JSON, with no transcript log (the
// prompt carries the window of recent answers and the previous plan).
import { z } from 'zod';
import type { DeliberationInstance } from '../../../../games/deliberation/definition';
import type { Action, AgentContext } from '../../agent';
import { systemPrefix, turnPrompt } from './prompts';
import { parseDeliberationReply, type DeliberationReply } from './reply';
import type { AnswerAction } from './turns';
import { turnFacts } from './turns';

export const DELIBERATION_ACTION = 'deliberation';

const replySchema = z.object({
  scratchpad: z.string(),
  answer: z.string(),
  deal: z.array(z.number().int()),
  plan: z.string(),
});

/** The action asked of the speaker of `ctx.round` (round = schedule index + 1). */
export function deliberationAction(ctx: AgentContext): Action<DeliberationReply> {
  const instance = ctx.instance as DeliberationInstance;
  const facts = turnFacts(instance, ctx.round - 1);
  const windowSize = instance.params.window;
  const answers = ctx.publicHistory.filter((t) => t.phase === 'answer');
  const window = answers.slice(-windowSize).map((t) => ({ party: t.agent, answer: t.text }));
  const plans = ctx.privateHistory.filter((t) => t.phase === 'scratchpad' && t.status === 'ok');
  const last = plans[plans.length - 1]?.action as DeliberationReply | undefined;
  const previousPlan = last && last.plan !== '' ? last.plan : null;
  return {
    kind: DELIBERATION_ACTION,
    phase: 'scratchpad',
    schema: replySchema,
    tokens: 'thinking',
    history: 'none',
    system: (persona) => {
      const prefix = systemPrefix(facts.game, ctx.index);
      return persona ? `${prefix}\n\nYour manner: ${persona}` : prefix;
    },
    prompt: () =>
      turnPrompt({
        game: facts.game,
        me: ctx.index,
        window,
        windowSize,
        previousPlan,
        isFinalSession: facts.isFinalSession,
        isFinalDeal: facts.isFinalDeal,
        wantsPlan: facts.wantsPlan,
      }),
    parse: (text) => parseDeliberationReply(facts.game.issues, text, facts.wantsPlan),
  };
}

export type { AnswerAction };
