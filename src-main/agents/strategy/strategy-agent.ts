// Strategy agents (DESIGN 5): offline, deterministic given ctx.callSeed, stateless across calls.
// Every call rebuilds its view from the context and asks the strategy's decision rule.
import type { StrategySpec } from '../../../src-shared/participant';
import type { Vote } from '../../../src-shared/game';
import type { AgentContext, AgentReply, PhaseAgent } from '../../engine/agent';
import {
  discussionText,
  isAcceptable,
  planText,
  proposalNote,
  reflectionText,
  voteReason,
} from './messages';
import { strategyFor, type Decision } from './policies';
import { keyOf } from './space';
import { buildView, callRng, perceived, type View } from './view';

function reply<T>(value: T, text: string): Promise<AgentReply<T>> {
  return Promise.resolve({ ok: true, value, text });
}

/**
 * The object a decision can be memoised on: the latest public listing or tally (everything a
 * strategy reads from the history is in those), or the instance before the first listing.
 * Recorded turns are never mutated, so a memo keyed on their identity is a pure cache.
 */
function anchorOf(ctx: AgentContext): object {
  for (let i = ctx.publicHistory.length - 1; i >= 0; i--) {
    const t = ctx.publicHistory[i];
    if (t.phase === 'listing' || t.phase === 'tally') return t;
  }
  return ctx.instance;
}

/** Create the agent a strategy participant describes (`capability` and `exponent` as set). */
export function createStrategyAgent(spec: StrategySpec): PhaseAgent {
  const strategy = strategyFor(spec.strategy, {
    exponent: spec.exponent,
    capability: spec.capability,
  });
  // Decisions are pure in (anchor, key), random ones included (drawn per round), so memoised.
  const memo = new WeakMap<object, Map<string, { view: View; d: Decision }>>();
  const decide = (ctx: AgentContext): { view: View; d: Decision } => {
    const anchor = anchorOf(ctx);
    const key = `${ctx.index}|${ctx.round}|${ctx.instance.seed}|${ctx.protocol.rounds}|${ctx.protocol.gamma}`;
    let perAnchor = memo.get(anchor);
    if (!perAnchor) memo.set(anchor, (perAnchor = new Map()));
    const hit = perAnchor.get(key);
    if (hit) return { view: { ...hit.view, ctx, rng: callRng(ctx.callSeed) }, d: hit.d };
    const view = buildView(ctx, strategy.noise);
    const d = strategy.decide(view);
    perAnchor.set(key, { view, d });
    return { view, d };
  };
  return {
    id: spec.id,
    discuss(ctx) {
      const { view, d } = decide(ctx);
      const message = discussionText(view, d);
      return reply({ message }, message);
    },
    think(ctx) {
      const { view, d } = decide(ctx);
      const plan = planText(view, d);
      return reply({ plan }, plan);
    },
    propose(ctx) {
      const { view, d } = decide(ctx);
      // Where each agent proposes only its own part (co-funding's pledge protocol), it proposes
      // its part of the joint outcome it chose.
      const joint = ctx.game.jointProposal?.(ctx.instance) ?? null;
      const chosen = view.space.outcomes[d.offer];
      const proposal = joint ? joint.partOf(chosen, ctx.index) : chosen;
      const message = proposalNote(view, d);
      return reply({ proposal, message }, message);
    },
    vote(ctx) {
      const { view, d } = decide(ctx);
      const worth = ctx.listedProposals.map((p) =>
        perceived(view, p.proposal, view.space.index.get(keyOf(p.proposal)) ?? -1),
      );
      const accepts = worth.map((x) => isAcceptable(view, x, d.acceptAt));
      const votes = accepts.map((a): Vote => (a ? 'accept' : 'reject'));
      const reason = voteReason(view, d, worth, accepts);
      return reply({ votes, reason }, reason);
    },
    reflect(ctx) {
      const reflection = reflectionText(buildView(ctx, strategy.noise));
      return reply({ reflection }, reflection);
    },
  };
}
