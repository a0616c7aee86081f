// The messages of the desktop shell, with no imports of `electron`: the IPC channel names the
// preload and main share, and the envelope main and the engine's utility process exchange.
import type { HostEvent, RequestReply } from '../../src-shared/contract';

/** The only three ipcMain/ipcRenderer channels; contract channel names travel inside them. */
export const IPC_CHANNELS = {
  /** renderer -> main: (contractChannel, args) -> RequestReply */
  invoke: 'parley:invoke',
  /** main -> renderer: HostEvent */
  event: 'parley:event',
  /** renderer -> main: (suggestedName, content, encoding?) -> SaveFileResult */
  saveFile: 'parley:save-file',
} as const;

/** How the page sends a file's content: text as is, binary (PDF, PNG) as base64. */
export type SaveEncoding = 'utf8' | 'base64';

export interface SaveFileResult {
  saved: boolean;
  path: string | null;
}

/** Exports larger than this are refused at the boundary (a results table is a few MB at most). */
export const MAX_SAVE_BYTES = 256 * 1024 * 1024;

/** main -> engine process */
export type ToEngine =
  { type: 'request'; id: number; channel: string; args: unknown } | { type: 'shutdown' };

/** engine process -> main */
export type FromEngine =
  | { type: 'ready'; dbPath: string; recovered: number }
  | { type: 'reply'; id: number; reply: RequestReply }
  | { type: 'event'; event: HostEvent }
  | { type: 'fatal'; message: string }
  | { type: 'closed' };

/** The engine process's command line: `--db FILE`. */
export function engineArgs(dbPath: string): string[] {
  return ['--db', dbPath];
}

export function dbPathFromArgs(argv: readonly string[]): string | null {
  const at = argv.indexOf('--db');
  return at >= 0 && at + 1 < argv.length ? argv[at + 1] : null;
}
