// `parley run` on a sweep with failed games: those that failed on a transport fault (as a
// database from before such faults were retried holds them) are played again by running the
// same command; the rest only with --retry-failed; the message says exactly that.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src-main/store/store';
import { SweepService } from '../../src-main/sweeps/service';
import { boundedRational as br, runCli, tempDir } from './cli-helpers';

const tmp = tempDir('parley-retry-');
afterAll(() => tmp.cleanup());

const sweep = {
  name: 'retry test',
  game: { kind: 'item-allocation', params: { items: 4 } },
  participants: [br('a', 0.2), br('ref', 0.5)],
  lineup: { mode: 'baseline', baseline: 'ref', opponents: ['a'] },
  competition: { levels: [0.5] },
  orders: 'both',
  runs: { count: 2, baseSeed: 3 },
};

describe('parley run retries failed games', () => {
  it('plays again transport failures on a plain rerun, every failure with --retry-failed', () => {
    const file = join(tmp.dir, 'sweep.json');
    const db = join(tmp.dir, 'parley.db');
    writeFileSync(file, JSON.stringify(sweep));
    // Plant a database as an older Parley left it: two games failed on broken replies, one on a
    // bad request, one queued.
    const store = openStore(db);
    const { sweepId } = new SweepService(store).create(sweep);
    const ids = store.listGames({ sweepId }).map((g) => g.id);
    expect(ids).toHaveLength(4);
    store.failGame(ids[0], 'Unexpected end of JSON input');
    store.failGame(ids[1], 'terminated');
    store.failGame(ids[2], '400 {"type":"error","error":{"message":"model: not found"}}');
    store.close();

    const first = runCli(['run', file, '--db', db]);
    expect(first.status).toBe(1);
    expect(first.stderr).toContain(
      '  4 games in 1 cells; 0 already finished, 2 failed games played again (they failed on a transport or storage fault)\n',
    );
    expect(first.stderr).toContain('3/4 finished, 0 running, 0 queued, 0 paused, 1 failed');
    expect(first.stderr).toContain(
      `parley: 1 of 4 games did not finish; first failures:\n` +
        `  ${ids[2]}: 400 {"type":"error","error":{"message":"model: not found"}}\n` +
        `1 game failed for good; \`parley run ${file} --retry-failed\` plays every failed game again.\n`,
    );
    expect(first.stderr).not.toContain('Run the same command again');

    const again = runCli(['run', file, '--db', db]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('  4 games in 1 cells; 3 already finished\n');

    const all = runCli(['run', file, '--db', db, '--retry-failed']);
    expect(all.stderr).toContain(
      '  4 games in 1 cells; 3 already finished, 1 failed game played again\n',
    );
    expect(all.stderr).toContain('4/4 finished, 0 running, 0 queued, 0 paused, 0 failed');
    expect(all.status).toBe(0);
  });
});
