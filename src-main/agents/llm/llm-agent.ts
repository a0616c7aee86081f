// An Agent backed by a language model: builds the prompt for each phase, calls the provider
// through its scheduler (retries, offline waits, auth pauses), replays cached answers, records
// every HTTP attempt, and re-asks with the parse error when a reply does not parse.
import { setMaxListeners } from 'node:events';
import type { z } from 'zod';
import type { Phase } from '../../../src-shared/game';
import type { LlmSpec } from '../../../src-shared/participant';
import { personaText } from '../../../src-shared/persona';
import type {
  Action,
  Agent,
  AgentContext,
  AgentReply,
  PhaseAgent,
  TokenClass,
  Usage,
} from '../../engine/agent';
import { proposeVoteAction } from '../../engine/propose-vote/actions';
import type { BudgetGuard } from '../../providers/budget';
import { classifyError } from '../../providers/errors';
import { ZERO_USAGE, addUsage, costUsd } from '../../providers/pricing';
import type { ProviderScheduler } from '../../providers/scheduler';
import type { ChatMessage, ChatRequest, ChatResult, ProviderClient } from '../../providers/types';
import { responseCacheKey } from './cache-key';
import { parseWith, zodError } from './parse';
import { REASK_PREFIX } from './prompt-markers';
import { buildRequest } from './prompts';
import { outputModeOf, structuredPlan } from './structured';

/** Re-asks per turn when neither the agent's options nor its spec set them. */
export const DEFAULT_MAX_REASKS = 2;

/** Where replies are cached (the store's cacheGet / cachePut fit). */
export interface ResponseCache {
  get(key: string): unknown;
  put(key: string, value: unknown): unknown;
}

/** Matches the store's CallSent, plus the parse attempt within one agent reply. */
export interface CallSentInfo {
  gameId: string;
  round: number;
  phase: Phase;
  agent: number;
  attempt: number;
  parseAttempt: number;
  provider: string;
  model: string;
  requestHash: string;
  /** Upper-bound cost (estimateCostUsd): the ledger counts it until the answer is recorded. */
  estimatedCostUsd: number;
}

/** Matches the store's CallAnswer. */
export interface CallAnswerInfo {
  status: 'ok' | 'error';
  httpStatus?: number;
  errorKind?: string;
  error?: string;
  usage: Usage;
  latencyMs: number;
  /** Answered through a provider batch (the ledger's `batched`). */
  batched?: boolean;
}

/**
 * Call-log hooks (the store's recordCallSent / recordCallAnswered fit). `sent`/`answered` run
 * once per HTTP attempt; cache hits make no call and are reported to `cached` only.
 */
export interface CallRecorder {
  sent(info: CallSentInfo): number;
  answered(id: number, info: CallAnswerInfo): void;
  cached?(info: CallSentInfo, usage: Usage): void;
}

export interface LlmAgentOptions {
  spec: LlmSpec;
  client: ProviderClient;
  scheduler: Pick<ProviderScheduler, 'run'>;
  cache?: ResponseCache;
  recordCall?: CallRecorder;
  budget?: BudgetGuard;
  /**
   * Re-asks per turn, parse and validation re-asks together (default: the spec's maxReasks,
   * else DEFAULT_MAX_REASKS). After them the turn is recorded as a parse failure or invalid.
   */
  maxReasks?: number;
  /** Older form of the same limit: replies per turn (maxReasks = maxParseAttempts - 1). */
  maxParseAttempts?: number;
  /**
   * Strategy-wrapped agents: the reply a strategy gives to a wrappable action (one with a
   * `wrap` rule); the model must reproduce its decided part exactly.
   */
  decide?: <T>(ctx: AgentContext, action: Action<T>) => Promise<T>;
}

/** A stored cache entry: a ChatResult as first received. */
function isChatResult(v: unknown): v is ChatResult {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as ChatResult).text === 'string' &&
    typeof (v as ChatResult).usage === 'object'
  );
}

/**
 * Output limits per phase when the model's spec sets none: votes are short, plans may be long.
 * Reasoning models (reasoningEffort) spend part of the limit thinking, so they get 8x.
 */
export const PHASE_MAX_TOKENS: Record<TokenClass, number> = {
  discussion: 512,
  thinking: 1024,
  proposal: 512,
  vote: 256,
  reflection: 512,
};

/** The output limit of `phase`: the spec's own (one number or per phase), else the default. */
export function phaseMaxTokens(spec: LlmSpec, phase: TokenClass): number {
  const own = typeof spec.maxTokens === 'number' ? spec.maxTokens : spec.maxTokens?.[phase];
  return own ?? PHASE_MAX_TOKENS[phase] * (spec.reasoningEffort ? 8 : 1);
}

/** Upper-bound cost of a call: every prompt token uncached, the full output allowance used. */
export function estimateCostUsd(spec: LlmSpec, request: ChatRequest): number {
  // The structured reply's schema travels too (Anthropic: as a text block; OpenAI: response_format).
  const chars =
    request.system.length +
    request.messages.reduce((n, m) => n + m.content.length, 0) +
    (request.output ? JSON.stringify(request.output.schema).length + 200 : 0);
  return costUsd(spec.provider, spec.prices, {
    inputTokens: Math.ceil(chars / 3),
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    outputTokens:
      (request.maxTokens ?? (typeof spec.maxTokens === 'number' ? spec.maxTokens : 1024)) +
      (spec.thinkingBudget ?? 0),
    reasoningTokens: 0,
  });
}

/** A structured reply object checked against the action's schema, errors as parseWith gives them. */
function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: zodError(result.error) };
}

/** An LLM agent: `act` for any protocol, plus the propose-and-vote phases as shorthands. */
export type LlmAgent = Agent & PhaseAgent;

export function createLlmAgent(options: LlmAgentOptions): LlmAgent {
  const { spec, client, scheduler, cache, recordCall, budget, decide } = options;
  const maxReasks =
    options.maxReasks ??
    (options.maxParseAttempts !== undefined
      ? Math.max(0, options.maxParseAttempts - 1)
      : undefined) ??
    spec.maxReasks ??
    DEFAULT_MAX_REASKS;
  const mode = outputModeOf(spec);

  /** One model reply: from the cache, or over the network (each HTTP attempt recorded). */
  async function callModel(
    ctx: AgentContext,
    phase: Phase,
    request: ChatRequest,
    parseAttempt: number,
  ): Promise<ChatResult> {
    const requestHash = responseCacheKey(spec, request, ctx.gameId, ctx.callSeed);
    const estimate = estimateCostUsd(spec, request);
    const info: CallSentInfo = {
      gameId: ctx.gameId,
      round: ctx.round,
      phase,
      agent: ctx.index,
      attempt: ctx.attempt,
      parseAttempt,
      provider: spec.provider,
      model: spec.model,
      requestHash,
      estimatedCostUsd: estimate,
    };
    // Every call of every game listens on the sweep's one abort signal: no listener cap applies.
    if (ctx.signal) setMaxListeners(0, ctx.signal);
    const hit = cache?.get(requestHash);
    if (isChatResult(hit)) {
      // Replays cost nothing now; the tokens are reported as they were, marked cached.
      const usage = { ...hit.usage, costUsd: 0 };
      recordCall?.cached?.(info, usage);
      return { ...hit, usage, isCached: true };
    }
    const reservation = budget?.reserve(estimate);
    let result: ChatResult;
    try {
      result = await scheduler.run(
        async () => {
          const id = recordCall?.sent(info);
          try {
            const r = await client.complete({ ...request, signal: ctx.signal });
            if (id !== undefined)
              recordCall?.answered(id, {
                status: 'ok',
                httpStatus: r.httpStatus,
                usage: r.usage,
                latencyMs: r.latencyMs,
                ...(r.isBatched ? { batched: true } : {}),
              });
            return r;
          } catch (err) {
            if (id !== undefined) {
              const c = classifyError(err);
              const latencyMs = (err as { latencyMs?: number }).latencyMs ?? 0;
              recordCall?.answered(id, {
                status: 'error',
                httpStatus: c.httpStatus,
                errorKind: c.kind,
                error: c.message,
                usage: ZERO_USAGE,
                latencyMs,
                ...((err as { isBatched?: boolean }).isBatched ? { batched: true } : {}),
              });
            }
            throw err;
          }
        },
        { signal: ctx.signal },
      );
    } catch (err) {
      reservation?.settle(0);
      throw err;
    }
    reservation?.settle(result.usage.costUsd);
    cache?.put(requestHash, result);
    return result;
  }

  /**
   * Ask for `action`, re-asking with the error until the reply parses and passes `check`, within
   * the turn's budget (ctx.callsLeft replies when earlier attempts of this turn spent some).
   */
  async function ask<T>(
    ctx: AgentContext,
    action: Action<T>,
    required?: unknown,
    check?: (value: T) => string | undefined,
  ): Promise<AgentReply<T>> {
    const base = buildRequest(ctx, action as Action, personaText(spec.persona), required);
    const plan = structuredPlan(action as Action, mode);
    const turnMode = plan ? plan.output.mode : 'none';
    let messages: ChatMessage[] = base.messages;
    let usage: Usage = ZERO_USAGE;
    let text = '';
    let error = '';
    const replies = Math.max(1, Math.min(maxReasks + 1, ctx.callsLeft ?? maxReasks + 1));
    let calls = 0;
    while (calls < replies) {
      const request: ChatRequest = {
        system: base.system,
        messages,
        maxTokens: phaseMaxTokens(spec, action.tokens),
        ...(plan ? { output: plan.output } : {}),
        promptCacheKey: `${ctx.gameId}:${ctx.index}`,
      };
      const result = await callModel(ctx, action.phase, request, calls);
      calls++;
      usage = addUsage(usage, result.usage);
      text = result.text;
      const parsed =
        plan && result.structured !== undefined
          ? validate(action.schema, plan.decode(result.structured))
          : action.parse
            ? action.parse(text)
            : parseWith(action.schema, text);
      const problem = parsed.ok ? check?.(parsed.value) : parsed.error;
      if (parsed.ok && problem === undefined)
        return { ok: true, value: parsed.value, text, usage, mode: turnMode, calls };
      error = problem ?? 'unusable reply';
      messages = [
        ...messages,
        { role: 'assistant', content: text.trim() === '' ? '(empty reply)' : text },
        {
          role: 'user',
          content: `${REASK_PREFIX} ${error}.\n${action.prompt(required)}`,
        },
      ];
    }
    return { ok: false, error, text, usage, mode: turnMode, calls };
  }

  async function act<T>(ctx: AgentContext, action: Action<T>): Promise<AgentReply<T>> {
    const rule = action.wrap;
    if (!decide || !rule) return ask(ctx, action);
    const required = rule.decided(await decide(ctx, action));
    const wanted = rule.key(required);
    return ask(ctx, action, required, (v) =>
      rule.key(rule.decided(v)) === wanted ? undefined : rule.mismatch(required),
    );
  }

  return {
    id: spec.id,
    maxReasks,
    act,
    discuss: (ctx) => act(ctx, proposeVoteAction(ctx, 'discussion')),
    think: (ctx) => act(ctx, proposeVoteAction(ctx, 'thinking')),
    propose: (ctx) => act(ctx, proposeVoteAction(ctx, 'proposal')),
    vote: (ctx) => act(ctx, proposeVoteAction(ctx, 'vote')),
    reflect: (ctx) => act(ctx, proposeVoteAction(ctx, 'reflection')),
  };
}
