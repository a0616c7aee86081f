// Request parsing and response bodies in the two wire formats the mock speaks.
import { randomBytes } from 'node:crypto';
import type { CacheBlock } from './prompt-cache';
import type { MockRequestInfo } from './responder';

type Json = Record<string, unknown>;

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((b) => textOf((b as Json).text ?? '')).join('\n');
  return '';
}

/** Anthropic /v1/messages body -> cache blocks and the responder's view. */
export function parseAnthropic(body: Json): { blocks: CacheBlock[]; info: MockRequestInfo } {
  const blocks: CacheBlock[] = [];
  // Tools come first in Anthropic's cache prefix: another tool means another prefix.
  if (Array.isArray(body.tools) && body.tools.length > 0)
    blocks.push({ role: 'tools', text: JSON.stringify(body.tools), isBreakpoint: false });
  const push = (role: string, content: unknown) => {
    if (typeof content === 'string') {
      blocks.push({ role, text: content, isBreakpoint: false });
      return;
    }
    for (const b of Array.isArray(content) ? (content as Json[]) : []) {
      blocks.push({ role, text: textOf(b.text ?? ''), isBreakpoint: b.cache_control != null });
    }
  };
  push('system', body.system ?? '');
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  for (const m of messages) push(String(m.role), m.content);
  const last = [...messages].reverse().find((m) => m.role === 'user');
  const lastContent = last?.content;
  const lastUserText = Array.isArray(lastContent)
    ? textOf([lastContent[lastContent.length - 1]])
    : textOf(lastContent);
  const info: MockRequestInfo = {
    format: 'anthropic',
    model: String(body.model ?? ''),
    ...(typeof body.max_tokens === 'number' ? { maxTokens: body.max_tokens } : {}),
    system: textOf(body.system ?? ''),
    messages: messages.map((m) => ({ role: String(m.role), text: textOf(m.content) })),
    lastUserText,
    body,
    ...withOutput(anthropicOutput(body)),
  };
  return { blocks, info };
}

/** OpenAI /v1/chat/completions body -> the serialized prompt and the responder's view. */
export function parseOpenAi(body: Json): { serialized: string; info: MockRequestInfo } {
  const messages = Array.isArray(body.messages) ? (body.messages as Json[]) : [];
  const flat = messages.map((m) => ({ role: String(m.role), text: textOf(m.content) }));
  const serialized = flat.map((m) => `<|${m.role}|>${m.text}`).join('');
  const system = flat.filter((m) => m.role === 'system' || m.role === 'developer');
  const rest = flat.filter((m) => m.role !== 'system' && m.role !== 'developer');
  const last = [...rest].reverse().find((m) => m.role === 'user');
  const info: MockRequestInfo = {
    format: 'openai',
    model: String(body.model ?? ''),
    ...maxTokensOf(body),
    system: system.map((m) => m.text).join('\n'),
    messages: rest,
    lastUserText: last?.text ?? '',
    body,
    ...withOutput(openAiOutput(body)),
  };
  return { serialized, info };
}

function withOutput(output: MockOutputRequest | undefined): { output?: MockOutputRequest } {
  return output ? { output } : {};
}

export function requestId(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex')}`;
}

export function errorBody(format: 'openai' | 'anthropic', status: number, message: string): Json {
  const type =
    status === 429
      ? 'rate_limit_error'
      : status === 401
        ? 'authentication_error'
        : status >= 500
          ? 'api_error'
          : 'invalid_request_error';
  if (format === 'anthropic') return { type: 'error', error: { type, message } };
  return { error: { message, type, code: status === 429 ? 'rate_limit_exceeded' : null } };
}

function maxTokensOf(body: Json): { maxTokens?: number } {
  const value = body.max_completion_tokens ?? body.max_tokens;
  return typeof value === 'number' ? { maxTokens: value } : {};
}

/** The structured reply a request asks for: a forced tool (Anthropic) or a JSON schema (OpenAI). */
export interface MockOutputRequest {
  mode: 'tool' | 'json_schema';
  name: string;
  schema: Json;
}

/** Anthropic: the tool a request forces (or, with tool_choice auto, its only tool). */
function anthropicOutput(body: Json): MockOutputRequest | undefined {
  const tools = Array.isArray(body.tools) ? (body.tools as Json[]) : [];
  const choice = (body.tool_choice ?? { type: 'auto' }) as Json;
  if (tools.length === 0 || choice.type === 'none') return undefined;
  const tool =
    choice.type === 'tool'
      ? tools.find((t) => t.name === choice.name)
      : tools.length === 1
        ? tools[0]
        : undefined;
  if (!tool) return undefined;
  return { mode: 'tool', name: String(tool.name), schema: (tool.input_schema ?? {}) as Json };
}

/** OpenAI: response_format json_schema. */
function openAiOutput(body: Json): MockOutputRequest | undefined {
  const format = body.response_format as Json | undefined;
  if (format?.type !== 'json_schema') return undefined;
  const spec = (format.json_schema ?? {}) as Json;
  return {
    mode: 'json_schema',
    name: String(spec.name ?? ''),
    schema: (spec.schema ?? {}) as Json,
  };
}

/**
 * `value` shaped to `schema` as a constrained decoder would emit it: properties the schema lists
 * (others dropped when it is closed), optional ones absent stay absent, required nullable ones
 * absent become null, a string field given another value carries it as JSON text, an absent
 * required string becomes "".
 */
export function conform(value: unknown, schema: Json): unknown {
  const options = Array.isArray(schema.anyOf) ? (schema.anyOf as Json[]) : undefined;
  if (options) {
    const nullable = options.some((o) => o.type === 'null');
    if ((value === undefined || value === null) && nullable) return null;
    const inner = options.find((o) => o.type !== 'null') ?? {};
    return conform(value, inner);
  }
  if (schema.type === 'string') {
    if (typeof value === 'string') return value;
    return value === undefined ? '' : JSON.stringify(value);
  }
  if (schema.type === 'array' && Array.isArray(value)) {
    const items = (schema.items ?? {}) as Json;
    return value.map((v) => conform(v, items));
  }
  if (schema.type === 'object' && typeof schema.properties === 'object') {
    const record =
      value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
    const out: Json = {};
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const [key, child] of Object.entries(schema.properties as Record<string, Json>)) {
      if (record[key] === undefined && !required.has(key)) continue;
      const v = conform(record[key], child);
      if (v !== undefined) out[key] = v;
    }
    if (schema.additionalProperties !== false)
      for (const [key, v] of Object.entries(record)) if (!(key in out)) out[key] = v;
    return out;
  }
  return value;
}

/** The responder's answer as the request's structured reply (JSON text), or as it was. */
export function structuredAnswer(info: MockRequestInfo, text: string): string {
  if (!info.output) return text;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    value = {};
  }
  return JSON.stringify(conform(value, info.output.schema));
}

/**
 * Anthropic content for a reply: a tool_use block calling the requested tool with the reply
 * object when a tool was asked for and the reply is JSON (a truncated or garbage reply stays text).
 */
export function anthropicContent(
  info: MockRequestInfo,
  text: string,
): { block: Json; stopReason: 'tool_use' | undefined } {
  if (info.output?.mode === 'tool') {
    try {
      const input = JSON.parse(text) as unknown;
      if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
        return {
          block: { type: 'tool_use', id: requestId('toolu_'), name: info.output.name, input },
          stopReason: 'tool_use',
        };
      }
    } catch {
      // Not JSON: answered as text below.
    }
  }
  return { block: { type: 'text', text, citations: null }, stopReason: undefined };
}
