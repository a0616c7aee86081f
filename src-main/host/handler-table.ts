// The handler table: each contract channel registered once, arguments validated with the
// contract's zod schema before a handler sees them, unknown channels refused by name.
import type { z } from 'zod';
import type { ParsedArgs, RequestChannel, RequestResults } from '../../src-shared/contract';
import { requestSchemas } from '../../src-shared/contract';
import { isRequestChannel } from '../../src-shared/contract/channels';
import { formatPath } from '../../src-shared/sweep';
import type { SweepIssue } from '../../src-shared/sweep';

export type Handler<C extends RequestChannel> = (
  args: ParsedArgs<C>,
) => RequestResults[C] | Promise<RequestResults[C]>;

/** A request the host refused or could not serve; `issues` name the offending fields. */
export class HostError extends Error {
  constructor(
    message: string,
    readonly issues: SweepIssue[] = [],
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface HandlerTable {
  register<C extends RequestChannel>(channel: C, handler: Handler<C>): void;
  handle(channel: unknown, rawArgs: unknown): Promise<unknown>;
  /** Channels of the contract that have no handler yet (should be empty once wired). */
  missing(): RequestChannel[];
}

export function createHandlerTable(): HandlerTable {
  const handlers = new Map<RequestChannel, (args: unknown) => unknown>();
  return {
    register(channel, handler) {
      if (!isRequestChannel(channel))
        throw new Error(`"${String(channel)}" is not a contract channel`);
      if (handlers.has(channel)) throw new Error(`handler for "${channel}" is already registered`);
      handlers.set(channel, handler as (args: unknown) => unknown);
    },
    async handle(channel, rawArgs) {
      if (!isRequestChannel(channel)) throw new HostError(`unknown channel "${String(channel)}"`);
      const handler = handlers.get(channel);
      if (!handler) throw new HostError(`no handler for channel "${channel}"`);
      const schema: z.ZodType = requestSchemas[channel];
      const parsed = schema.safeParse(rawArgs ?? {});
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: formatPath(i.path),
          message: i.message,
        }));
        throw new HostError(
          `invalid arguments for "${channel}": ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
      return handler(parsed.data);
    },
    missing() {
      return (Object.keys(requestSchemas) as RequestChannel[]).filter((c) => !handlers.has(c));
    },
  };
}
