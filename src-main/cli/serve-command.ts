// `parley serve [--port P] [--db FILE] [--host-only]`: starts the web host, prints the URL (like
// Jupyter) and runs until SIGINT/SIGTERM, then stops the runs at their next turn and closes the
// database. Builds the UI first when out/renderer is missing and the build tools are installed.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import type { build as BuildElectronVite } from 'electron-vite';
import { CliError, EXIT_BAD_INPUT, resolveDbPath } from './common';
import type { KeyVault } from '../host/types';
import { startServer } from '../web/serve';

export interface ServeCliOptions {
  port?: number;
  db?: string;
  /** Serve only the contract WebSocket, no UI files (needs no renderer build). */
  hostOnly?: boolean;
  /** The built renderer; defaults to out/renderer in the package. */
  staticDir?: string;
  keys?: KeyVault;
  log?: (line: string) => void;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function defaultStaticDir(): string {
  return fileURLToPath(new URL('../../out/renderer', import.meta.url));
}

/** Builds out/ with electron-vite (a dev dependency) when the UI has never been built here. */
async function buildUi(log: (line: string) => void): Promise<void> {
  let build: typeof BuildElectronVite;
  try {
    ({ build } = await import('electron-vite'));
  } catch {
    throw new CliError(
      'the UI is not built (out/renderer is missing) and the build tools are not installed: run `npm ci && npm run build:web`, or start with --host-only',
      EXIT_BAD_INPUT,
    );
  }
  log('The UI is not built yet: building it now (the same as `npm run build:web`)...');
  await build({
    root: PACKAGE_ROOT,
    configFile: `${PACKAGE_ROOT}/electron.vite.config.ts`,
    logLevel: 'warn',
  });
}

/** Resolves when the server has stopped (after SIGINT or SIGTERM). */
export async function runServeCli(opts: ServeCliOptions = {}): Promise<void> {
  const log = opts.log ?? ((line: string) => console.log(line));
  let staticDir: string | null = null;
  if (!opts.hostOnly) {
    staticDir = opts.staticDir ?? defaultStaticDir();
    if (!existsSync(`${staticDir}/index.html`)) {
      if (opts.staticDir !== undefined)
        throw new CliError(
          `${staticDir}/index.html is missing: not a built Parley UI`,
          EXIT_BAD_INPUT,
        );
      await buildUi(log);
      if (!existsSync(`${staticDir}/index.html`))
        throw new CliError(
          `the UI build did not produce ${staticDir}/index.html: run \`npm run build:web\` and read its errors`,
        );
    }
  }
  const dbPath = resolveDbPath(opts.db);
  // Without an injected vault the engine thread opens the OS keychain itself.
  const server = await startServer({ port: opts.port ?? 0, dbPath, staticDir, keys: opts.keys });
  log(`Parley is serving ${dbPath}`);
  if (server.engine.recovered > 0) log(`Requeued ${server.engine.recovered} interrupted game(s).`);
  if (staticDir === null) {
    log(
      'Contract WebSocket only (--host-only); connect with the header Origin: ' +
        `http://127.0.0.1:${server.port}`,
    );
    log(`    ${server.wsUrl}`);
  } else {
    log('Open this URL in a browser on this machine (the token is the password; do not share it):');
    log(`    ${server.url}`);
  }
  // The handlers go in before the prompt is printed: a Ctrl+C sent as soon as the line appears
  // (a script, a test) must find them, or the default action kills the process mid-run.
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      log('Stopping: running games pause at their next turn and resume on the next start.');
      void server.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  log('Press Ctrl+C to stop.');
  await stopped;
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new CliError(`--port must be an integer from 0 to 65535, got "${value}"`, EXIT_BAD_INPUT);
  return n;
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve the workbench to a browser on this machine (127.0.0.1 only, random token in the URL).',
    )
    .option('--port <port>', 'TCP port; 0 picks a free one', '0')
    .option('--db <file>', 'database file (default: $PARLEY_DB or the user-data directory)')
    .option(
      '--host-only',
      'serve only the contract WebSocket (/ws), no UI files; needs no UI build',
    )
    .action(async (opts: { port: string; db?: string; hostOnly?: boolean }) => {
      await runServeCli({
        port: parsePort(opts.port),
        db: opts.db,
        hostOnly: opts.hostOnly === true,
      });
    });
}
