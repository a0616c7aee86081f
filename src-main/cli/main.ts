// `parley`: the headless command line. Each command lives in its own module; this file only
// assembles them and turns thrown CliErrors into a message and an exit code.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { COMMAND_MODULES, moduleOf } from './command-index';

const program = new Command();
program
  .name('parley')
  .description(
    'Measure how LLM agents of unequal capability negotiate.\n\n' +
      'Quick start:\n' +
      '  parley demo --out out/demo   the built-in sweep (seconds, offline)\n' +
      '  parley validate sweep.json   check a sweep, print its grid\n' +
      '  parley run sweep.json        run or resume a sweep\n' +
      '  parley status                progress of every sweep\n' +
      '  parley show <game-id>        read a transcript\n' +
      '  parley analyze <sweep>       per-cell means with bootstrap CIs, fits (--view)\n' +
      '  parley figures spec.json     the paper figures: PDF, SVG, PNG, LaTeX tables\n' +
      '  parley serve                 the workbench in a browser on this machine\n' +
      '  parley keys set anthropic    store an API key in the OS keychain\n\n' +
      'Every command has --help. The database is $PARLEY_DB or the user-data directory;\n' +
      '--db FILE overrides both.',
  )
  .version(
    (
      JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
        version: string;
      }
    ).version,
  )
  .showHelpAfterError('(run with --help for usage)');

// Only the module of the command being run is loaded (`parley help X` loads X's); anything else
// (no command, --help, a typo) registers the index's one-line summaries, which load nothing.
const args = process.argv.slice(2);
const first = args.find((a) => !a.startsWith('-'));
const target = moduleOf(first === 'help' ? args[args.indexOf('help') + 1] : first);
if (target) {
  (await target.load())(program);
} else {
  for (const m of COMMAND_MODULES) {
    for (const [name, summary] of Object.entries(m.commands))
      program.command(name).summary(summary);
  }
}

try {
  await program.parseAsync(process.argv);
} catch (err) {
  const [{ CliError, EXIT_BAD_INPUT }, { StorageError, StoreError }] = await Promise.all([
    import('./common'),
    import('../store/errors'),
  ]);
  if (err instanceof CliError) {
    process.stderr.write(`parley: ${err.message}\n`);
    process.exitCode = err.exitCode;
  } else if (err instanceof StorageError) {
    // The database file failed (full, read-only, locked, damaged): what happened and what to do.
    process.stderr.write(`parley: ${err.message}\n`);
    process.exitCode = 1;
  } else if (systemErrorText(err)) {
    // A file Parley reads or writes outside the database (an export folder, a sweep file).
    process.stderr.write(`parley: ${systemErrorText(err)}\n`);
    process.exitCode = 1;
  } else if (err instanceof StoreError) {
    // Ambiguous ids, a database from a newer Parley, an edited migration: the user can act on it.
    process.stderr.write(`parley: ${err.message}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  } else {
    process.stderr.write(
      `parley: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exitCode = 1;
  }
}

/** A Node system error (ENOSPC, EACCES, EROFS, ...) on a named file, as one plain line. */
function systemErrorText(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | null;
  if (!(e instanceof Error) || typeof e.code !== 'string' || typeof e.syscall !== 'string')
    return undefined;
  const what = e.path ? `${e.syscall} ${e.path}` : e.syscall;
  return `cannot ${what}: ${e.message.replace(/^[A-Z]+: /, '')} (system: ${e.code})`;
}
