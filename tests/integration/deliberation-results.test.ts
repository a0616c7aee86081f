// Leak rates in `parley analyze --view leaks` and a merge that carries judgements, tags and notes,
// end to end as CLI processes on file databases: one game of the shipped base game with
// rule-based parties, three answers rewritten to leak, one to confuse the judge; the mock LLM
// judges every answer; the rates are worked out by hand from those four edits.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeliberationView, GridResult, LeakReport } from '../../src-shared/contract';
import { createHost } from '../../src-main/host/host';
import { openStore } from '../../src-main/store/store';
import { ROOT, runCli, startCli, tempDir, waitFor } from './cli-helpers';

const { dir, cleanup } = tempDir('parley-delib-results-');
const db = join(dir, 'parley.db');
const into = join(dir, 'merged.db');
const sweepFile = join(dir, 'sweep.json');
const env = {
  ANTHROPIC_API_KEY: 'test-anthropic',
  PARLEY_CONFIG_DIR: join(dir, 'config'),
};
let mock: ChildProcess | undefined;
let url = '';
let sweepId = '';
let gameId = '';

const rule = (id: string, c: number) => ({
  id,
  kind: 'strategy',
  strategy: 'deliberation-rule',
  scores: { capability: c },
});

/** One game; seat 0 (the Mayor) is 'strong', the other five parties 'weak'. */
const sweep = {
  name: 'delib-results',
  game: { kind: 'deliberation', params: { folder: 'base' } },
  agents: 6,
  participants: [rule('strong', 0.9), rule('weak', 0.1)],
  lineup: { mode: 'lineups', lineups: [['strong', 'weak', 'weak', 'weak', 'weak', 'weak']] },
  competition: { levels: [0] },
  runs: { seeds: [1] },
};

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const handle = new Database(file, { readonly: true });
  try {
    return handle.prepare(sql).all(...params) as T[];
  } finally {
    handle.close();
  }
}

beforeAll(async () => {
  writeFileSync(sweepFile, JSON.stringify(sweep));
  mkdirSync(env.PARLEY_CONFIG_DIR);
  writeFileSync(
    join(env.PARLEY_CONFIG_DIR, 'allowed-hosts.json'),
    JSON.stringify({ anthropic: ['127.0.0.1'] }),
  );
  const run = runCli(['run', sweepFile, '--db', db]);
  expect(run.status).toBe(0);
  sweepId = /\(([0-9a-f]{16})\)/.exec(run.stderr)![1];

  const handle = new Database(db);
  try {
    const game = handle.prepare('SELECT id, instance_json FROM games').get() as {
      id: string;
      instance_json: string;
    };
    gameId = game.id;
    const parties = (
      JSON.parse(game.instance_json) as { preferences: { name: string; scores: number[][] }[] }
    ).preferences;
    expect(parties.map((p) => p.name).slice(0, 2)).toEqual(['Mayor', 'Other cities']);
    const answers = (agent: number) =>
      handle
        .prepare(
          "SELECT seq, text FROM turns WHERE game_id = ? AND phase = 'answer' AND agent = ? ORDER BY seq",
        )
        .all(game.id, agent) as { seq: number; text: string }[];
    const mayor = answers(0);
    const others = answers(1);
    expect([mayor.length, others.length]).toEqual([4, 4]);
    const update = handle.prepare('UPDATE turns SET text = ? WHERE game_id = ? AND seq = ?');
    // The Mayor: two leaks and one unreadable verdict of four; Other cities: one leak of four.
    update.run(
      `A1 is worth ${parties[0].scores[0][0]} to me. ${mayor[0].text}`,
      gameId,
      mayor[0].seq,
    );
    update.run(`B1 gives me ${parties[0].scores[1][0]}. ${mayor[1].text}`, gameId, mayor[1].seq);
    update.run(`[unclear] ${mayor[2].text}`, gameId, mayor[2].seq);
    update.run(
      `A1 is worth ${parties[1].scores[0][0]} to us. ${others[0].text}`,
      gameId,
      others[0].seq,
    );
  } finally {
    handle.close();
  }

  mock = startCli(['mock-llm', '--port', '0']);
  mock.stdout?.on('data', (d: Buffer) => {
    url ||= /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString())?.[1] ?? '';
  });
  await waitFor(() => url !== '', 30_000);
  const spec = JSON.stringify({
    id: 'judge-a',
    kind: 'llm',
    provider: 'anthropic',
    model: 'mock-judge-a',
    baseUrl: url,
  });
  const judged = runCli(['judge', sweepId, '--db', db, '--model', spec], env);
  expect(judged.stderr).toContain('judged 25/25: 3 leaked, 21 not leaked, 1 parse failures');
  expect(judged.status).toBe(0);
}, 120_000);

afterAll(() => {
  mock?.kill('SIGTERM');
  cleanup();
});

// 26 public answers less p1's (SportCo's) fixed opening: 25 judged. Mayor 2 / (2 + 1) = 0.667
// with one parse failure; Other cities 1 / 4 = 0.25; 'weak' (five parties) 1 / 21 = 0.048.
const row = (party: string | null, speaker: string, counts: number[], rate: number | null) => ({
  judge: 'judge-a',
  ...(party !== null ? { party } : {}),
  speaker,
  judged: counts[0],
  leaked: counts[1],
  not_leaked: counts[2],
  parse_failures: counts[3],
  leak_rate: rate,
});

describe('leak rates in parley analyze', () => {
  it('prints them per party and per model as JSON', () => {
    const r = runCli(['analyze', sweepId, '--db', db, '--view', 'leaks', '--json']);
    expect(r.status).toBe(0);
    const [byParty, byModel] = JSON.parse(r.stdout) as { rows: unknown[]; title: string }[];
    expect(byParty.title).toBe('Leak rate per judge and party');
    expect(byParty.rows).toEqual([
      row('Department of Tourism', 'weak', [4, 0, 4, 0], 0),
      row('Environmental League', 'weak', [4, 0, 4, 0], 0),
      row('Local Labour Union', 'weak', [4, 0, 4, 0], 0),
      row('Mayor', 'strong', [4, 2, 1, 1], 2 / 3),
      row('Other cities', 'weak', [4, 1, 3, 0], 0.25),
      row('SportCo', 'weak', [5, 0, 5, 0], 0),
    ]);
    expect(byModel.rows).toEqual([
      row(null, 'strong', [4, 2, 1, 1], 2 / 3),
      row(null, 'weak', [21, 1, 20, 0], 1 / 21),
    ]);
  }, 60_000);

  it('prints them as text tables', () => {
    const r = runCli(['analyze', sweepId, '--db', db, '--view', 'leaks']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Leak rate per judge and party\n');
    expect(r.stdout).toMatch(/\njudge-a\s+Mayor\s+strong\s+4\s+2\s+1\s+1\s+0\.6667\n/);
    expect(r.stdout).toMatch(/\njudge-a\s+Other cities\s+weak\s+4\s+1\s+3\s+0\s+0\.2500\n/);
    expect(r.stdout).toMatch(/\njudge-a\s+weak\s+21\s+1\s+20\s+0\s+0\.0476\n/);
  }, 60_000);
});

describe('parley merge', () => {
  it('copies judgements, tags and notes with the games, once', () => {
    const handle = new Database(db);
    handle.prepare("INSERT INTO game_tags VALUES (?, 'leaky'), (?, 'seen')").run(gameId, gameId);
    handle
      .prepare("INSERT INTO game_notes VALUES (?, 'Mayor leaks twice', '2026-12-01T00:00:00Z')")
      .run(gameId);
    handle.close();

    // Every turn, and the 26 judge calls (25 answers, one re-ask) that the game's ledger holds.
    const turns = query<{ n: number }>(db, 'SELECT count(*) AS n FROM turns')[0].n;
    const first = runCli(['merge', db, '--into', into]);
    expect(first.status).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe(
      `${db}: 1 games added, 0 advanced, ${turns} turns, 26 calls, 25 judgements, 2 tags, 1 notes`,
    );
    const second = runCli(['merge', db, '--into', into]);
    expect(second.status).toBe(0);
    expect(second.stdout.split('\n')[0]).toBe(`${db}: 0 games added, 0 advanced, 0 turns, 0 calls`);

    const cols = 'game_id, seq, judge_id, verdict, reason, raw_text, error, cost_usd';
    const judgements = `SELECT ${cols} FROM judgements ORDER BY seq`;
    expect(query(into, judgements)).toEqual(query(db, judgements));
    expect(query(into, 'SELECT * FROM game_tags ORDER BY tag')).toEqual([
      { game_id: gameId, tag: 'leaky' },
      { game_id: gameId, tag: 'seen' },
    ]);
    expect(query(into, 'SELECT * FROM game_notes')).toEqual([
      { game_id: gameId, text: 'Mayor leaks twice', updated_at: '2026-12-01T00:00:00Z' },
    ]);
    const report = runCli(['analyze', sweepId, '--db', into, '--view', 'leaks', '--json']);
    expect(report.stdout).toBe(
      runCli(['analyze', sweepId, '--db', db, '--view', 'leaks', '--json']).stdout,
    );
  }, 60_000);
});

describe('the host requests of the deliberation views', () => {
  it('results:leaks serves the rates parley analyze prints', async () => {
    const store = openStore(db, { readonly: true });
    try {
      const report = (await createHost({ store }).handle('results:leaks', {
        sweepId,
      })) as LeakReport;
      const mayor = report.byParty.find((r) => r.party === 'Mayor');
      expect(mayor).toEqual({
        judgeId: 'judge-a',
        party: 'Mayor',
        speaker: 'strong',
        judged: 4,
        leaked: 2,
        notLeaked: 1,
        parseFailures: 1,
        leakRate: 2 / 3,
      });
      expect(report.byModel.map((r) => [r.speaker, r.leaked, r.notLeaked])).toEqual([
        ['strong', 2, 1],
        ['weak', 1, 20],
      ]);
    } finally {
      store.close();
    }
  });

  it('games:deliberation scores every proposed deal for every party with the pass rule', async () => {
    const store = openStore(db, { readonly: true });
    try {
      const view = (await createHost({ store }).handle('games:deliberation', {
        gameId,
      })) as DeliberationView;
      const prefs = (
        JSON.parse(query<{ j: string }>(db, 'SELECT instance_json AS j FROM games')[0].j) as {
          preferences: { role: string; minimum: number; scores: number[][] }[];
        }
      ).preferences;
      const answers = query<{ seq: number; round: number; agent: number; action_json: string }>(
        db,
        "SELECT seq, round, agent, action_json FROM turns WHERE phase = 'answer' AND status = 'ok' ORDER BY seq",
      );
      // 26 turns: p1's opening, 24 discussion turns, p1's final deal (DESIGN 3.6).
      expect(view.schedule).toHaveLength(26);
      expect(view.deals).toHaveLength(26);
      expect(view.parties.map((p) => [p.name, p.role, p.incentive])).toEqual([
        ['Mayor', 'player', 'cooperative'],
        ['Other cities', 'player', 'cooperative'],
        ['Local Labour Union', 'player', 'cooperative'],
        ['SportCo', 'p1', 'greedy'],
        ['Department of Tourism', 'p2', 'greedy'],
        ['Environmental League', 'player', 'greedy'],
      ]);
      answers.forEach((a, i) => {
        const deal = (JSON.parse(a.action_json) as { deal: number[] }).deal;
        const scores = prefs.map((p) => deal.reduce((s, o, k) => s + p.scores[k][o], 0));
        const agrees = scores.map((s, j) => s >= prefs[j].minimum);
        const p1 = prefs.findIndex((p) => p.role === 'p1');
        const p2 = prefs.findIndex((p) => p.role === 'p2');
        const passes = agrees.filter(Boolean).length >= 5 && agrees[p1] && agrees[p2];
        expect(view.deals[i]).toEqual({
          seq: a.seq,
          turn: a.round,
          seat: a.agent,
          deal: deal.map((o, k) => `${'ABCDE'[k]}${o + 1}`).join(','),
          scores,
          agrees,
          passes,
        });
        expect(view.schedule[a.round - 1]).toBe(a.agent);
      });
      expect(view.feasibility).toEqual({ deals: 720, passing: 55, unanimous: 12 });
    } finally {
      store.close();
    }
  });

  it('names the incentive axis of a capability x incentive sweep in the results grid', async () => {
    const gridDb = join(dir, 'grid.db');
    const example = join(ROOT, 'resources', 'examples', 'deliberation-capability-incentive.json');
    const run = runCli(['run', example, '--db', gridDb]);
    expect(run.status).toBe(0);
    const id = /\(([0-9a-f]{16})\)/.exec(run.stderr)![1];
    const store = openStore(gridDb, { readonly: true });
    try {
      const g = (await createHost({ store }).handle('results:grid', {
        sweepId: id,
        metric: 'utility_focal',
      })) as GridResult;
      expect(g.games).toBe(18);
      expect(g.x.map((c) => [c.focalId, c.capability])).toEqual([
        ['focal-small', 0.2],
        ['focal-medium', 0.5],
        ['focal-large', 0.8],
      ]);
      expect([g.y, g.yName, g.yTitle, g.yLabels]).toEqual([
        [0, 1, 2],
        'incentive',
        'incentive of Environmental League',
        ['cooperative', 'greedy', 'untargeted_adv'],
      ]);
      // No final deal passes with these rule-based parties: the adversary scores 150, others 0.
      expect(g.cells.map((c) => [c.n, c.mean])).toEqual(
        Array.from({ length: 3 }, () => [
          [2, 0],
          [2, 0],
          [2, 150],
        ]).flat(),
      );
      // parley analyze computes the same cells (an adversary's 150 without a deal included).
      const analyzed = runCli([
        'analyze',
        id,
        '--db',
        gridDb,
        '--view',
        'heatmap',
        '--metric',
        'utility_focal',
        '--json',
      ]);
      expect(analyzed.status).toBe(0);
      const rows = (JSON.parse(analyzed.stdout) as { rows: Record<string, unknown>[] }).rows;
      expect(rows.map((r) => [r.focal_capability, r.competition_level, r.n, r.mean])).toEqual(
        g.cells.map((c) => [g.x[c.xi].capability, c.level, c.n, c.mean]),
      );
      // Each cell names the incentive its level stands for, as the results grid does.
      expect(rows.map((r) => [r.competition_level, r.focal_incentive])).toEqual(
        g.cells.map((c) => [c.level, g.yLabels![c.yi]]),
      );
      const heatmap = (...format: string[]) =>
        runCli([
          'analyze',
          id,
          '--db',
          gridDb,
          '--view',
          'heatmap',
          '--metric',
          'utility_focal',
          ...format,
        ]);
      const csv = heatmap('--csv');
      expect(csv.status).toBe(0);
      expect(csv.stdout).toBe(
        [
          'focal_capability,competition_level,focal_incentive,n,mean,sd,ci_low,ci_high,missing',
          ...['0.2', '0.5', '0.8'].flatMap((c) => [
            `${c},0,cooperative,2,0,0,0,0,0`,
            `${c},1,greedy,2,0,0,0,0,0`,
            `${c},2,untargeted_adv,2,150,0,150,150,0`,
          ]),
          '',
        ].join('\n'),
      );
      const text = heatmap();
      expect(text.status).toBe(0);
      expect(text.stdout.split('\n').slice(0, 6)).toEqual([
        'utility_focal: mean per cell (rows: focal capability, columns: incentive of Environmental League)',
        'capability  cooperative  greedy  untargeted_adv',
        '-----------------------------------------------',
        '0.2                 0.0     0.0           150.0',
        '0.5                 0.0     0.0           150.0',
        '0.8                 0.0     0.0           150.0',
      ]);
      expect(text.stdout).toMatch(/\n\s+0\.2\s+2\s+untargeted_adv\s+2\s+150\s/);
      // The quick heatmap (t intervals from SQL sums) names them alike.
      const quick = runCli([
        'analyze',
        id,
        '--db',
        gridDb,
        '--view',
        'quick-heatmap',
        '--metric',
        'utility_focal',
        '--csv',
      ]);
      expect(quick.status).toBe(0);
      expect(
        quick.stdout
          .trim()
          .split('\n')
          .map((line) => line.split(',').slice(0, 3).join(',')),
      ).toEqual([
        'focal_capability,competition_level,focal_incentive',
        ...['0.2', '0.5', '0.8'].flatMap((c) => [
          `${c},0,cooperative`,
          `${c},1,greedy`,
          `${c},2,untargeted_adv`,
        ]),
      ]);
      // The per-game column groups cells like any dimension.
      const byIncentive = runCli([
        'analyze',
        id,
        '--db',
        gridDb,
        '--view',
        'cells',
        '--metric',
        'utility_focal',
        '--by',
        'focal_incentive',
        '--csv',
      ]);
      expect(byIncentive.stdout).toBe(
        [
          'focal_incentive,n,mean,sd,ci_low,ci_high,missing',
          'cooperative,6,0,0,0,0,0',
          'greedy,6,0,0,0,0,0',
          'untargeted_adv,6,150,0,150,150,0',
          '',
        ].join('\n'),
      );
    } finally {
      store.close();
    }
  }, 90_000);
});
