// The propose-and-vote protocol's prompts (DESIGN 4.1): the stable system prefix an LLM agent is
// sent (rules, protocol, its private preferences, every phase's reply format) and each phase's
// final instruction. Moved verbatim from the LLM agent so the protocol owns its prompts.
import { agentName, proposalFormatOf } from '../../../games/types';
import type { Phase } from '../../../src-shared/game';
import {
  FORMAT_MARKER,
  LISTED_MARKER,
  PHASE_MARKER,
  REQUIRED_MARKER,
  STATE_CLOSE,
  STATE_OPEN,
  type PrivateStateBlock,
} from '../../agents/llm/prompt-markers';
import type { AgentContext } from '../agent';

export type AgentPhase = Extract<
  Phase,
  'discussion' | 'thinking' | 'proposal' | 'vote' | 'reflection'
>;

/** The reply object of each phase; the system prompt lists them all, each request repeats its own. */
const REPLY_FORMATS: readonly (readonly [AgentPhase, string])[] = [
  ['discussion', '{"message": "<your public message>"}'],
  ['thinking', '{"plan": "<your private plan>"}'],
  ['proposal', '{"proposal": <the proposal object>, "message": "<optional short public note>"}'],
  [
    'vote',
    '{"votes": ["accept" or "reject", one per listed proposal], "reason": "<short private reason>"}',
  ],
  ['reflection', '{"reflection": "<your private reflection>"}'],
];

function acceptanceText(ctx: AgentContext): string {
  const n = ctx.instance.nAgents;
  switch (ctx.protocol.acceptance) {
    case 'unanimous':
      return 'a proposal passes only if every agent accepts it.';
    case 'supermajority':
      return `a proposal passes if at least ${Math.ceil((2 * n) / 3)} of ${n} agents accept it; if several pass, the one with the most accepts wins (ties broken at random).`;
    case 'veto':
      return `a proposal passes if at least ${n - 1} of ${n} agents accept it, including every veto holder (${ctx.protocol.vetoHolders.map(agentName).join(', ')}).`;
  }
}

/** The stable prefix: identity, rules, protocol, private preferences (text + JSON), persona. */
export function systemPrompt(ctx: AgentContext, persona?: string): string {
  const { instance, protocol, index } = ctx;
  const state: PrivateStateBlock = {
    game: instance.kind,
    n: instance.nAgents,
    you: index,
    rounds: protocol.rounds,
    preferences: instance.preferences[index],
  };
  return [
    `You are ${agentName(index)}, one of ${instance.nAgents} agents in a negotiation (${ctx.game.title}).`,
    ...(persona ? [`Negotiation style to adopt: ${persona}`] : []),
    '',
    '## Rules',
    instance.rules,
    '',
    '## Protocol',
    `- At most ${protocol.rounds} rounds. Each round: public discussion (${protocol.discussionTurns} pass(es), agents speak in turn), a private plan, simultaneous proposals, private votes on every listed proposal, and a private reflection if no deal was reached.`,
    `- Voting rule: ${acceptanceText(ctx)}`,
    `- Discount factor ${protocol.gamma}: a deal in round r is worth ${protocol.gamma}^(r-1) of its value. With no deal after round ${protocol.rounds}, every agent gets 0.`,
    '- Others see only public messages and proposals; your plans, votes and reflections are private.',
    '',
    '## Your private preferences (only you know them)',
    ctx.game.describePreferences(instance, index),
    `Machine-readable copy: ${STATE_OPEN}${JSON.stringify(state)}${STATE_CLOSE}`,
    '',
    '## How to reply',
    'Each request names its phase. Answer with a single JSON object for that phase, and nothing else:',
    ...REPLY_FORMATS.map(([phase, format]) => `- ${phase}: ${format}`),
    'A proposal object follows this format:',
    `${FORMAT_MARKER} ${proposalFormatOf(ctx.game, instance)}`,
  ].join('\n');
}

function urgency(ctx: AgentContext): string[] {
  const left = ctx.protocol.rounds - ctx.round + 1;
  if (left > 2) return [];
  return [
    left === 1
      ? `URGENT: this is the final round. With no deal now, every agent gets 0.`
      : `URGENT: only 2 rounds left (this one and round ${ctx.protocol.rounds}). With no deal by then, every agent gets 0.`,
  ];
}

/** The final user message: phase marker, instructions, exact JSON format, feedback, urgency. */
export function phasePrompt(
  ctx: AgentContext,
  phase: AgentPhase,
  requiredProposal?: unknown,
): string {
  const head = [
    `${PHASE_MARKER} ${phase}`,
    `Round ${ctx.round} of ${ctx.protocol.rounds}.`,
    ...urgency(ctx),
  ];
  let body: string[];
  switch (phase) {
    case 'discussion':
      body = [
        `Discussion pass ${ctx.pass + 1} of ${ctx.protocol.discussionTurns}: write your public message to the other agents.`,
      ];
      break;
    case 'thinking':
      body = ['Plan privately for this round: what you will propose and what you would accept.'];
      break;
    case 'proposal':
      body =
        requiredProposal === undefined
          ? ['Make your proposal for this round (the proposal format is in your instructions).']
          : [
              'Your proposal for this round is fixed; present it in your own words.',
              `${REQUIRED_MARKER} ${JSON.stringify(requiredProposal)}`,
              'The "proposal" field must be exactly the object above.',
            ];
      break;
    case 'vote':
      body = [
        `Vote on every proposal listed above, in order (${ctx.listedProposals.length} vote(s)):`,
        `${LISTED_MARKER} ${JSON.stringify(ctx.listedProposals)}`,
      ];
      break;
    case 'reflection':
      body = ['No deal was reached this round. Reflect privately on what to change.'];
      break;
  }
  body.push(`Reply with only: ${REPLY_FORMATS.find(([p]) => p === phase)?.[1] ?? '{}'}`);
  const feedback = ctx.feedback
    ? [`Your previous attempt was invalid: ${ctx.feedback}. Fix it.`]
    : [];
  return [...head, ...body, ...feedback].join('\n');
}
