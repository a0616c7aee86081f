// Anthropic Message Batches through the official SDK: messages.batches.create / retrieve /
// results (JSONL, any order) / cancel.
import Anthropic from '@anthropic-ai/sdk';
import {
  BATCH_SDK_OPTIONS,
  type BatchOutcome,
  type BatchTransport,
  type BatchTransportOptions,
} from './transport';

/** The HTTP status an online call would have had for an errored request's error type. */
const STATUS_OF_ERROR: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

export function createAnthropicBatchTransport(options: BatchTransportOptions): BatchTransport {
  const client = new Anthropic({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...BATCH_SDK_OPTIONS,
  });
  return {
    async create(lines) {
      const batch = await client.messages.batches.create({
        requests: lines.map((l) => ({
          custom_id: l.customId,
          params: l.body as unknown as Anthropic.MessageCreateParamsNonStreaming,
        })),
      });
      return batch.id;
    },
    async isEnded(id) {
      return (await client.messages.batches.retrieve(id)).processing_status === 'ended';
    },
    async results(id) {
      const out: BatchOutcome[] = [];
      for await (const line of await client.messages.batches.results(id)) {
        const r = line.result;
        if (r.type === 'succeeded')
          out.push({
            customId: line.custom_id,
            type: 'succeeded',
            body: r.message,
            requestId: null,
          });
        else if (r.type === 'errored')
          out.push({
            customId: line.custom_id,
            type: 'errored',
            httpStatus: STATUS_OF_ERROR[r.error.error.type] ?? 500,
            body: r.error,
          });
        else out.push({ customId: line.custom_id, type: r.type });
      }
      return out;
    },
    async cancel(id) {
      await client.messages.batches.cancel(id);
    },
  };
}
