// `parley import` of the four published NegotiationArena buy-sell games (tests/fixtures, MIT) into
// SQLite on a file through the real CLI. Every expected value was read off the game_state.json
// files by hand: seller cost 40 and buyer willingness 60 (START player_goals), the accepted
// price (the standing PROPOSAL when the other player answered ACCEPT) and END player_outcome.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src-shared/contract';
import { createHost } from '../../src-main/host/host';
import { openStore, type Store } from '../../src-main/store/store';
import { runCli, tempDir } from './cli-helpers';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'negotiation-arena', 'example_logs');
const tmp = tempDir('parley-import-arena-');
const input = join(tmp.dir, 'example_logs');
const db = join(tmp.dir, 'arena.db');
const file = (run: string) => join(input, 'buysell', run, 'game_state.json');
const CUNNING = 'gpt-4-1106-preview+cunning-insulting';
const KIND = 'gpt-4-1106-preview+kind-generous';

interface Summary {
  imported: number;
  unchanged: number;
  failed: { file: string; error: string }[];
  sweeps: string[];
  flagged: unknown[];
}

let summary: Summary;
let store: Store;

function dump(): unknown {
  const conn = new Database(db, { readonly: true });
  try {
    const all = (sql: string) => conn.prepare(sql).all();
    return {
      games: all('SELECT * FROM games ORDER BY id'),
      turns: all('SELECT * FROM turns ORDER BY game_id, seq'),
      imports: all('SELECT * FROM game_imports ORDER BY game_id'),
      sweeps: all('SELECT * FROM sweeps ORDER BY id'),
    };
  } finally {
    conn.close();
  }
}

beforeAll(() => {
  cpSync(FIXTURE, input, { recursive: true });
  const r = runCli(['import', input, '--db', db, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  summary = JSON.parse(r.stdout) as Summary;
  store = openStore(db);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

const gameOf = (run: string) => {
  const id = store.listGames().find((g) => store.getGameImport(g.id)?.sourceFile === file(run));
  return id!;
};

describe('NegotiationArena buy-sell import', () => {
  it('imports the four games into one sweep named after the experiment folder', () => {
    expect(summary).toEqual({
      imported: 4,
      unchanged: 0,
      failed: [],
      sweeps: [expect.stringMatching(/^[0-9a-f]{16}$/)],
      flagged: [],
    });
    const sweep = store.getSweep(summary.sweeps[0])!;
    expect(sweep.name).toBe('buysell (BuySellGame)');
    expect(sweep.spec).toMatchObject({
      game: { kind: 'price' },
      agents: 2,
      imported: { formats: ['arena'] },
      lineup: {
        mode: 'lineups',
        lineups: [
          [CUNNING, 'gpt-4-1106-preview'],
          [KIND, 'gpt-4-1106-preview'],
        ],
      },
    });
  });

  it('maps each game into the buy-sell price game with the START settings', () => {
    const g = gameOf('1707348339631');
    expect(g.kind).toBe('price');
    expect(g.status).toBe('finished');
    expect(g.params).toEqual({
      preset: 'buy-sell',
      sellerReservation: 40,
      buyerReservation: 60,
      buyerMoney: 1000,
      turns: 10,
      opener: 'seller',
      maxOffers: 4,
    });
    expect(g.instance!.preferences).toEqual([
      { role: 'seller', reservation: 40 },
      { role: 'buyer', reservation: 60 },
    ]);
    expect(g.instance!.realised.published).toEqual({
      className: 'BuySellGame',
      goals: [
        { kind: 'seller_goal', value: { X: 40 } },
        { kind: 'buyer_goal', value: { X: 60 } },
      ],
      initialResources: [{ X: 1 }, { ZUP: 1000 }],
      valuations: [{ X: 40 }, { X: 60 }],
      socialBehaviours: [
        '',
        'You hate the other player so much. Use insulting language to get a better price, be cunning.',
      ],
      roles: ['You are Player RED.', 'You are Player BLUE.'],
    });
    expect(g.participants.map((p) => [p.id, p.displayName, p.persona])).toEqual([
      ['gpt-4-1106-preview', 'gpt-4-1106-preview', undefined],
      [CUNNING, 'gpt-4-1106-preview (cunning-insulting)', 'cunning-insulting'],
    ]);
    expect(g.focalId).toBe(CUNNING);
  });

  it('recomputes every outcome in the published units: seller p - 40, buyer 60 - p', () => {
    const rows = ['1707347676639', '1707348339631', '1707348684961', '1707348776397'].map((run) => {
      const g = gameOf(run);
      const m = g.outcome!.measures!;
      return [
        run,
        g.outcome!.deal,
        g.outcome!.round,
        g.outcome!.proposal,
        g.outcome!.utilities,
        m.rho,
        m.endedBy,
      ];
    });
    expect(rows).toEqual([
      ['1707347676639', true, 8, { price: 40 }, [0, 20], 0, 'accept'],
      ['1707348339631', true, 7, { price: 46 }, [6, 14], 0.3, 'accept'],
      ['1707348684961', true, 4, { price: 47 }, [7, 13], 0.35, 'accept'],
      ['1707348776397', true, 4, { price: 48 }, [8, 12], 0.4, 'accept'],
    ]);
    // The published player_outcome agrees, so nothing is flagged.
    expect(store.getGameImport(gameOf('1707348339631').id)).toMatchObject({
      format: 'arena',
      published: { deal: true, round: 7, utilities: [6, 14] },
      flags: [],
      isTruncated: false,
    });
  });

  it('keeps each turn as a private reply with its reasoning and a public move', () => {
    const turns = store.getTurns(gameOf('1707348684961').id);
    // 2 private setup turns, then 4 published turns of a private reply and a public move each.
    expect(turns).toHaveLength(10);
    expect(turns.map((t) => [t.round, t.phase, t.pass, t.agent, t.visibility, t.status])).toEqual([
      [0, 'setup', 0, 0, 'private', 'ok'],
      [0, 'setup', 0, 1, 'private', 'ok'],
      ...[1, 2, 3, 4].flatMap((r) => [
        [r, 'offer', 0, (r - 1) % 2, 'private', 'ok'],
        [r, 'offer', 1, (r - 1) % 2, 'public', 'ok'],
      ]),
    ]);
    expect(turns.filter((t) => t.pass === 1).map((t) => t.action)).toEqual([
      { verb: 'OFFER', offer: { price: 50 } },
      { verb: 'OFFER', offer: { price: 45 } },
      { verb: 'OFFER', offer: { price: 47 } },
      { verb: 'ACCEPT' },
    ]);
    const reply = turns[2];
    expect(reply.text).toContain('<player answer> PROPOSAL </player answer>');
    expect(reply.action).toMatchObject({ action: 'OFFER', offer: { price: 50 } });
    expect((reply.action as { reason: string }).reason).toMatch(
      /^As the starting point for negotiations, I would like to propose/,
    );
    expect(turns[3].text).toMatch(/\nOFFER: price 50 ZUP$/);
    expect(turns[0].text).toMatch(/^You are playing game where you are buying or selling/);
  });

  it('hands the transcript reader the game, its source and both outcomes', async () => {
    const host = createHost({ store });
    const g = gameOf('1707347676639');
    const t = (await host.handle('games:transcript', { gameId: g.id })) as Transcript;
    expect(t.imported).toEqual({
      format: 'arena',
      sourceFile: file('1707347676639'),
      published: { deal: true, round: 8, utilities: [0, 20] },
      flags: [],
      isTruncated: false,
    });
    expect(t.turns).toHaveLength(18);
    expect(t.preferences.map((p) => p.text)).toEqual([
      'You are the seller. The good cost you 40 ZUP: a deal at price p earns you p - 40; selling below 40 loses you money.',
      'You are the buyer. The good is worth 60 ZUP to you: a deal at price p earns you 60 - p; paying more than 60 loses you money. You hold 1000 ZUP.',
    ]);
  });

  it('is analysable: every game a deal; the cunning buyer keeps 17 on average, the kind one 12.5', () => {
    const analyze = (metric: string) => {
      const r = runCli([
        'analyze',
        summary.sweeps[0],
        '--db',
        db,
        '--metric',
        metric,
        '--by',
        'focal_id',
        '--json',
      ]);
      expect(r.status).toBe(0);
      return (
        JSON.parse(r.stdout) as { rows: { focal_id: string; n: number; mean: number }[] }
      ).rows.map((x) => [x.focal_id, x.n, x.mean]);
    };
    expect(analyze('deal')).toEqual([
      [CUNNING, 2, 1],
      [KIND, 2, 1],
    ]);
    // The buyer's surplus 60 - p: prices 40 and 46 (cunning), 47 and 48 (kind).
    expect(analyze('utility_focal')).toEqual([
      [CUNNING, 2, 17],
      [KIND, 2, 12.5],
    ]);
  });

  it('exports each game with its source file', () => {
    const out = join(tmp.dir, 'export');
    const r = runCli(['export', summary.sweeps[0], '--db', db, '--out', out]);
    expect(r.status).toBe(0);
    const lines = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const source = header.indexOf('source');
    expect(source).toBe(header.length - 1);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[source])
        .sort(),
    ).toEqual(['1707347676639', '1707348339631', '1707348684961', '1707348776397'].map(file));
  });

  it('changes nothing when the same files are imported again', () => {
    const before = dump();
    const r = runCli(['import', input, file('1707348339631'), '--db', db, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ...summary, imported: 0, unchanged: 4 });
    expect(dump()).toEqual(before);
  });
});
