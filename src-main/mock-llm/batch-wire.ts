// The mock batch APIs' wire pieces: result lines in both formats, the multipart upload, and a
// stand-in response that captures what the online endpoints would send.
import type { ServerResponse } from 'node:http';
import { errorBody, requestId } from './wire';

type Json = Record<string, unknown>;

/** An online answer as the server would send it. */
export interface CapturedAnswer {
  status: number;
  json: Json;
  headers: Record<string, string>;
}

export type Answer = (format: 'anthropic' | 'openai', body: Json) => CapturedAnswer;

export interface LineItem {
  customId: string;
  body: Json;
}

/** Run `write` against a stand-in response and return what it sent (status, headers, JSON). */
export function captureAnswer(write: (res: ServerResponse) => void): CapturedAnswer {
  const out: CapturedAnswer = { status: 0, json: {}, headers: {} };
  const res = {
    setHeader: () => res,
    writeHead(status: number, headers: Record<string, string | number> = {}) {
      out.status = status;
      for (const [k, v] of Object.entries(headers)) out.headers[k] = String(v);
      return res;
    },
    end(text: string) {
      out.json = JSON.parse(text) as Json;
    },
  };
  write(res as unknown as ServerResponse);
  return out;
}

/** One Anthropic results line. */
export function anthropicLine(item: LineItem, outcome: string, answer: Answer): Json {
  if (outcome === 'succeeded') {
    const a = answer('anthropic', item.body);
    return { custom_id: item.customId, result: { type: 'succeeded', message: a.json } };
  }
  if (outcome === 'errored')
    return {
      custom_id: item.customId,
      result: {
        type: 'errored',
        error: errorBody('anthropic', 500, 'internal error (mock batch)'),
      },
    };
  return { custom_id: item.customId, result: { type: outcome } };
}

/** One OpenAI output or error file line. */
export function openaiLine(item: LineItem, outcome: string, answer: Answer): Json {
  const id = requestId('batch_req_');
  if (outcome === 'succeeded') {
    const a = answer('openai', item.body);
    return {
      id,
      custom_id: item.customId,
      response: { status_code: a.status, request_id: requestId('req_'), body: a.json },
      error: null,
    };
  }
  if (outcome === 'errored')
    return {
      id,
      custom_id: item.customId,
      response: {
        status_code: 500,
        request_id: requestId('req_'),
        body: errorBody('openai', 500, 'internal error (mock batch)'),
      },
      error: null,
    };
  const code = outcome === 'expired' ? 'batch_expired' : 'batch_cancelled';
  return {
    id,
    custom_id: item.customId,
    response: null,
    error: { code, message: `This request was not executed (${code}).` },
  };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** The content of the multipart part named "file", or null. */
export function multipartFile(contentType: string, body: string): string | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!mark) return null;
  for (const part of body.split(`--${mark}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !/name="file"/.test(part.slice(0, split))) continue;
    return part.slice(split + 4).replace(/\r\n$/, '');
  }
  return null;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
