// The two-party games from the CLI as real processes: each shipped example sweep validates and
// runs to the end with strategy agents, and LLM agents (plain, with a persona preset, and
// strategy-wrapped) play every new game against `parley mock-llm` through the real SDKs,
// with every call in the ledger.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
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

function rows(db: string, sql: string): Record<string, unknown>[] {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return d.prepare(sql).all() as Record<string, unknown>[];
  } finally {
    d.close();
  }
}

describe('alternating-offers games from the CLI', () => {
  for (const [file, games] of [
    ['price-strategies.json', 60],
    // Crossplay with self-play plays every ordered pair: 3 x 3, 4 x 4 x 2 runs, 3 x 3 x 2 levels.
    ['buy-sell.json', 9],
    ['ultimatum.json', 32],
    ['resource-exchange.json', 18],
  ] as const) {
    it(`${file}: validates and every game finishes with strategy agents`, () => {
      const t = tempDir('parley-alt-');
      cleanup = t.cleanup;
      const db = join(t.dir, 'p.db');
      const sweep = join(ROOT, 'resources', 'examples', file);
      expect(runCli(['validate', sweep]).stdout).toContain(`valid. ${games} games`);
      const run = runCli(['run', sweep, '--db', db]);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain(
        `${games}/${games} finished, 0 running, 0 queued, 0 paused, 0 failed`,
      );
      const outcomes = rows(db, 'SELECT outcome_json FROM games').map(
        (r) => JSON.parse(r.outcome_json as string) as { measures: { endedBy: string } },
      );
      expect(outcomes).toHaveLength(games);
      for (const o of outcomes) expect(['accept', 'reject', 'limit']).toContain(o.measures.endedBy);
    });
  }

  it('price buy-sell: NegotiationArena units in the stored outcome', () => {
    const t = tempDir('parley-alt-');
    cleanup = t.cleanup;
    const db = join(t.dir, 'p.db');
    runCli(['run', join(ROOT, 'resources', 'examples', 'buy-sell.json'), '--db', db]);
    for (const r of rows(db, 'SELECT outcome_json FROM games')) {
      const o = JSON.parse(r.outcome_json as string) as {
        deal: boolean;
        rawUtilities: number[];
        measures: {
          price: number;
          sellerSeat: number;
          sellerSurplus: number;
          buyerSurplus: number;
        };
      };
      if (!o.deal) continue;
      const seller = o.measures.sellerSeat;
      expect(o.rawUtilities[seller]).toBeCloseTo(o.measures.price - 40, 9);
      expect(o.rawUtilities[1 - seller]).toBeCloseTo(60 - o.measures.price, 9);
    }
  });

  it('refuses a protocol the game cannot be played with, naming the field', () => {
    const t = tempDir('parley-alt-');
    cleanup = t.cleanup;
    const file = join(t.dir, 's.json');
    writeFileSync(
      file,
      JSON.stringify({
        name: 'x',
        game: { kind: 'price' },
        protocol: 'propose-and-vote',
        participants: [{ id: 'a', kind: 'strategy', strategy: 'linear' }],
        lineup: { mode: 'lineups', lineups: [['a', 'a']] },
        competition: { levels: [0] },
        orders: ['random'],
        runs: { count: 1 },
      }),
    );
    const r = runCli(['validate', file]);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toContain(
      'protocol: Single-issue price cannot be played with propose-and-vote; it supports alternating-offers',
    );
  });
});

describe('LLM agents in the two-party games against parley mock-llm', () => {
  it('plays price, ultimatum and resource exchange through both wire formats, wrapped and with personas', async () => {
    mock = await startMockLlm({ apiKey: 'test' });
    const t = tempDir('parley-alt-llm-');
    cleanup = t.cleanup;
    const env = {
      ANTHROPIC_API_KEY: 'test',
      OPENAI_API_KEY: 'test',
      ...loopbackConfig(join(t.dir, 'config')),
    };
    const participants = [
      {
        id: 'claude',
        kind: 'llm',
        provider: 'anthropic',
        model: 'mock-claude-1',
        baseUrl: mock.url,
        persona: 'cunning-insulting',
        prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
      },
      {
        id: 'gpt-wrapped',
        kind: 'llm',
        provider: 'openai',
        model: 'mock-gpt-1',
        baseUrl: `${mock.url}/v1`,
        persona: 'Be brief.',
        wrapStrategy: { kind: 'strategy', strategy: 'boulware' },
        prices: { inputUsdPerMtok: 2, outputUsdPerMtok: 8 },
      },
      {
        id: 'gpt',
        kind: 'llm',
        provider: 'openai',
        model: 'mock-gpt-1',
        baseUrl: `${mock.url}/v1`,
        persona: 'kind-generous',
        prices: { inputUsdPerMtok: 2, outputUsdPerMtok: 8 },
      },
    ];
    for (const [kind, params, lineup, turns] of [
      ['price', { preset: 'buy-sell' }, ['claude', 'gpt-wrapped'], 10],
      ['ultimatum', {}, ['claude', 'gpt'], 8],
      ['resource-exchange', { competition: 0 }, ['gpt', 'claude'], 8],
    ] as const) {
      const file = join(t.dir, `${kind}.json`);
      const db = join(t.dir, `${kind}.db`);
      writeFileSync(
        file,
        JSON.stringify({
          name: `llm ${kind}`,
          game: { kind, params },
          participants,
          lineup: { mode: 'lineups', lineups: [lineup] },
          competition: { levels: [0] },
          orders: ['random'],
          runs: { count: 1 },
        }),
      );
      // The estimate counts one call per turn: the seats alternate for T turns.
      const estimate = await runCliAsync(['run', file, '--db', db, '--estimate'], env);
      expect(estimate.stdout).toMatch(new RegExp(`^ {2}calls +${turns}$`, 'm'));
      const run = await runCliAsync(['run', file, '--db', db], env);
      expect(run.stderr).toMatch(/1\/1 finished, 0 running, 0 queued, 0 paused, 0 failed/);
      expect(run.status).toBe(0);
      const [game] = rows(db, 'SELECT outcome_json FROM games');
      const outcome = JSON.parse(game.outcome_json as string) as {
        deal: boolean;
        parseFailures: number[];
      };
      expect(outcome).toMatchObject({ deal: true, parseFailures: [0, 0] });
      const calls = rows(db, 'SELECT phase, status FROM calls');
      expect(calls.length).toBeGreaterThan(0);
      expect(new Set(calls.map((c) => `${c.phase}:${c.status}`))).toEqual(new Set(['offer:ok']));
      const publicMoves = rows(
        db,
        "SELECT text FROM turns WHERE phase = 'offer' AND pass = 1",
      ).length;
      expect(publicMoves).toBeGreaterThanOrEqual(2);
    }
    expect(mock.stats.byRoute['POST /v1/messages']).toBeGreaterThan(0);
    expect(mock.stats.byRoute['POST /v1/chat/completions']).toBeGreaterThan(0);
  });
});
