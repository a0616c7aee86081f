// The mock's batch APIs: Anthropic Message Batches (create, retrieve, results, cancel) and OpenAI
// Batch (file upload, create, retrieve, cancel, file content), answering every request with the
// same responder as the online endpoints. Delays, per-request failures and expiry are injectable.
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  anthropicLine,
  multipartFile,
  openaiLine,
  parseJson,
  sendJson,
  type Answer,
} from './batch-wire';
import { errorBody, requestId } from './wire';

export { captureAnswer } from './batch-wire';

export type MockBatchFault = 'errored' | 'expired';

export interface MockBatchOptions {
  /** How long a batch stays in progress after it is created (default 0: ends at once). */
  batchDelayMs?: number;
  /** Probability in [0, 1] that a request errors (500 api_error), from the mock's seeded RNG. */
  batchErrorRate?: number;
  /** Probability in [0, 1] that a request expires unprocessed. */
  batchExpireRate?: number;
}

export interface MockBatchStats {
  /** Batches created, per API. */
  created: { anthropic: number; openai: number };
  /** Requests submitted in all batches. */
  requests: number;
  /** custom_ids per batch id, in submission order. */
  byBatch: Record<string, string[]>;
  retrieves: number;
  results: number;
  cancels: number;
  uploads: number;
  /** Per-request outcomes delivered: succeeded, errored, expired, canceled. */
  outcomes: Record<string, number>;
}

export interface MockBatchControls {
  batchStats: MockBatchStats;
  /** The next `count` batch requests get `fault`, ahead of the random draw. */
  injectBatchFault(fault: MockBatchFault, count?: number): void;
  setBatchDelay(ms: number): void;
  /** End every batch in progress now (their requests are answered when next read). */
  endBatchesNow(): void;
}

type Json = Record<string, unknown>;
type Format = 'anthropic' | 'openai';

interface Item {
  customId: string;
  body: Json;
  fault: MockBatchFault | undefined;
}

interface MockBatch {
  id: string;
  format: Format;
  items: Item[];
  createdAt: number;
  endsAt: number;
  canceledAt: number | null;
  /** Filled when the batch ends: per custom_id, the JSONL result line. */
  lines: Json[] | null;
  inputFileId?: string;
  outputFileId?: string;
  errorFileId?: string;
}

export interface BatchRouteDeps {
  /** The server's base URL (for results_url). */
  url: () => string;
  /** The online answer to one request body, as the server would send it. */
  answer: Answer;
  random: () => number;
  options: MockBatchOptions;
}

const iso = (ms: number) => new Date(ms).toISOString();
const secs = (ms: number) => Math.floor(ms / 1000);

export function createBatchRoutes(deps: BatchRouteDeps): {
  handle(route: string, req: IncomingMessage, res: ServerResponse, body: string): boolean;
  controls: MockBatchControls;
} {
  let delayMs = deps.options.batchDelayMs ?? 0;
  const errorRate = deps.options.batchErrorRate ?? 0;
  const expireRate = deps.options.batchExpireRate ?? 0;
  const forced: MockBatchFault[] = [];
  const batches = new Map<string, MockBatch>();
  const files = new Map<string, string>();
  const stats: MockBatchStats = {
    created: { anthropic: 0, openai: 0 },
    requests: 0,
    byBatch: {},
    retrieves: 0,
    results: 0,
    cancels: 0,
    uploads: 0,
    outcomes: {},
  };

  const drawFault = (): MockBatchFault | undefined => {
    const next = forced.shift();
    if (next) return next;
    if (errorRate <= 0 && expireRate <= 0) return undefined;
    const r = deps.random();
    return r < errorRate ? 'errored' : r < errorRate + expireRate ? 'expired' : undefined;
  };

  const create = (format: Format, items: { customId: string; body: Json }[]): MockBatch => {
    const now = Date.now();
    const batch: MockBatch = {
      id: requestId(format === 'anthropic' ? 'msgbatch_' : 'batch_'),
      format,
      items: items.map((i) => ({ ...i, fault: drawFault() })),
      createdAt: now,
      endsAt: now + delayMs,
      canceledAt: null,
      lines: null,
    };
    batches.set(batch.id, batch);
    stats.created[format]++;
    stats.requests += items.length;
    stats.byBatch[batch.id] = items.map((i) => i.customId);
    return batch;
  };

  const isEnded = (b: MockBatch) => b.canceledAt !== null || Date.now() >= b.endsAt;

  /** Answer every request once the batch has ended (canceled ones are not answered). */
  const finish = (b: MockBatch): Json[] => {
    if (b.lines) return b.lines;
    b.lines = b.items.map((item) => {
      const outcome =
        b.canceledAt !== null ? 'canceled' : item.fault === undefined ? 'succeeded' : item.fault;
      stats.outcomes[outcome] = (stats.outcomes[outcome] ?? 0) + 1;
      return b.format === 'anthropic'
        ? anthropicLine(item, outcome, deps.answer)
        : openaiLine(item, outcome, deps.answer);
    });
    if (b.format === 'openai') {
      const ok = b.lines.filter((l) => (l.response as Json | null)?.status_code === 200);
      const failed = b.lines.filter((l) => !ok.includes(l));
      if (ok.length > 0) b.outputFileId = storeFile(ok);
      if (failed.length > 0) b.errorFileId = storeFile(failed);
    }
    return b.lines;
  };

  const storeFile = (lines: Json[]): string => {
    const id = requestId('file-');
    files.set(id, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    return id;
  };

  const counts = (b: MockBatch) => {
    const lines = isEnded(b) ? finish(b) : null;
    const of = (type: string) =>
      lines
        ? lines.filter((l) =>
            b.format === 'anthropic'
              ? (l.result as Json).type === type
              : type === 'succeeded'
                ? (l.response as Json | null)?.status_code === 200
                : (l.response as Json | null)?.status_code !== 200,
          ).length
        : 0;
    return { lines, of };
  };

  const anthropicView = (b: MockBatch): Json => {
    const { lines, of } = counts(b);
    const ended = lines !== null;
    return {
      id: b.id,
      type: 'message_batch',
      processing_status: ended ? 'ended' : b.canceledAt !== null ? 'canceling' : 'in_progress',
      request_counts: {
        processing: ended ? 0 : b.items.length,
        succeeded: of('succeeded'),
        errored: of('errored'),
        canceled: of('canceled'),
        expired: of('expired'),
      },
      created_at: iso(b.createdAt),
      expires_at: iso(b.createdAt + 86_400_000),
      ended_at: ended
        ? iso(Math.max(b.createdAt, Math.min(b.endsAt, b.canceledAt ?? b.endsAt)))
        : null,
      cancel_initiated_at: b.canceledAt === null ? null : iso(b.canceledAt),
      archived_at: null,
      results_url: ended ? `${deps.url()}/v1/messages/batches/${b.id}/results` : null,
    };
  };

  const openaiView = (b: MockBatch): Json => {
    const { lines, of } = counts(b);
    const ended = lines !== null;
    return {
      id: b.id,
      object: 'batch',
      endpoint: '/v1/chat/completions',
      errors: null,
      input_file_id: b.inputFileId,
      completion_window: '24h',
      status: !ended ? 'in_progress' : b.canceledAt !== null ? 'cancelled' : 'completed',
      output_file_id: b.outputFileId ?? null,
      error_file_id: b.errorFileId ?? null,
      created_at: secs(b.createdAt),
      in_progress_at: secs(b.createdAt),
      expires_at: secs(b.createdAt + 86_400_000),
      completed_at: ended && b.canceledAt === null ? secs(b.endsAt) : null,
      cancelled_at: b.canceledAt === null ? null : secs(b.canceledAt),
      request_counts: {
        total: b.items.length,
        completed: of('succeeded'),
        failed: ended ? b.items.length - of('succeeded') : 0,
      },
      metadata: null,
    };
  };

  const handle = (
    route: string,
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
  ): boolean => {
    const [method, path] = route.split(' ');
    const parts = path.split('/').filter(Boolean); // v1, messages, batches, id, results
    const anthropic = parts[1] === 'messages' && parts[2] === 'batches';
    const openai = parts[1] === 'batches' || parts[1] === 'files';
    if (parts[0] !== 'v1' || (!anthropic && !openai)) return false;
    const format: Format = anthropic ? 'anthropic' : 'openai';
    const fail = (status: number, message: string) =>
      sendJson(res, status, errorBody(format, status, message));
    const id = anthropic ? parts[3] : parts[2];
    const batch = id ? batches.get(id) : undefined;
    const sub = anthropic ? parts[4] : parts[3];

    if (anthropic && method === 'POST' && !id) {
      const json = parseJson(body) as { requests?: { custom_id?: string; params?: Json }[] } | null;
      const requests = json?.requests;
      if (!Array.isArray(requests) || requests.length === 0)
        return (fail(400, 'requests: a non-empty array is required'), true);
      const b = create(
        'anthropic',
        requests.map((r) => ({ customId: String(r.custom_id), body: r.params ?? {} })),
      );
      sendJson(res, 200, anthropicView(b));
      return true;
    }
    if (format === 'openai' && parts[1] === 'files') {
      if (method === 'POST' && !id) {
        const text = multipartFile(req.headers['content-type'] ?? '', body);
        if (text === null) return (fail(400, 'file: a multipart file part is required'), true);
        const fileId = requestId('file-');
        files.set(fileId, text);
        stats.uploads++;
        sendJson(res, 200, {
          id: fileId,
          object: 'file',
          bytes: Buffer.byteLength(text),
          created_at: secs(Date.now()),
          filename: 'batch.jsonl',
          purpose: 'batch',
          status: 'processed',
        });
        return true;
      }
      if (method === 'GET' && id && sub === 'content') {
        const text = files.get(id);
        if (text === undefined) return (fail(404, `no file ${id}`), true);
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        return true;
      }
      return (fail(404, `no route ${route}`), true);
    }
    if (format === 'openai' && method === 'POST' && !id) {
      const json = parseJson(body) as { input_file_id?: string } | null;
      const text = json?.input_file_id ? files.get(json.input_file_id) : undefined;
      if (text === undefined)
        return (fail(400, `input_file_id: no file ${json?.input_file_id}`), true);
      const lines = text.split('\n').filter((l) => l.trim() !== '');
      const items = lines.map((l) => parseJson(l) as { custom_id?: string; body?: Json } | null);
      if (items.some((i) => !i?.custom_id || !i.body))
        return (fail(400, 'input file: every line needs custom_id and body'), true);
      const b = create(
        'openai',
        items.map((i) => ({ customId: String(i?.custom_id), body: i?.body ?? {} })),
      );
      b.inputFileId = json?.input_file_id;
      sendJson(res, 200, openaiView(b));
      return true;
    }
    if (!batch) return (fail(404, `no batch ${id}`), true);
    const view = () => (format === 'anthropic' ? anthropicView(batch) : openaiView(batch));
    if (method === 'GET' && !sub) {
      stats.retrieves++;
      sendJson(res, 200, view());
      return true;
    }
    if (method === 'POST' && sub === 'cancel') {
      stats.cancels++;
      if (!isEnded(batch)) batch.canceledAt = Date.now();
      sendJson(res, 200, view());
      return true;
    }
    if (anthropic && method === 'GET' && sub === 'results') {
      if (!isEnded(batch)) return (fail(400, `batch ${batch.id} is still in progress`), true);
      stats.results++;
      const text = finish(batch)
        .map((l) => JSON.stringify(l))
        .join('\n');
      res.writeHead(200, { 'content-type': 'application/binary' });
      res.end(text + '\n');
      return true;
    }
    return (fail(404, `no route ${route}`), true);
  };

  return {
    handle,
    controls: {
      batchStats: stats,
      injectBatchFault(fault, count = 1) {
        for (let i = 0; i < count; i++) forced.push(fault);
      },
      setBatchDelay(ms) {
        delayMs = ms;
      },
      endBatchesNow() {
        const now = Date.now();
        for (const b of batches.values()) b.endsAt = Math.min(b.endsAt, now);
      },
    },
  };
}
