// The real CLI in child processes: errors and exit codes, run + resume, and SIGKILL mid-sweep.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  boundedRational,
  countRows,
  runCli,
  snapshot,
  startCli,
  tempDir,
  waitFor,
} from './cli-helpers';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const br = boundedRational;

/** A sweep big enough that a kill lands mid-run: 3 x 4 x 2 x 10 = 240 games. */
const sweep = {
  name: 'resume test',
  game: { kind: 'item-allocation', params: { items: 5 } },
  participants: [br('a', 0.1), br('b', 0.5), br('c', 0.9), br('ref', 0.5)],
  lineup: { mode: 'baseline', baseline: 'ref', opponents: ['a', 'b', 'c'] },
  competition: { levels: [0, 0.5, 0.75, 1] },
  orders: 'both',
  runs: { count: 10, baseSeed: 1 },
  concurrency: 3,
};
const sweepFile = join(tmp.dir, 'sweep.json');
writeFileSync(sweepFile, JSON.stringify(sweep));

describe('parley run', () => {
  it('refuses an invalid sweep with every problem listed and exit code 2', () => {
    const bad = join(tmp.dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        ...sweep,
        competition: { levels: [2] },
        lineup: { ...sweep.lineup, opponents: [] },
      }),
    );
    const r = runCli(['run', bad, '--db', join(tmp.dir, 'bad.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`parley: ${bad}: the sweep has 2 problems; nothing was run:`);
    expect(r.stderr).toContain('  - lineup.opponents: list at least one opponent');
    expect(r.stderr).toContain('  - competition.levels[0]: must be between 0 and 1');
  });

  it('names a missing file and a JSON syntax error', () => {
    const missing = runCli(['run', join(tmp.dir, 'nope.json'), '--db', join(tmp.dir, 'x.db')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`parley: file not found: ${join(tmp.dir, 'nope.json')}\n`);
    const broken = join(tmp.dir, 'broken.json');
    writeFileSync(broken, '{"name": "x",');
    const r = runCli(['run', broken, '--db', join(tmp.dir, 'x.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^parley: .*broken\.json is not valid JSON: /);
  });

  it('finishes after SIGKILL mid-sweep with exactly the games and turns of an uninterrupted run', async () => {
    const refDb = join(tmp.dir, 'ref.db');
    const ref = runCli(['run', sweepFile, '--db', refDb]);
    expect(ref.stderr).toContain('240/240 finished');
    expect(ref.status).toBe(0);

    // Kill once a few thousand turns are committed and games are in play: well inside the run,
    // mid-game for some games. The kill races the child's own progress (strategy games take
    // milliseconds, and all in play can end between the check and the signal), so where no game
    // was left mid-game the kill is tried again on a fresh database, at most five times.
    let killedDb = '';
    let finishedAtKill = 0;
    let runningAtKill = 0;
    for (let attempt = 1; attempt <= 5 && runningAtKill === 0; attempt++) {
      killedDb = join(tmp.dir, `killed-${attempt}.db`);
      const db = killedDb;
      const child = startCli(['run', sweepFile, '--db', db]);
      const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
      await waitFor(
        () =>
          countRows(db, 'SELECT count(*) FROM turns') >= 2000 &&
          countRows(db, "SELECT count(*) FROM games WHERE status = 'running'") > 0,
        60_000,
        5,
      );
      child.kill('SIGKILL');
      await exited;
      finishedAtKill = countRows(db, "SELECT count(*) FROM games WHERE status = 'finished'");
      runningAtKill = countRows(db, "SELECT count(*) FROM games WHERE status = 'running'");
    }
    expect(finishedAtKill).toBeLessThan(240);
    expect(runningAtKill).toBeGreaterThan(0);

    const resumed = runCli(['run', sweepFile, '--db', killedDb]);
    expect(resumed.status).toBe(0);
    expect(resumed.stderr).toMatch(/interrupted games resumed/);
    expect(snapshot(killedDb)).toEqual(snapshot(refDb));

    // A third run does nothing new.
    const again = runCli(['run', sweepFile, '--db', killedDb]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('240 games in 12 cells; 240 already finished');
  });
});

describe('parley status, show and export', () => {
  const db = join(tmp.dir, 'ref.db');

  it('reports progress per sweep', () => {
    const r = runCli(['status', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /resume test\n {2}240\/240 finished, 0 running, 0 queued, 0 paused, 0 failed, 0 cancelled/,
    );
  });

  it('prints a transcript with phases and private notes marked', () => {
    const csvDir = join(tmp.dir, 'export');
    const exp = runCli(['export', 'resume test', '--out', csvDir, '--db', db]);
    expect(exp.status).toBe(0);
    const csv = readFileSync(join(csvDir, 'results.csv'), 'utf8').trim().split('\n');
    expect(csv).toHaveLength(241);
    expect(csv[0].split(',').slice(0, 4)).toEqual(['game_id', 'kind', 'status', 'models']);
    const gameId = csv[1].split(',')[0];
    const show = runCli(['show', gameId.slice(0, 10), '--db', db]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain(`Game ${gameId}`);
    expect(show.stdout).toContain('== Round 1 ==');
    expect(show.stdout).toMatch(/THINK Agent_1 \[private\]/);
    expect(show.stdout).toMatch(/VOTE Agent_2 \[private\]/);
    const hidden = runCli(['show', gameId, '--db', db, '--no-private']);
    expect(hidden.stdout).not.toContain('[private]');
    const unknown = runCli(['show', 'ffffffffffff', '--db', db]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`parley: no game matches "ffffffffffff" in ${db}\n`);
    // 240 hex ids share some one-character prefix: the error names candidates instead of a stack.
    const ambiguous = runCli(['show', gameId.slice(0, 1), '--db', db]);
    expect(ambiguous.status).toBe(2);
    expect(ambiguous.stderr).toMatch(
      new RegExp(
        `^parley: "${gameId[0]}" matches several games: (${gameId[0]}[0-9a-f]{15}, ){1,4}${gameId[0]}[0-9a-f]{15}\\. Give more of the id\\.\n$`,
      ),
    );
  });
});
