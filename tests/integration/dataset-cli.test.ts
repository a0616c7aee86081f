// `parley dataset` as a real process: --episodes is deterministic per seed (byte-identical
// files), a sweep's finished price games of strategy and LLM agents (against `parley mock-llm`)
// become one schema-valid line per decision, and bad usage fails with one clear line and exit 2.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { janusRecordSchema, type JanusRecord } from '../../src-main/dataset/janus-schema';
import { startMockLlm, type MockLlm } from '../../src-main/mock-llm/server';
import { ROOT, runCli, tempDir } from './cli-helpers';
import { loopbackConfig, runCliAsync } from './llm-helpers';

let mock: MockLlm | undefined;
let cleanup: (() => void) | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
  cleanup?.();
});

function temp() {
  const t = tempDir('parley-dataset-');
  cleanup = t.cleanup;
  return t.dir;
}

function jsonl(dir: string): JanusRecord[] {
  return readFileSync(join(dir, 'trajectories.jsonl'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => janusRecordSchema.parse(JSON.parse(l)));
}

const FILES = [
  'trajectories.jsonl',
  'decision_steps.parquet',
  'decision_steps.csv',
  'trajectory_outcomes.parquet',
  'trajectory_outcomes.csv',
  'dataset.json',
];

describe('parley dataset --episodes', () => {
  it('writes the same bytes for the same seed, and other games for another seed', () => {
    const dir = temp();
    const run = (out: string, seed: string) =>
      runCli(['dataset', '--episodes', '300', '--seed', seed, '--out', join(dir, out)]);
    const [a, b, c] = [run('a', '11'), run('b', '11'), run('c', '12')];
    expect([a.status, b.status, c.status]).toEqual([0, 0, 0]);
    expect(a.stdout).toMatch(
      /^Wrote 300 trajectories \(\d+ decisions; \d+ with a deal, \d+ without\)/,
    );
    for (const f of FILES)
      expect(readFileSync(join(dir, 'b', f)).equals(readFileSync(join(dir, 'a', f))), f).toBe(true);
    const read = (d: string) => readFileSync(join(dir, d, 'trajectories.jsonl'), 'utf8');
    expect(read('c')).not.toBe(read('a'));
    const records = jsonl(join(dir, 'a'));
    expect(new Set(records.map((r) => r.trajectory_id)).size).toBe(300);
    expect(JSON.parse(readFileSync(join(dir, 'a', 'dataset.json'), 'utf8'))).toMatchObject({
      format: 'janus',
      historyK: 8,
      source: { episodes: 300, seed: 11 },
      trajectories: 300,
      decisions: records.length,
    });
    // Progress goes to stderr once there are enough games to be worth it.
    expect(a.stderr).toContain('dataset: 300/300 games');
  });

  it('--successes-only leaves out games without a deal', () => {
    const dir = temp();
    const all = runCli(['dataset', '--episodes', '242', '--out', join(dir, 'all')]);
    const ok = runCli([
      'dataset',
      '--episodes',
      '242',
      '--out',
      join(dir, 'ok'),
      '--successes-only',
    ]);
    expect([all.status, ok.status]).toEqual([0, 0]);
    const failures = jsonl(join(dir, 'all')).filter((r) => r.rho === -1);
    expect(failures.length).toBeGreaterThan(0);
    for (const r of failures) expect(r.meta.episode_outcome.agreement_bool).toBe(false);
    const kept = jsonl(join(dir, 'ok'));
    expect(kept.every((r) => r.meta.episode_outcome.agreement_bool)).toBe(true);
    expect(kept).toEqual(jsonl(join(dir, 'all')).filter((r) => r.rho !== -1));
    expect(ok.stdout).toMatch(/Left out \d+ games without a deal \(--successes-only\)\./);
  });
});

describe('parley dataset from a sweep', () => {
  it('writes every finished price game of strategy agents, one line per decision', () => {
    const dir = temp();
    const db = join(dir, 'p.db');
    const sweep = join(ROOT, 'resources', 'examples', 'price-strategies.json');
    expect(runCli(['run', sweep, '--db', db]).status).toBe(0);
    const r = runCli([
      'dataset',
      'price: concession curves against a linear reference',
      '--db',
      db,
      '--out',
      join(dir, 'out'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const d = new Database(db, { readonly: true });
    const ids = (
      d.prepare("SELECT id FROM games WHERE status = 'finished'").pluck().all() as string[]
    ).sort();
    const moves = d
      .prepare(
        "SELECT count(*) FROM turns WHERE phase = 'offer' AND pass = 1 AND json_extract(action_json, '$.verb') IN ('OFFER', 'ACCEPT')",
      )
      .pluck()
      .get() as number;
    d.close();
    expect(ids).toHaveLength(60);
    const records = jsonl(join(dir, 'out'));
    expect([...new Set(records.map((x) => x.trajectory_id))].sort()).toEqual(ids);
    expect(records).toHaveLength(moves);
    // Level 1 leaves no zone of agreement: a deal there has no rho (null), a failure -1.
    const noZone = records.filter((x) => x.meta.zopa_width === 0);
    expect(noZone.length).toBeGreaterThan(0);
    for (const x of noZone) expect(x.rho === null || x.rho === -1).toBe(true);
  });

  it('writes LLM, strategy-wrapped LLM and strategy decisions from games against mock-llm', async () => {
    mock = await startMockLlm({ apiKey: 'test' });
    const dir = temp();
    const env = {
      ANTHROPIC_API_KEY: 'test',
      OPENAI_API_KEY: 'test',
      ...loopbackConfig(join(dir, 'config')),
    };
    const file = join(dir, 's.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'llm price',
        game: { kind: 'price', params: { preset: 'buy-sell' } },
        participants: [
          {
            id: 'claude',
            kind: 'llm',
            provider: 'anthropic',
            model: 'mock-claude-1',
            baseUrl: mock.url,
          },
          {
            id: 'gpt-wrapped',
            kind: 'llm',
            provider: 'openai',
            model: 'mock-gpt-1',
            baseUrl: `${mock.url}/v1`,
            wrapStrategy: { kind: 'strategy', strategy: 'boulware' },
          },
          { id: 'lin', kind: 'strategy', strategy: 'linear' },
        ],
        lineup: {
          mode: 'lineups',
          lineups: [
            ['claude', 'gpt-wrapped'],
            ['lin', 'claude'],
          ],
        },
        competition: { levels: [0] },
        orders: ['random'],
        runs: { count: 1 },
      }),
    );
    const db = join(dir, 'p.db');
    const run = await runCliAsync(['run', file, '--db', db], env);
    expect(run.status).toBe(0);
    const r = runCli(['dataset', 'llm price', '--db', db, '--out', join(dir, 'out')]);
    expect(r.status).toBe(0);
    const records = jsonl(join(dir, 'out'));
    const agents = new Map(records.map((x) => [x.agent.strategy_params.participant, x.agent]));
    expect(agents.get('claude')).toEqual({
      strategy: 'llm',
      strategy_params: {
        participant: 'claude',
        provider: 'anthropic',
        model: 'mock-claude-1',
        kind: 'llm',
      },
    });
    expect(agents.get('gpt-wrapped')).toMatchObject({
      strategy: 'boulware',
      strategy_params: { kind: 'strategy-wrapped-llm', curve: 'boulware', exponent: 2, margin: 16 },
    });
    expect(agents.get('lin')).toMatchObject({
      strategy: 'linear',
      strategy_params: { curve: 'linear' },
    });
    for (const x of records) expect(x.state.price_range).toEqual([0, 1000]);
  });
});

describe('parley dataset usage errors', () => {
  it('names the problem in one line and exits 2', () => {
    const dir = temp();
    const db = join(dir, 'u.db');
    expect(
      runCli(['run', join(ROOT, 'resources', 'examples', 'ultimatum.json'), '--db', db]).status,
    ).toBe(0);
    writeFileSync(join(dir, 'a-file'), 'x');
    const cases: [string[], string][] = [
      [['nope', '--db', db, '--out', join(dir, 'o')], 'no sweep matches "nope"; known sweeps:'],
      [
        ['ultimatum: fair, greedy and conceding players', '--db', db, '--out', join(dir, 'o')],
        'has no price games (it holds 32 ultimatum games); the Janus format is for the single-issue price game',
      ],
      [
        ['--episodes', '5', '--out', join(dir, 'a-file')],
        'is a file; give a folder to write the dataset into',
      ],
      [
        ['--episodes', '5', '--out', join(dir, 'a-file', 'sub')],
        'is a file, so the folder cannot be made',
      ],
      [
        ['--episodes', '0', '--out', join(dir, 'o')],
        '--episodes must be a positive integer, got "0"',
      ],
      [
        ['--episodes', '5', '--seed', 'x', '--out', join(dir, 'o')],
        '--seed must be a whole number >= 0',
      ],
      [
        ['--episodes', '5', '--format', 'rl', '--out', join(dir, 'o')],
        '--format must be janus, got "rl"',
      ],
      [['--out', join(dir, 'o')], 'give a sweep (id, prefix or name), or --episodes N'],
      [['x', '--episodes', '5', '--out', join(dir, 'o')], 'give a sweep or --episodes, not both'],
    ];
    for (const [args, message] of cases) {
      const r = runCli(['dataset', ...args]);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(runCli(['dataset', '--episodes', '5']).stderr).toContain(
      "required option '--out <dir>'",
    );
  });

  it('--help teaches with an example', () => {
    const r = runCli(['dataset', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('parley dataset --episodes 10000 --seed 7 --out data/janus');
    expect(r.stdout).toContain('rho = (price - zopa_low) / (zopa_high - zopa_low)');
  });
});
