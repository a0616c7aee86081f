// Anthropic Messages API through the official SDK, with cache_control breakpoints on the stable
// prefix (system) and on the messages the caller marks (the last public-history message), each
// only where the cached prefix reaches the model's minimum cacheable length; structured replies
// through a forced tool.
import Anthropic from '@anthropic-ai/sdk';
import type { LlmSpec } from '../../src-shared/participant';
import { ProviderError, badResponse, classifyError, isAnswered } from './errors';
import { PROBE_MAX_TOKENS, PROBE_TEXT } from './sdk-settings';
import { withCost } from './pricing';
import { minCacheTokensOf } from '../registry/cache-limits';
import { approxTokens } from './types';
import type {
  ChatMessage,
  ChatRequest,
  ChatResult,
  ProviderClient,
  ProviderClientOptions,
} from './types';
import { defaultMaxTokens, sdkRequestOptions } from './sdk-settings';

/** Anthropic allows four breakpoints per request; the system prompt takes one. */
const MAX_MESSAGE_BREAKPOINTS = 3;

type TextBlock = Anthropic.TextBlockParam;

/**
 * Consecutive messages of one role become one message with several text blocks. A marked
 * message keeps its breakpoint only when the prefix up to it (`prefixTokens` before the first
 * message, then every message) reaches `minTokens`: shorter prefixes are never cached, and a
 * breakpoint there would only use up one of the four.
 */
export function toAnthropicMessages(
  messages: readonly ChatMessage[],
  prefixTokens = 0,
  minTokens = 0,
): Anthropic.MessageParam[] {
  let cumulative = prefixTokens;
  const marked = messages.flatMap((m, i) => {
    cumulative += approxTokens(m.content);
    return m.isCacheBreakpoint && cumulative >= minTokens ? [i] : [];
  });
  const kept = new Set(marked.slice(-MAX_MESSAGE_BREAKPOINTS));
  const out: { role: 'user' | 'assistant'; content: TextBlock[] }[] = [];
  messages.forEach((m, i) => {
    const block: TextBlock = { type: 'text', text: m.content };
    if (kept.has(i)) block.cache_control = { type: 'ephemeral' };
    const last = out[out.length - 1];
    if (last && last.role === m.role) last.content.push(block);
    else out.push({ role: m.role, content: [block] });
  });
  return out;
}

/** A Messages body as the SDK parsed it: an object with a `content` array and `usage`. */
function isMessage(data: unknown): data is Anthropic.Message {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as { content?: unknown; usage?: unknown };
  return Array.isArray(m.content) && typeof m.usage === 'object' && m.usage !== null;
}

/**
 * The one tool every structured request forces. It is the same in every call (name, description,
 * schema) because tools lead Anthropic's cached prefix and tool_choice changes drop the cached
 * messages: a tool per action would lose the whole log cache at every phase change. The action's
 * own schema goes in the final user message instead, after the last breakpoint.
 */
export const REPLY_TOOL: Anthropic.Tool = {
  name: 'reply',
  description:
    'Give your reply by calling this tool; its input is the reply object, shaped as the last message says.',
  input_schema: { type: 'object' },
};

/** The text block that tells a structured 'tool' request which reply object to give. */
export function toolSchemaText(schema: Record<string, unknown>): string {
  return `Call the reply tool. Its input must match this JSON Schema: ${JSON.stringify(schema)}`;
}

/** The forced tool of a structured 'tool' request, or undefined. */
function toolsOf(
  request: ChatRequest,
): { name: string; tools: Anthropic.Tool[]; note: string } | undefined {
  const output = request.output;
  if (output?.mode !== 'tool') return undefined;
  return { name: REPLY_TOOL.name, tools: [REPLY_TOOL], note: toolSchemaText(output.schema) };
}

/**
 * `messages` with `note` as a text block just before the final prompt block (after every
 * breakpoint, so the cached prefix stays the same; the prompt stays last).
 */
function withNote(messages: Anthropic.MessageParam[], note: string): Anthropic.MessageParam[] {
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'user' || typeof last.content === 'string') return messages;
  const blocks = last.content;
  return [
    ...messages.slice(0, -1),
    {
      role: 'user',
      content: [...blocks.slice(0, -1), { type: 'text', text: note }, ...blocks.slice(-1)],
    },
  ];
}

export function createAnthropicClient(
  spec: LlmSpec,
  apiKey: string,
  options: ProviderClientOptions,
): ProviderClient {
  const client = new Anthropic({
    apiKey,
    // undefined (not null) lets the SDK read ANTHROPIC_BASE_URL, as proxies and gateways expect.
    baseURL: spec.baseUrl ?? undefined,
    ...sdkRequestOptions(options),
  });
  const fallbackMaxTokens = defaultMaxTokens(spec, options);
  const minCache = minCacheTokensOf(spec);

  async function complete(request: ChatRequest): Promise<ChatResult> {
    const started = performance.now();
    const maxTokens = request.maxTokens ?? fallbackMaxTokens;
    const thinking = spec.thinkingBudget;
    const tools = toolsOf(request);
    // The cache prefix is tools, then system, then messages.
    const toolTokens = tools ? approxTokens(JSON.stringify(tools.tools)) : 0;
    const systemTokens = toolTokens + approxTokens(request.system);
    const params: Anthropic.MessageCreateParamsNonStreaming = {
      model: spec.model,
      // The thinking budget comes out of max_tokens, so the reply keeps its own allowance.
      max_tokens: thinking ? maxTokens + thinking : maxTokens,
      system: [
        {
          type: 'text',
          text: request.system,
          ...(systemTokens >= minCache ? { cache_control: { type: 'ephemeral' as const } } : {}),
        },
      ],
      messages: tools
        ? withNote(toAnthropicMessages(request.messages, systemTokens, minCache), tools.note)
        : toAnthropicMessages(request.messages, systemTokens, minCache),
      ...(tools
        ? {
            tools: tools.tools,
            // Extended thinking allows only an automatic tool choice; the prompt asks for the tool.
            tool_choice: thinking
              ? { type: 'auto' as const }
              : { type: 'tool' as const, name: tools.name },
          }
        : {}),
      ...(thinking ? { thinking: { type: 'enabled', budget_tokens: thinking } } : {}),
      // Extended thinking requires the default temperature.
      ...(spec.temperature !== undefined && !thinking ? { temperature: spec.temperature } : {}),
    };
    try {
      const { data, response, request_id } = await client.messages
        .create(params, { signal: request.signal })
        .withResponse();
      if (!isMessage(data))
        throw badResponse('Messages API response', response.headers.get('content-type'), data);
      const used = tools
        ? data.content.find((b) => b.type === 'tool_use' && b.name === tools.name)
        : undefined;
      const structured = used?.type === 'tool_use' ? used.input : undefined;
      const text =
        structured !== undefined
          ? JSON.stringify(structured)
          : data.content.flatMap((b) => (b.type === 'text' ? [b.text] : [])).join('');
      const u = data.usage;
      return {
        text,
        ...(structured !== undefined ? { structured } : {}),
        usage: withCost('anthropic', spec.prices, {
          inputTokens: u.input_tokens,
          cacheWriteTokens: u.cache_creation_input_tokens ?? 0,
          cacheReadTokens: u.cache_read_input_tokens ?? 0,
          outputTokens: u.output_tokens,
          reasoningTokens: u.output_tokens_details?.thinking_tokens ?? 0,
        }),
        httpStatus: response.status,
        latencyMs: Math.round(performance.now() - started),
        requestId: request_id ?? null,
        stopReason: data.stop_reason ?? null,
      };
    } catch (err) {
      throw new ProviderError(
        classifyError(err, [apiKey]),
        Math.round(performance.now() - started),
      );
    }
  }

  return {
    provider: 'anthropic',
    model: spec.model,
    complete,
    async probe(signal) {
      // The games' own endpoint, smallest request (no thinking): a gateway that serves only
      // /v1/messages (no /v1/models) is seen back as soon as it answers.
      try {
        const { data, response } = await client.messages
          .create(
            {
              model: spec.model,
              max_tokens: PROBE_MAX_TOKENS,
              messages: [{ role: 'user', content: PROBE_TEXT }],
            },
            { signal },
          )
          .withResponse();
        if (!isMessage(data))
          throw badResponse('Messages API response', response.headers.get('content-type'), data);
      } catch (err) {
        const c = classifyError(err, [apiKey]);
        if (!isAnswered(c)) throw new ProviderError(c, 0);
      }
    },
  };
}
