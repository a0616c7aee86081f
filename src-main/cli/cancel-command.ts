// `parley cancel <sweep>`: cancel a sweep stored in the database, its queued and paused games,
// and its provider batches still in flight (cancelled through the providers' SDKs with the
// keys `parley run` uses, and marked cancelled), so a stopped batch run stops billing too.
import type { Command } from 'commander';
import { KeyStore } from '../keys/key-store';
import type { BatchCancelReport } from '../providers/batch/cancel';
import { LlmRuntime } from '../providers/runtime';
import { SweepService } from '../sweeps/service';
import { CliError, EXIT_BAD_INPUT, EXIT_INCOMPLETE, openCliStore } from './common';

export function registerCancelCommand(program: Command): void {
  program
    .command('cancel')
    .description(
      'Cancel a sweep: its queued and paused games, and its provider batches in flight (through the providers’ APIs).',
    )
    .argument('<sweep>', 'sweep id (or unique prefix) or name')
    .option('--db <file>', 'database file')
    .action(async (ref: string, opts: { db?: string }) => {
      const store = openCliStore(opts.db);
      const sweep = store.findSweep(ref);
      if (!sweep) {
        store.close();
        throw new CliError(`no sweep matches "${ref}"`, EXIT_BAD_INPUT);
      }
      const runtime = new LlmRuntime({ store, keys: new KeyStore(), sweepId: sweep.id });
      let report: BatchCancelReport = { cancelled: [], failed: [] };
      const service = new SweepService(store, {
        cancelBatches: async () => (report = await runtime.cancelBatches()),
      });
      try {
        const before = store.countGamesByStatus(sweep.id).cancelled;
        await service.cancel(sweep.id);
        const games = store.countGamesByStatus(sweep.id).cancelled - before;
        const n = report.cancelled.length;
        process.stdout.write(
          `Sweep ${sweep.id.slice(0, 8)} ${sweep.name} cancelled: ${games} ${games === 1 ? 'game' : 'games'}, ` +
            `${n} provider ${n === 1 ? 'batch' : 'batches'} cancelled.\n`,
        );
        if (report.failed.length > 0)
          throw new CliError(
            `${report.failed.length} provider batches could not be cancelled (run \`parley cancel\` again):\n` +
              report.failed.map((f) => `  - ${f.provider} batch ${f.id}: ${f.error}`).join('\n'),
            EXIT_INCOMPLETE,
          );
      } finally {
        runtime.dispose();
        store.close();
      }
    });
}
