// The mock LLM's default answers: a plain rule-based negotiator that reads the phase and its own
// private preferences from the prompt markers and always replies with valid JSON for the phase.
import {
  FORMAT_MARKER,
  LISTED_MARKER,
  PHASE_MARKER,
  REASK_PREFIX,
  REQUIRED_MARKER,
  lastMarkerValue,
  readPrivateState,
  type PrivateStateBlock,
} from '../agents/llm/prompt-markers';
import { offerReply } from './offer-responder';
import type { MockOutputRequest } from './wire';

/** What a responder sees of a request, whichever wire format it came in. */
export interface MockRequestInfo {
  format: 'openai' | 'anthropic';
  model: string;
  system: string;
  /** Every message flattened to text, in order (system excluded). */
  messages: { role: string; text: string }[];
  /** Text of the last user message (its last content block for Anthropic). */
  lastUserText: string;
  /** The request's output limit (max_tokens or max_completion_tokens), if any. */
  maxTokens?: number;
  /** The structured reply asked for (a tool or a JSON schema); the answer is shaped to it. */
  output?: MockOutputRequest;
  /** The request body as received (JSON), for tests that check what a client sent. */
  body?: Record<string, unknown>;
}

export type MockResponder = (request: MockRequestInfo) => string;

/** Share of its maximum utility the default responder accepts (it knows only its own values). */
const ACCEPT_SHARE = 0.4;

export const defaultResponder: MockResponder = (request) => {
  if (request.lastUserText.includes('<PRIVATE_SCORES>')) return judgeReply(request.lastUserText);
  if (request.lastUserText.includes('<SCRATCHPAD> and </SCRATCHPAD>')) {
    return deliberationReply(request.lastUserText, request.system);
  }
  const phase = lastMarkerValue(request.lastUserText, PHASE_MARKER);
  const state = readPrivateState(request.system) ?? findStateInMessages(request);
  switch (phase) {
    case 'discussion':
      return JSON.stringify({ message: discussionLine(state) });
    case 'thinking':
      return JSON.stringify({ plan: 'Keep the items I value most; concede the rest if needed.' });
    case 'reflection':
      return JSON.stringify({ reflection: 'No deal yet; I should concede a little next round.' });
    case 'proposal':
      return JSON.stringify({
        proposal: proposalFor(request.lastUserText, request.system, state),
        message: 'My proposal.',
      });
    case 'vote':
      return JSON.stringify(votesFor(request.lastUserText, state));
    case 'offer':
      return JSON.stringify(offerReply(request.lastUserText, state));
    default:
      return 'OK.';
  }
};

/**
 * A model that ignores the format when it can (as real models often do): the first ask of a
 * turn gets prose without any JSON; a re-ask (the agent's "Your reply could not be used: ...")
 * gets the default answer. A structured request (forced tool, strict schema) is constrained by
 * the provider, so it gets the default answer too.
 */
export const proseResponder: MockResponder = (request) => {
  if (request.output || request.lastUserText.startsWith(REASK_PREFIX))
    return defaultResponder(request);
  return 'Thank you. I have considered the situation carefully and I would like to reach a fair agreement that leaves everyone better off, so I am open to the proposals on the table.';
};

function findStateInMessages(request: MockRequestInfo): PrivateStateBlock | undefined {
  for (const m of request.messages) {
    const state = readPrivateState(m.text);
    if (state) return state;
  }
  return undefined;
}

function discussionLine(state: PrivateStateBlock | undefined): string {
  const values = state ? numericArray(state.preferences) : undefined;
  if (!values) return 'Let us find a deal that works for everyone.';
  const best = values.indexOf(Math.max(...values));
  return `Item ${best + 1} matters most to me; I am flexible on the others.`;
}

/** The agent's own numeric values: the array itself, or the first numeric array field. */
export function numericArray(value: unknown): number[] | undefined {
  const isNumbers = (v: unknown): v is number[] =>
    Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
  if (isNumbers(value)) return value;
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  for (const key of ['values', 'valuations', 'weights', 'positions']) {
    if (isNumbers(record[key])) return record[key];
  }
  return Object.values(record).find(isNumbers);
}

function proposalFor(
  prompt: string,
  system: string,
  state: PrivateStateBlock | undefined,
): unknown {
  const required = lastMarkerValue(prompt, REQUIRED_MARKER);
  if (required) return JSON.parse(required) as unknown;
  // The format line sits in the request or, for Parley's agents, in the stable system prompt.
  const format =
    lastMarkerValue(prompt, FORMAT_MARKER) ?? lastMarkerValue(system, FORMAT_MARKER) ?? '';
  const key = /"([A-Za-z_][A-Za-z0-9_]*)"\s*:/.exec(format)?.[1] ?? 'proposal';
  const values = state ? numericArray(state.preferences) : undefined;
  if (!state || !values) return { [key]: [] };
  if (state.game === 'item-allocation') {
    // Keep the items worth at least the average, give the rest to the next agent.
    const average = values.reduce((a, b) => a + b, 0) / values.length;
    const other = (state.you + 1) % state.n;
    return { [key]: values.map((v) => (v >= average ? state.you : other)) };
  }
  if (state.game === 'treaty') return { [key]: values.map((v) => Math.min(1, Math.max(0, v))) };
  return { [key]: values.map(() => 0) };
}

interface Listed {
  number: number;
  proposer: number;
  proposal: unknown;
}

function votesFor(
  prompt: string,
  state: PrivateStateBlock | undefined,
): { votes: string[]; reason: string } {
  const listed = JSON.parse(lastMarkerValue(prompt, LISTED_MARKER) ?? '[]') as Listed[];
  const values = state ? numericArray(state.preferences) : undefined;
  const votes = listed.map((entry) => {
    if (!state || !values || state.game !== 'item-allocation') return 'accept';
    const allocation = numericArray(entry.proposal) ?? [];
    const mine = values.reduce((sum, v, j) => (allocation[j] === state.you ? sum + v : sum), 0);
    const max = values.reduce((a, b) => a + b, 0);
    return mine >= ACCEPT_SHARE * max ? 'accept' : 'reject';
  });
  return { votes, reason: 'I accept proposals worth at least 40% of my maximum.' };
}

/**
 * A deliberation turn (DESIGN 4.3) in its tagged format: support the latest deal in the history
 * window (or the rules' example deal when the window has none), with a plan when one is asked.
 */
function deliberationReply(prompt: string, system: string): string {
  const history = /<HISTORY>([\s\S]*?)<\/HISTORY>/.exec(prompt)?.[1] ?? '';
  const deals = [...history.matchAll(/<DEAL>([\s\S]*?)<\/DEAL>/gi)].map((m) => m[1].trim());
  const example = /one option for every issue \([^)]*\), e\.g\. ([A-Z0-9,]+)\./.exec(system)?.[1];
  const deal = deals[deals.length - 1] ?? example ?? 'A1';
  const parts = [
    '<SCRATCHPAD>The latest proposal looks workable; I will support it.</SCRATCHPAD>',
    `<ANSWER>I support <DEAL>${deal}</DEAL>.</ANSWER>`,
  ];
  if (prompt.includes('<PLAN> and </PLAN>')) parts.push('<PLAN>Keep supporting it.</PLAN>');
  return parts.join('\n');
}

/** Standalone numbers of a text (not the digits of option names such as A1). */
function numbersIn(text: string): number[] {
  return [...text.matchAll(/(?<![A-Za-z0-9.])\d+(?:\.\d+)?(?![0-9])/g)].map((m) => Number(m[0]));
}

/**
 * A score-leakage judgement (src-main/judge): LEAKED when the public answer contains a number
 * that is one of the speaker's scores or its minimum, NOT LEAKED otherwise. An answer containing
 * "[unclear]" gets a reply in the wrong format every time (to exercise parse failures).
 */
function judgeReply(prompt: string): string {
  const scores = /<PRIVATE_SCORES>([\s\S]*?)<\/PRIVATE_SCORES>/.exec(prompt)?.[1] ?? '';
  const answer = /<PUBLIC_ANSWER>([\s\S]*?)<\/PUBLIC_ANSWER>/.exec(prompt)?.[1] ?? '';
  if (answer.includes('[unclear]')) return 'Hard to say.';
  const own = new Set(numbersIn(scores.replace(/[A-Z]\d+=/g, ' ')));
  const hit = numbersIn(answer).find((n) => own.has(n));
  return hit === undefined
    ? 'NOT LEAKED\nThe answer states none of the scores.'
    : `LEAKED\nThe answer states ${hit}, one of the speaker's scores.`;
}
