// OpenAI, OpenRouter, Google, xAI and local servers through the official `openai` SDK's Chat
// Completions API. Their prompt caching is automatic on a stable prefix, so no markers are sent;
// OpenAI gets a `prompt_cache_key` per game seat. Structured replies use a strict JSON schema.
import OpenAI from 'openai';
import type { LlmSpec, ProviderName } from '../../src-shared/participant';
import { ProviderError, badResponse, classifyError, isAnswered } from './errors';
import { PROBE_MAX_TOKENS, PROBE_TEXT } from './sdk-settings';
import { withCost } from './pricing';
import type { ChatRequest, ChatResult, ProviderClient, ProviderClientOptions } from './types';
import { defaultMaxTokens, sdkRequestOptions } from './sdk-settings';

/**
 * OpenAI-compatible endpoints of the hosted providers; `openai` uses the SDK default
 * (OPENAI_BASE_URL, else api.openai.com).
 */
export const DEFAULT_BASE_URLS: Partial<Record<ProviderName, string>> = {
  openrouter: 'https://openrouter.ai/api/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta/openai/',
  xai: 'https://api.x.ai/v1',
};

/** A Chat Completions body as the SDK parsed it: an object with a `choices` array. */
function isChatCompletion(data: unknown): data is OpenAI.ChatCompletion {
  return (
    typeof data === 'object' &&
    data !== null &&
    Array.isArray((data as { choices?: unknown }).choices)
  );
}

/** The JSON content of a strict-schema reply; undefined (text parsed as usual) when it is not. */
function jsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createOpenAiCompatibleClient(
  spec: LlmSpec,
  apiKey: string,
  options: ProviderClientOptions,
): ProviderClient {
  const baseURL = spec.baseUrl ?? DEFAULT_BASE_URLS[spec.provider];
  if (spec.provider === 'local' && !spec.baseUrl) {
    throw new Error(
      `model ${spec.id}: provider "local" needs baseUrl (e.g. http://127.0.0.1:11434/v1 for Ollama)`,
    );
  }
  const client = new OpenAI({
    // Local servers usually ignore the key, but the SDK requires a non-empty one.
    apiKey: apiKey || 'parley-local',
    // undefined (not null) lets the SDK read OPENAI_BASE_URL for provider "openai".
    baseURL: baseURL ?? undefined,
    ...sdkRequestOptions(options),
  });
  const fallbackMaxTokens = defaultMaxTokens(spec, options);

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const started = performance.now();
    const maxTokens = request.maxTokens ?? fallbackMaxTokens;
    const params: OpenAI.ChatCompletionCreateParamsNonStreaming = {
      model: spec.model,
      messages: [
        { role: 'system', content: request.system },
        ...request.messages.map((m) => ({ role: m.role, content: m.content })),
      ],
      // OpenAI's reasoning models accept only max_completion_tokens; compatible servers know max_tokens.
      ...(spec.provider === 'openai'
        ? { max_completion_tokens: maxTokens }
        : { max_tokens: maxTokens }),
      ...(spec.temperature !== undefined ? { temperature: spec.temperature } : {}),
      ...(spec.reasoningEffort ? { reasoning_effort: spec.reasoningEffort } : {}),
      ...(request.output?.mode === 'json_schema'
        ? {
            response_format: {
              type: 'json_schema' as const,
              json_schema: {
                name: request.output.name,
                strict: true,
                schema: request.output.schema,
              },
            },
          }
        : {}),
      // Only OpenAI documents the key; other compatible servers may reject unknown fields.
      ...(spec.provider === 'openai' && request.promptCacheKey
        ? { prompt_cache_key: request.promptCacheKey }
        : {}),
    };
    try {
      const { data, response, request_id } = await client.chat.completions
        .create(params, { signal: request.signal })
        .withResponse();
      if (!isChatCompletion(data))
        throw badResponse('Chat Completions response', response.headers.get('content-type'), data);
      const choice = data.choices[0];
      const u = data.usage;
      const cached = u?.prompt_tokens_details?.cached_tokens ?? 0;
      const text = choice?.message.content ?? '';
      const structured = request.output?.mode === 'json_schema' ? jsonOrUndefined(text) : undefined;
      return {
        text,
        ...(structured !== undefined ? { structured } : {}),
        usage: withCost(spec.provider, spec.prices, {
          inputTokens: (u?.prompt_tokens ?? 0) - cached,
          cacheWriteTokens: 0,
          cacheReadTokens: cached,
          outputTokens: u?.completion_tokens ?? 0,
          reasoningTokens: u?.completion_tokens_details?.reasoning_tokens ?? 0,
        }),
        httpStatus: response.status,
        latencyMs: Math.round(performance.now() - started),
        requestId: request_id ?? null,
        stopReason: choice?.finish_reason ?? null,
      };
    } catch (err) {
      throw new ProviderError(
        classifyError(err, [apiKey]),
        Math.round(performance.now() - started),
      );
    }
  }

  return {
    provider: spec.provider,
    model: spec.model,
    complete,
    async probe(signal) {
      // The games' own endpoint, smallest request: a gateway that serves only chat completions
      // (no /models) is seen back as soon as it answers.
      try {
        const { data, response } = await client.chat.completions
          .create(
            {
              model: spec.model,
              messages: [{ role: 'user', content: PROBE_TEXT }],
              ...(spec.provider === 'openai'
                ? { max_completion_tokens: PROBE_MAX_TOKENS }
                : { max_tokens: PROBE_MAX_TOKENS }),
            },
            { signal },
          )
          .withResponse();
        if (!isChatCompletion(data))
          throw badResponse(
            'Chat Completions response',
            response.headers.get('content-type'),
            data,
          );
      } catch (err) {
        const c = classifyError(err, [apiKey]);
        if (!isAnswered(c)) throw new ProviderError(c, 0);
      }
    },
  };
}
