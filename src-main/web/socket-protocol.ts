// The WebSocket wire format: {id, channel, args} -> {id, ok, result | error}; events are pushed
// as {event, payload}. The envelope is validated here, the arguments by the host's contract
// schemas; a channel outside the contract is answered with an error and never reaches a handler.
import { z } from 'zod';
import type { ContractError } from '../../src-shared/contract';
import type { Host } from '../host/host';
import { HostError } from '../host/handler-table';

export type SocketReply =
  | { id: number | string | null; ok: true; result: unknown }
  | { id: number | string | null; ok: false; error: ContractError };

const requestEnvelope = z
  .object({
    id: z.union([z.number().int(), z.string().min(1).max(100)]),
    channel: z.string().max(100),
    args: z.unknown().optional(),
  })
  .strict();

export function toContractError(err: unknown): ContractError {
  if (err instanceof HostError)
    return err.issues.length > 0
      ? { message: err.message, issues: err.issues }
      : { message: err.message };
  const issues = (err as { issues?: unknown }).issues;
  const message = err instanceof Error ? err.message : String(err);
  return Array.isArray(issues)
    ? { message, issues: issues as ContractError['issues'] }
    : { message };
}

function parseEnvelope(raw: string): {
  id: SocketReply['id'];
  channel?: string;
  args?: unknown;
  error?: ContractError;
} {
  let msg: unknown;
  try {
    msg = JSON.parse(raw);
  } catch (err) {
    return { id: null, error: { message: `not JSON: ${(err as Error).message}` } };
  }
  const parsed = requestEnvelope.safeParse(msg);
  if (parsed.success) return parsed.data;
  const rawId = (msg as { id?: unknown } | null)?.id;
  const id = typeof rawId === 'number' || typeof rawId === 'string' ? rawId : null;
  const detail = parsed.error.issues
    .map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`)
    .join('; ');
  return { id, error: { message: `a request is {"id", "channel", "args"}: ${detail}` } };
}

/** Answers one raw message; never throws. */
export async function handleSocketMessage(host: Host, raw: string): Promise<string> {
  const envelope = parseEnvelope(raw);
  let reply: SocketReply;
  if (envelope.error) {
    reply = { id: envelope.id, ok: false, error: envelope.error };
  } else {
    try {
      reply = {
        id: envelope.id,
        ok: true,
        result: await host.handle(envelope.channel, envelope.args),
      };
    } catch (err) {
      reply = { id: envelope.id, ok: false, error: toContractError(err) };
    }
  }
  return JSON.stringify(reply);
}
