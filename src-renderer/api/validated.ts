// Results and events are checked against the contract's schemas when they arrive, so a screen
// never renders a value of the wrong shape: a mismatched answer fails its request with the field
// path, a mismatched event is dropped and reported in the console.
import { config as zodConfig } from 'zod';
import type { ClientAPI, EventName, EventPayloads } from '../../src-shared/contract';
import { eventSchemas, resultSchemas } from '../../src-shared/contract';
import { formatPath } from '../../src-shared/sweep';

// The page's CSP forbids eval; zod would otherwise probe `new Function` (a CSP violation report).
zodConfig({ jitless: true });

/** Why a value does not match its schema: the first few issues, each with its path. */
function describe(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${formatPath(i.path)}: ${i.message}`)
    .join('; ');
}

/** Wraps a transport so every result and event is validated before the UI sees it. */
export function validated(api: ClientAPI): ClientAPI {
  return {
    async invoke(channel, args) {
      const result: unknown = await api.invoke(channel, args);
      const parsed = resultSchemas[channel].safeParse(result);
      if (!parsed.success) {
        throw new Error(
          `the engine's answer to "${channel}" does not match the contract (${describe(parsed.error)})`,
        );
      }
      return parsed.data as never;
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
      const schema = eventSchemas[event];
      return api.on(event, (payload) => {
        const parsed = schema.safeParse(payload);
        if (parsed.success) listener(parsed.data as EventPayloads[E]);
        else console.error(`dropped a "${event}" event: ${describe(parsed.error)}`);
      });
    },
  };
}
