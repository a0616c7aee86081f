// A local stand-in for LLM providers (OpenAI and Anthropic wire formats) on 127.0.0.1: simulated
// token usage and prompt caching, seeded fault injection and an offline switch for outage tests.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  captureAnswer,
  createBatchRoutes,
  type MockBatchControls,
  type MockBatchOptions,
} from './batch-routes';
import { createRateLimitHeaders, type MockRateLimit } from './rate-limit-headers';
import { PrefixLru, anthropicCache, countTokens, openaiCache } from './prompt-cache';
import { defaultResponder, type MockResponder } from './responder';
import {
  anthropicContent,
  errorBody,
  parseAnthropic,
  parseOpenAi,
  requestId,
  structuredAnswer,
} from './wire';

export const MOCK_FAULTS = ['429', '500', 'timeout', 'reset', 'garbage'] as const;
export type MockFault = (typeof MOCK_FAULTS)[number];

export interface MockLlmOptions extends MockBatchOptions {
  port?: number;
  host?: string;
  /** Delay before every answer. */
  latencyMs?: number;
  /** Probability in [0, 1] that a request gets a fault (drawn from `faults` by a seeded RNG). */
  faultRate?: number;
  faults?: readonly MockFault[];
  seed?: number;
  /** `retry-after` seconds sent with 429 (default 1). */
  retryAfterSec?: number;
  /** How long a 'timeout' fault holds the connection before dropping it (default and cap 30 s). */
  timeoutHoldMs?: number;
  responder?: MockResponder;
  /** When set, requests must carry this key (Authorization: Bearer or x-api-key), else 401. */
  apiKey?: string;
  /** Shortest prefix Anthropic caches (default 1024 tokens, as for most Claude models). */
  anthropicMinCacheTokens?: number;
  /** What requests get while offline: a dropped connection (default) or a 503. */
  offlineMode?: 'reset' | '503';
  /** Send rate-limit headers from this simulated window (none by default). */
  rateLimit?: MockRateLimit;
}

export interface MockLlmStats {
  requests: number;
  /** e.g. { 'POST /v1/messages': 3 } */
  byRoute: Record<string, number>;
  /** e.g. { '429': 1, offline: 2, auth: 1 } */
  byFault: Record<string, number>;
  /** Requests answered normally (including 'garbage', which is a 200). */
  ok: number;
  /** TCP connections accepted (keep-alive reuses them). */
  connections: number;
}

export interface MockLlm extends MockBatchControls {
  /** http://127.0.0.1:PORT — the Anthropic SDK's baseURL. */
  url: string;
  /** `${url}/v1` — the OpenAI SDK's baseURL. */
  openaiBaseUrl: string;
  port: number;
  stats: MockLlmStats;
  setOffline(isOffline: boolean): void;
  /** Force the next `count` requests to get `fault`, ahead of the random draw. */
  injectFault(fault: MockFault | 'auth', count?: number): void;
  /** Change (or stop, with null) the simulated rate-limit window. */
  setRateLimit(limit: MockRateLimit | null): void;
  close(): Promise<void>;
}

const MAX_HOLD_MS = 30_000;

/** mulberry32: a tiny seeded RNG, so fault sequences are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Start the mock on 127.0.0.1 (random port by default). */
export async function startMockLlm(options: MockLlmOptions = {}): Promise<MockLlm> {
  const {
    port = 0,
    host = '127.0.0.1',
    latencyMs = 0,
    faultRate = 0,
    faults = MOCK_FAULTS,
    seed = 1,
    retryAfterSec = 1,
    responder = defaultResponder,
    anthropicMinCacheTokens = 1024,
    offlineMode = 'reset',
  } = options;
  const holdMs = Math.min(options.timeoutHoldMs ?? MAX_HOLD_MS, MAX_HOLD_MS);
  const random = seededRandom(seed);
  const lru = new PrefixLru(50_000);
  let url = '';
  const stats: MockLlmStats = { requests: 0, byRoute: {}, byFault: {}, ok: 0, connections: 0 };
  const forced: (MockFault | 'auth')[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let isOffline = false;
  const rateLimits = createRateLimitHeaders(options.rateLimit);
  const batches = createBatchRoutes({
    url: () => url,
    random,
    options,
    answer: (f, json) =>
      captureAnswer((r) => (f === 'anthropic' ? answerAnthropic : answerOpenAi)(r, json, false)),
  });

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const countFault = (name: string) => {
    stats.byFault[name] = (stats.byFault[name] ?? 0) + 1;
  };

  const drawFault = (): MockFault | 'auth' | undefined => {
    const next = forced.shift();
    if (next) return next;
    if (faultRate <= 0 || faults.length === 0) return undefined;
    const r = random();
    const pick = random();
    return r < faultRate ? faults[Math.floor(pick * faults.length)] : undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const route = `${req.method} ${(req.url ?? '').split('?')[0]}`;
    stats.requests++;
    stats.byRoute[route] = (stats.byRoute[route] ?? 0) + 1;
    const body = await readBody(req);
    const format = route.endsWith('/v1/messages') ? 'anthropic' : 'openai';
    if (isOffline) {
      countFault('offline');
      if (offlineMode === 'reset') req.socket.destroy();
      else send(res, 503, errorBody(format, 503, 'service unavailable (mock offline)'));
      return;
    }
    if (options.apiKey !== undefined && !hasKey(req, options.apiKey)) {
      countFault('auth');
      send(res, 401, errorBody(format, 401, 'invalid x-api-key'));
      return;
    }
    if (batches.handle(route, req, res, body)) return;
    const fault = drawFault();
    if (fault === 'auth') {
      countFault('auth');
      send(res, 401, errorBody(format, 401, 'invalid x-api-key'));
      return;
    }
    if (latencyMs > 0) await wait(latencyMs);
    if (fault && fault !== 'garbage') countFault(fault);
    for (const [k, v] of Object.entries(rateLimits.next(format))) res.setHeader(k, v);
    switch (fault) {
      case '429':
        send(res, 429, errorBody(format, 429, 'rate limited (mock)'), {
          'retry-after': String(retryAfterSec),
        });
        return;
      case '500':
        send(res, 500, errorBody(format, 500, 'internal error (mock)'));
        return;
      case 'reset':
        req.socket.destroy();
        return;
      case 'timeout':
        await wait(holdMs);
        req.socket.destroy();
        return;
    }
    if (route === 'GET /v1/models') {
      send(res, 200, {
        object: 'list',
        data: [
          { id: 'mock-model', object: 'model', type: 'model', created: 0, owned_by: 'parley' },
        ],
        has_more: false,
        first_id: 'mock-model',
        last_id: 'mock-model',
      });
      stats.ok++;
      return;
    }
    if (route === 'GET /v1/key') {
      // OpenRouter's "current key" endpoint, which Parley uses to test an OpenRouter key.
      send(res, 200, { data: { label: 'mock', usage: 0, limit: null, is_free_tier: false } });
      stats.ok++;
      return;
    }
    if (route !== 'POST /v1/messages' && route !== 'POST /v1/chat/completions') {
      send(res, 404, errorBody(format, 404, `no route ${route}`));
      return;
    }
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      send(res, 400, errorBody(format, 400, 'body is not JSON'));
      return;
    }
    if (fault === 'garbage') countFault('garbage');
    stats.ok++;
    if (format === 'anthropic') answerAnthropic(res, json, fault === 'garbage');
    else answerOpenAi(res, json, fault === 'garbage');
  };

  const answerAnthropic = (
    res: ServerResponse,
    body: Record<string, unknown>,
    isGarbage: boolean,
  ) => {
    const { blocks, info } = parseAnthropic(body);
    const cache = anthropicCache(lru, info.model, blocks, anthropicMinCacheTokens);
    const thinking = body.thinking as { type?: string; budget_tokens?: number } | undefined;
    const thinkingTokens =
      thinking?.type === 'enabled' ? Math.min(thinking.budget_tokens ?? 0, 64) : 0;
    const reply = truncate(
      isGarbage ? GARBAGE : structuredAnswer(info, responder(info)),
      Number(body.max_tokens ?? 4096),
    );
    const content: unknown[] = [];
    if (thinkingTokens > 0)
      content.push({ type: 'thinking', thinking: 'Weighing my options.', signature: 'mock' });
    const answer = reply.isTruncated
      ? anthropicContent({ ...info, output: undefined }, reply.text)
      : anthropicContent(info, reply.text);
    content.push(answer.block);
    send(
      res,
      200,
      {
        id: requestId('msg_'),
        type: 'message',
        role: 'assistant',
        model: info.model,
        content,
        stop_reason: reply.isTruncated ? 'max_tokens' : (answer.stopReason ?? 'end_turn'),
        stop_sequence: null,
        usage: {
          input_tokens: cache.inputTokens,
          cache_creation_input_tokens: cache.cacheCreationTokens,
          cache_read_input_tokens: cache.cacheReadTokens,
          cache_creation: {
            ephemeral_5m_input_tokens: cache.cacheCreationTokens,
            ephemeral_1h_input_tokens: 0,
          },
          output_tokens: reply.tokens + thinkingTokens,
          output_tokens_details: { thinking_tokens: thinkingTokens },
          service_tier: 'standard',
        },
      },
      { 'request-id': requestId('req_') },
    );
  };

  const answerOpenAi = (res: ServerResponse, body: Record<string, unknown>, isGarbage: boolean) => {
    const { serialized, info } = parseOpenAi(body);
    const cached = openaiCache(lru, info.model, serialized);
    const effort = String(body.reasoning_effort ?? '');
    const reasoning =
      ({ minimal: 0, low: 16, medium: 32, high: 64 } as Record<string, number>)[effort] ?? 0;
    const max = Number(body.max_completion_tokens ?? body.max_tokens ?? 4096);
    const reply = truncate(isGarbage ? GARBAGE : structuredAnswer(info, responder(info)), max);
    const promptTokens = countTokens(serialized);
    send(
      res,
      200,
      {
        id: requestId('chatcmpl-'),
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: info.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.text, refusal: null },
            finish_reason: reply.isTruncated ? 'length' : 'stop',
            logprobs: null,
          },
        ],
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: reply.tokens + reasoning,
          total_tokens: promptTokens + reply.tokens + reasoning,
          prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
          completion_tokens_details: {
            reasoning_tokens: reasoning,
            audio_tokens: 0,
            accepted_prediction_tokens: 0,
            rejected_prediction_tokens: 0,
          },
        },
      },
      { 'x-request-id': requestId('req_') },
    );
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { error: { message: String(err) } });
    });
  });
  // Long enough that clients reuse connections (undici treats a hint under ~2 s as "do not reuse");
  // close() destroys idle sockets itself.
  server.keepAliveTimeout = 10_000;
  server.on('connection', (socket) => {
    stats.connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  url = `http://${host}:${actualPort}`;

  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    port: actualPort,
    stats,
    setOffline(value) {
      isOffline = value;
    },
    ...batches.controls,
    setRateLimit: (limit) => rateLimits.set(limit),
    injectFault(fault, count = 1) {
      for (let i = 0; i < count; i++) forced.push(fault);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const GARBAGE = 'Sure! Here is my answer: {proposal: keep everything, "votes": [accept';

function truncate(
  text: string,
  maxTokens: number,
): { text: string; tokens: number; isTruncated: boolean } {
  const tokens = countTokens(text);
  if (tokens <= maxTokens) return { text, tokens, isTruncated: false };
  return { text: text.slice(0, maxTokens * 4), tokens: maxTokens, isTruncated: true };
}

function hasKey(req: IncomingMessage, key: string): boolean {
  const auth = req.headers.authorization;
  return auth === `Bearer ${key}` || req.headers['x-api-key'] === key;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
