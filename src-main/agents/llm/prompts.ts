// The conversation an LLM agent sends: the action's stable system prefix, the public history
// appended in order, the agent's private notes, then the action's prompt. Prefix and history
// only grow by appending, so provider prompt caches hit on every later call of the same agent.
// The texts themselves belong to the protocol that asks (engine/*/prompts.ts).
import { agentName } from '../../../games/types';
import { PHASES, type TurnRecord } from '../../../src-shared/game';
import type { Action, AgentContext } from '../../engine/agent';
import { proposeVoteAction } from '../../engine/propose-vote/actions';
import type { AgentPhase } from '../../engine/propose-vote/prompts';
import type { ChatMessage, ChatRequest } from '../../providers/types';

export { phasePrompt, systemPrompt, type AgentPhase } from '../../engine/propose-vote/prompts';

function turnLine(turn: TurnRecord, self: number): string {
  const who =
    turn.agent < 0 ? 'Moderator' : `${agentName(turn.agent)}${turn.agent === self ? ' (you)' : ''}`;
  return `[Round ${turn.round} · ${turn.phase}] ${who}: ${turn.text}`;
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
 * agent has seen (public turns and its own private notes, in protocol order), then the action's
 * prompt. Every later call of this agent extends this log, so the breakpoint on its last entry
 * lets the next call read the whole prefix from the provider's prompt cache.
 */
export function buildRequest(
  ctx: AgentContext,
  phase: AgentPhase | Action,
  persona?: string,
  required?: unknown,
): ChatRequest {
  const action = typeof phase === 'string' ? proposeVoteAction(ctx, phase) : phase;
  const seen = action.history === 'none' ? [] : agentLog(ctx);
  const log: ChatMessage[] = seen.map((turn) => ({
    role: 'user',
    content: logLine(turn, ctx.index),
  }));
  if (log.length > 0) log[log.length - 1].isCacheBreakpoint = true;
  return {
    system: action.system(persona),
    messages: [...log, { role: 'user', content: action.prompt(required) }],
  };
}
