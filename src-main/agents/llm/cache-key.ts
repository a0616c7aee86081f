// Response-cache keys: the SHA-256 of the canonical JSON of everything that determines a reply.
import { createHash } from 'node:crypto';
import type { LlmSpec } from '../../../src-shared/participant';
import type { ChatRequest } from '../../providers/types';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Key of one model call: provider, model, sampling and reasoning parameters, the full
 * conversation, the structured output asked for (mode, name and schema; absent for plain text,
 * so plain-text keys are what they were before structured outputs), the game and the call seed.
 * The API key, base URL and prompt_cache_key (routing only) are not part of it.
 */
export function responseCacheKey(
  spec: LlmSpec,
  request: ChatRequest,
  gameId: string,
  callSeed: number,
): string {
  const payload = {
    provider: spec.provider,
    model: spec.model,
    params: {
      temperature: spec.temperature,
      maxTokens: request.maxTokens ?? spec.maxTokens,
      reasoningEffort: spec.reasoningEffort,
      thinkingBudget: spec.thinkingBudget,
    },
    system: request.system,
    messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
    output: request.output,
    gameId,
    callSeed,
  };
  return createHash('sha256')
    .update(JSON.stringify(canonical(payload)))
    .digest('hex');
}
