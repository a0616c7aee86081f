// The conversation an LLM agent sends: a stable system prefix, the public history appended in
// order, the agent's private notes, then the phase prompt. Prefix and history only grow by
// appending, so provider prompt caches hit on every later call of the same agent.
import { agentName } from '../../../games/types';
import { PHASES, type Phase, type TurnRecord } from '../../../src-shared/game';
import type { AgentContext } from '../../engine/agent';
import type { ChatMessage, ChatRequest } from '../../providers/types';
import {
  FORMAT_MARKER,
  LISTED_MARKER,
  PHASE_MARKER,
  REQUIRED_MARKER,
  STATE_CLOSE,
  STATE_OPEN,
  type PrivateStateBlock,
} from './prompt-markers';

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
    `${FORMAT_MARKER} ${ctx.game.proposalFormat(instance)}`,
  ].join('\n');
}

function turnLine(turn: TurnRecord, self: number): string {
  const who =
    turn.agent < 0 ? 'Moderator' : `${agentName(turn.agent)}${turn.agent === self ? ' (you)' : ''}`;
  return `[Round ${turn.round} · ${turn.phase}] ${who}: ${turn.text}`;
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

const PHASE_ORD = new Map<string, number>(PHASES.map((p, i) => [p, i]));

/** Protocol order of a turn: round, phase, pass, seat, attempt (the store's primary key order). */
function compareTurns(a: TurnRecord, b: TurnRecord): number {
  return (
    a.round - b.round ||
    (PHASE_ORD.get(a.phase) ?? 0) - (PHASE_ORD.get(b.phase) ?? 0) ||
    a.pass - b.pass ||
    a.agent - b.agent ||
    a.attempt - b.attempt
  );
}

/**
 * What this agent has seen so far, in protocol order: public turns and its own private notes
 * merged (both lists are already in commit order). Setup turns are left out: the system prompt
 * carries the same rules and preferences.
 */
export function agentLog(ctx: AgentContext): TurnRecord[] {
  const pub = ctx.publicHistory.filter((t) => t.phase !== 'setup');
  const own = ctx.privateHistory.filter((t) => t.phase !== 'setup');
  const out: TurnRecord[] = [];
  let i = 0;
  let j = 0;
  while (i < pub.length || j < own.length) {
    if (j >= own.length || (i < pub.length && compareTurns(pub[i], own[j]) <= 0))
      out.push(pub[i++]);
    else out.push(own[j++]);
  }
  return out;
}

function logLine(turn: TurnRecord, self: number): string {
  const line = turnLine(turn, self);
  return turn.visibility === 'private' ? `(private note, only you see it) ${line}` : line;
}

/**
 * The whole conversation for one call: the stable system prefix, then one message per turn the
 * agent has seen (public turns and its own private notes, in protocol order), then the phase
 * prompt. Every later call of this agent extends this log, so the breakpoint on its last entry
 * lets the next call read the whole prefix from the provider's prompt cache.
 */
export function buildRequest(
  ctx: AgentContext,
  phase: AgentPhase,
  persona?: string,
  requiredProposal?: unknown,
): ChatRequest {
  const log: ChatMessage[] = agentLog(ctx).map((turn) => ({
    role: 'user',
    content: logLine(turn, ctx.index),
  }));
  if (log.length > 0) log[log.length - 1].isCacheBreakpoint = true;
  return {
    system: systemPrompt(ctx, persona),
    messages: [...log, { role: 'user', content: phasePrompt(ctx, phase, requiredProposal) }],
  };
}
