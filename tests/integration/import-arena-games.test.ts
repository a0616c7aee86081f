// `parley import` of NegotiationArena's trading and multi-turn ultimatum games (files written as
// the published code saves them, see import-arena.test-helpers.ts) and of bad game_state.json
// files, through the real CLI into SQLite on a file. The expected outcomes are worked by hand
// from the moves below; the ultimatum rejection is the published code's known mismatch.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src-main/store/store';
import { countRows, runCli, tempDir } from './cli-helpers';
import { arenaGameState, resource, type ArenaFile } from './import-arena.test-helpers';

const tmp = tempDir('parley-import-arena-games-');
const input = join(tmp.dir, 'in');
const db = join(tmp.dir, 'arena.db');
const at = (...parts: string[]) => join(input, ...parts, 'game_state.json');
afterAll(() => tmp.cleanup());

const goal = (type: string, value: unknown) => ({
  _type: 'goal',
  _value: { _type: type, _value: value },
});
const POT: [Record<string, number>, Record<string, number>] = [{ Dollars: 100 }, { Dollars: 0 }];
const ultimatumGoals = [goal('ultimatum_goal', ''), goal('ultimatum_goal', '')];
const move = (answer: string, trade?: ArenaFile['moves'][number]['trade']) => ({
  answer,
  ...(trade ? { trade } : {}),
  message: `I say ${answer}.`,
  reason: `Because ${answer}.`,
});

const GAMES: Record<string, ArenaFile> = {
  // RED offers 30 (keeps 70); BLUE asks for 50; RED accepts: 50/50 in turn 3.
  'ultimatum_social/accepted': {
    className: 'MultiTurnUltimatumGame',
    iterations: 8,
    goals: ultimatumGoals,
    initial: POT,
    behaviours: ['', 'You must fake being desperate. Supplicate and beg to get more dollars.'],
    moves: [
      move('NONE', [{ Dollars: 30 }, { Dollars: 0 }]),
      move('NONE', [{ Dollars: 50 }, { Dollars: 0 }]),
      move('ACCEPT'),
    ],
    finalResources: [{ Dollars: 50 }, { Dollars: 50 }],
    outcome: [resource({ Dollars: 50 }), resource({ Dollars: 50 })],
  },
  // RED offers 10; BLUE rejects. The published code keeps the holdings: RED 100, BLUE 0.
  'ultimatum_social/rejected': {
    className: 'MultiTurnUltimatumGame',
    iterations: 8,
    goals: ultimatumGoals,
    initial: POT,
    behaviours: ['', ''],
    moves: [move('NONE', [{ Dollars: 10 }, { Dollars: 0 }]), move('REJECT')],
    finalResources: POT,
    outcome: [resource({ Dollars: 100 }), resource({ Dollars: 0 })],
  },
  // RED gives X 10 for Y 5; BLUE declines (the game goes on); RED gives X 10 for Y 8; BLUE
  // accepts in turn 4. Final RED {X 15, Y 13}: 28 - 30 = -2; BLUE {X 15, Y 17}: 32 - 30 = 2.
  'trading_social/accepted': {
    className: 'TradingGame',
    iterations: 8,
    goals: [
      goal('maximisation_goal', resource({ X: 25, Y: 5 })),
      goal('maximisation_goal', resource({ X: 5, Y: 25 })),
    ],
    initial: [
      { X: 25, Y: 5 },
      { X: 5, Y: 25 },
    ],
    behaviours: ['', ''],
    moves: [
      move('PROPOSAL', [{ X: 10 }, { Y: 5 }]),
      move('REJECT'),
      move('PROPOSAL', [{ X: 10 }, { Y: 8 }]),
      move('ACCEPT'),
    ],
    finalResources: [
      { X: 15, Y: 13 },
      { X: 15, Y: 17 },
    ],
    outcome: [resource({ X: -10, Y: 8 }), resource({ X: 10, Y: -8 })],
  },
};

let store: Store;
let out: {
  imported: number;
  failed: unknown[];
  sweeps: string[];
  flagged: { file: string; flags: { code: string; message: string }[] }[];
};
const game = (name: string) =>
  store.listGames().find((g) => store.getGameImport(g.id)?.sourceFile === at(name))!;

beforeAll(() => {
  for (const [name, f] of Object.entries(GAMES)) {
    mkdirSync(join(input, name), { recursive: true });
    writeFileSync(at(name), JSON.stringify(arenaGameState(f)));
  }
  const r = runCli(['import', input, '--db', db, '--json']);
  expect(r.status).toBe(0);
  out = JSON.parse(r.stdout) as typeof out;
  store = openStore(db);
});
afterAll(() => store.close());

describe('NegotiationArena ultimatum and trading import', () => {
  it('imports each class into its Parley game, one sweep per experiment', () => {
    expect(out).toMatchObject({ imported: 3, failed: [] });
    expect(out.sweeps).toHaveLength(2);
    expect(out.sweeps.map((id) => store.getSweep(id)!.name).sort()).toEqual([
      'trading_social (TradingGame)',
      'ultimatum_social (MultiTurnUltimatumGame)',
    ]);
    expect(game('ultimatum_social/accepted').params).toEqual({
      pot: 100,
      iterations: 8,
      onReject: 'nothing',
    });
    expect(game('trading_social/accepted').params).toEqual({
      goal: 'maximise',
      iterations: 8,
      red: { X: 25, Y: 5 },
      blue: { X: 5, Y: 25 },
    });
  });

  it('scores an accepted ultimatum split as published, with BLUE desperate', () => {
    const g = game('ultimatum_social/accepted');
    expect(g.outcome).toMatchObject({
      deal: true,
      round: 3,
      proposal: { red: 50, blue: 50 },
      proposer: 1,
      utilities: [50, 50],
    });
    // The published text is not Parley's "desperate" preset, so it is kept as free text.
    expect(g.participants[1]).toMatchObject({
      id: 'gpt-4-1106-preview+persona-0b641c49',
      displayName: 'gpt-4-1106-preview (persona)',
      persona: 'You must fake being desperate. Supplicate and beg to get more dollars.',
    });
    expect(
      store
        .getTurns(g.id)
        .filter((t) => t.pass === 1)
        .map((t) => t.action),
    ).toEqual([
      { verb: 'OFFER', offer: { red: 70, blue: 30 } },
      { verb: 'OFFER', offer: { red: 50, blue: 50 } },
      { verb: 'ACCEPT' },
    ]);
  });

  it('flags the rejected ultimatum: the published code kept the holdings, Parley pays nothing', () => {
    const g = game('ultimatum_social/rejected');
    expect(g.outcome).toMatchObject({ deal: false, round: null, utilities: [0, 0] });
    expect(g.outcome!.measures).toMatchObject({ endedBy: 'reject', onReject: 'nothing' });
    expect(store.getGameImport(g.id)).toMatchObject({
      published: { deal: false, round: null, utilities: [100, 0] },
      isTruncated: false,
    });
    expect(out.flagged).toEqual([
      {
        file: at('ultimatum_social/rejected'),
        gameId: g.id,
        flags: [
          {
            code: 'utilities_differ',
            message: "published utilities 100, 0 differ from Parley's 0, 0",
          },
          {
            code: 'on_reject',
            message:
              'without a deal the published code keeps the initial holdings (RED 100, BLUE 0) although its prompt says both lose everything; Parley scores it as the prompt says (onReject "nothing")',
          },
        ],
      },
    ]);
  });

  it('counts the mismatch in the text summary and shows both outcomes in the transcript', () => {
    const r = runCli(['import', input, '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "Imported 0 games, 3 unchanged, 0 files failed; 1 game flagged where the published outcome and Parley's differ.",
    );
    const show = runCli(['show', game('ultimatum_social/rejected').id, '--db', db]);
    expect(show.stdout).toContain(
      [
        '  published: no deal; utilities 100.000, 0.000',
        '  Parley:    no deal; utilities 0.000, 0.000 (undiscounted 0.000, 0.000)',
        "  FLAG utilities_differ: published utilities 100, 0 differ from Parley's 0, 0",
      ].join('\n'),
    );
  });

  it('scores the trade under each valuation: RED -2, BLUE 2; a REJECT only declines', () => {
    const g = game('trading_social/accepted');
    expect(g.outcome).toMatchObject({
      deal: true,
      round: 4,
      proposal: { redGives: { X: 10 }, blueGives: { Y: 8 } },
      utilities: [-2, 2],
    });
    expect(g.outcome!.measures).toMatchObject({
      finalHoldings: [
        { X: 15, Y: 13 },
        { X: 15, Y: 17 },
      ],
    });
    expect(store.getGameImport(g.id)!.published.utilities).toEqual([-2, 2]);
    expect(
      store
        .getTurns(g.id)
        .filter((t) => t.pass === 1)
        .map((t) => (t.action as { verb: string }).verb),
    ).toEqual(['OFFER', 'REJECT', 'OFFER', 'ACCEPT']);
  });
});

describe('bad NegotiationArena files', () => {
  const bad = join(tmp.dir, 'bad');
  const badDb = join(tmp.dir, 'bad.db');
  const fixture = readFileSync(
    join(
      import.meta.dirname,
      '..',
      'fixtures',
      'negotiation-arena',
      'example_logs',
      'buysell',
      '1707348684961',
      'game_state.json',
    ),
    'utf8',
  );
  const put = (name: string, text: string) => {
    mkdirSync(join(bad, name), { recursive: true });
    writeFileSync(join(bad, name, 'game_state.json'), text);
  };

  it('names each file and its problem, writes nothing of it, and imports the rest (exit 1)', () => {
    put('empty', '');
    put('truncated', fixture.slice(0, 4000));
    const noModel = JSON.parse(fixture) as { players: Record<string, unknown>[] };
    delete noModel.players[1].model;
    put('no-model', JSON.stringify(noModel));
    put('simple', JSON.stringify({ ...(JSON.parse(fixture) as object), class: 'SimpleGame' }));
    const noStart = JSON.parse(fixture) as { game_state: unknown[] };
    noStart.game_state.shift();
    put('no-start', JSON.stringify(noStart));
    put('good', fixture);
    const r = runCli(['import', bad, '--db', badDb, '--json']);
    expect(r.status).toBe(1);
    const res = JSON.parse(r.stdout) as {
      imported: number;
      failed: { file: string; error: string }[];
    };
    expect(res.imported).toBe(1);
    const f = (name: string) => join(bad, name, 'game_state.json');
    expect(
      res.failed.map((x) => [
        x.file,
        x.error.replace(/ \(Unexpected.*\)$|\(Unterminated.*\)$/, ''),
      ]),
    ).toEqual([
      [f('empty'), 'the file is empty'],
      [f('no-model'), 'field players.1.model: missing'],
      [f('no-start'), 'game_state has no START record with its settings'],
      [
        f('simple'),
        'unknown game class "SimpleGame"; Parley imports BuySellGame, TradingGame, MultiTurnUltimatumGame',
      ],
      [f('truncated'), expect.stringMatching(/^not valid JSON, perhaps truncated/)],
    ]);
    expect(countRows(badDb, 'SELECT count(*) FROM games')).toBe(1);
    expect(countRows(badDb, 'SELECT count(*) FROM turns')).toBe(10);
    expect(countRows(badDb, 'SELECT count(*) FROM game_imports')).toBe(1);
  });

  it('imports a game without its END record as unfinished, marked truncated', () => {
    const cut = arenaGameState(GAMES['trading_social/accepted']) as { game_state: unknown[] };
    cut.game_state = cut.game_state.slice(0, 3);
    put('cut', JSON.stringify(cut));
    const cutDb = join(tmp.dir, 'cut.db');
    const r = runCli(['import', join(bad, 'cut'), '--db', cutDb, '--json']);
    expect(r.status).toBe(0);
    const s = openStore(cutDb);
    try {
      const [g] = s.listGames();
      expect([g.status, g.outcome]).toEqual(['cancelled', null]);
      expect(s.getGameImport(g.id)).toMatchObject({ isTruncated: true, flags: [] });
      // 2 setup turns and the two published turns (reply and move each).
      expect(s.getTurns(g.id)).toHaveLength(6);
    } finally {
      s.close();
    }
  });

  it('refuses a file of another format given as arena, and exits 2 on a bad --format', () => {
    const bargain = join(
      import.meta.dirname,
      '..',
      'fixtures',
      'bargain-results',
      'strong_models_20250820_192244_97035',
      'run_3_experiment_results.json',
    );
    const r = runCli(['import', bargain, '--format', 'arena', '--db', badDb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `parley import: ${bargain}: not a NegotiationArena game_state.json (it looks like a bargain run_N_experiment_results.json)\n`,
    );
    expect(runCli(['import', bad, '--format', 'gamestate', '--db', badDb]).status).toBe(2);
  });
});
