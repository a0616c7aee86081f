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
  };
  return { serialized, info };
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
