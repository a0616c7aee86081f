// OpenAI Batch through the official SDK: a JSONL file of {custom_id, method, url, body} uploaded
// with purpose "batch", batches.create with a 24 h window, and the output and error files.
import OpenAI, { toFile } from 'openai';
import {
  BATCH_SDK_OPTIONS,
  type BatchOutcome,
  type BatchTransport,
  type BatchTransportOptions,
} from './transport';

const ENDPOINT = '/v1/chat/completions';
const ENDED = new Set(['completed', 'failed', 'expired', 'cancelled']);

interface OutputLine {
  custom_id?: string;
  response?: { status_code?: number; request_id?: string; body?: unknown } | null;
  error?: { code?: string; message?: string } | null;
}

/** One line of an output or error file as an outcome. */
export function openAiOutcome(line: OutputLine): BatchOutcome | null {
  const customId = line.custom_id;
  if (!customId) return null;
  const status = line.response?.status_code;
  if (status === 200)
    return {
      customId,
      type: 'succeeded',
      body: line.response?.body,
      requestId: line.response?.request_id ?? null,
    };
  if (status !== undefined)
    return { customId, type: 'errored', httpStatus: status, body: line.response?.body };
  if (line.error?.code === 'batch_expired') return { customId, type: 'expired' };
  if (line.error?.code === 'batch_cancelled') return { customId, type: 'canceled' };
  return {
    customId,
    type: 'errored',
    httpStatus: 500,
    body: { error: { message: line.error?.message ?? 'batch request failed', type: 'api_error' } },
  };
}

export function createOpenAiBatchTransport(options: BatchTransportOptions): BatchTransport {
  const client = new OpenAI({
    apiKey: options.apiKey || 'parley-local',
    baseURL: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...BATCH_SDK_OPTIONS,
  });
  const lines = async (fileId: string | null | undefined): Promise<OutputLine[]> => {
    if (!fileId) return [];
    const text = await (await client.files.content(fileId)).text();
    return text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as OutputLine);
  };
  return {
    async create(batchLines) {
      const jsonl = batchLines
        .map((l) =>
          JSON.stringify({ custom_id: l.customId, method: 'POST', url: ENDPOINT, body: l.body }),
        )
        .join('\n');
      const file = await client.files.create({
        file: await toFile(Buffer.from(jsonl + '\n'), 'parley-batch.jsonl'),
        purpose: 'batch',
      });
      const batch = await client.batches.create({
        input_file_id: file.id,
        endpoint: ENDPOINT,
        completion_window: '24h',
      });
      return batch.id;
    },
    async isEnded(id) {
      return ENDED.has((await client.batches.retrieve(id)).status);
    },
    async results(id) {
      const batch = await client.batches.retrieve(id);
      const all = [...(await lines(batch.output_file_id)), ...(await lines(batch.error_file_id))];
      return all.flatMap((l) => openAiOutcome(l) ?? []);
    },
    async cancel(id) {
      await client.batches.cancel(id);
    },
  };
}
