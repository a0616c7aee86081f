// The bargain importer on the three published runs (older schema) into SQLite on a file. Every
// expected value below was read off the fixture files by hand: the 0-10 values from the
// preference prompts of run_N_all_interactions.json, the accepted proposal from the tally counts.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src-shared/contract';
import { loadDataset } from '../../src-main/analysis/dataset';
import { createHost } from '../../src-main/host/host';
import { importPaths } from '../../src-main/import/run-import';
import { openStore } from '../../src-main/store/store';
import { tempDir } from './cli-helpers';

// A copy of ../shared/fixtures/bargain-results (MIT, see its LICENSE and SOURCE.md).
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'bargain-results');
const RUNS = join(FIXTURE, 'strong_models_20250820_192244_97035');
const CLAUDE = 'claude-sonnet-4-20250514';
const LLAMA = 'meta-llama/Llama-3.1-405B-Instruct';
const tmp = tempDir('parley-import-bargain-');
afterAll(() => tmp.cleanup());

const round9 = (xs: readonly number[]) => xs.map((x) => Math.round(x * 1e9) / 1e9);

function dump(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      games: all('SELECT * FROM games ORDER BY id'),
      turns: all('SELECT * FROM turns ORDER BY game_id, seq'),
      imports: all('SELECT * FROM game_imports ORDER BY game_id'),
      sweeps: all('SELECT * FROM sweeps ORDER BY id'),
      links: all('SELECT * FROM sweep_games ORDER BY sweep_id, game_id'),
    };
  } finally {
    db.close();
  }
}

describe('bargain import of the published runs', () => {
  const db = join(tmp.dir, 'bargain.db');
  const store = openStore(db);
  const summary = importPaths(store, [FIXTURE]);
  const games = store.listGames();
  const byRun = (n: number) => games.find((g) => g.runIndex === n - 1)!;
  afterAll(() => store.close());

  it('imports the three runs into one sweep named after the experiment', () => {
    expect(summary).toMatchObject({ imported: 3, unchanged: 0, failed: [] });
    expect(summary.sweeps).toHaveLength(1);
    expect(summary.flagged.map((f) => [f.file, f.flags.map((x) => x.code)])).toEqual([
      [join(RUNS, 'run_1_experiment_results.json'), ['tally_text', 'utilities_differ']],
      [join(RUNS, 'run_2_experiment_results.json'), ['utilities_differ']],
    ]);
    const sweep = store.getSweep(summary.sweeps[0])!;
    expect(sweep.name).toBe('strong_models_20250820_192244_97035');
    expect(sweep.spec).toMatchObject({
      game: { kind: 'item-allocation', params: { items: 5 } },
      agents: 2,
      rounds: 10,
      gamma: 0.9,
      capabilityMetric: 'arena_elo',
      lineup: { mode: 'lineups', lineups: [[CLAUDE, LLAMA]] },
      competition: { levels: [0.5] },
      orders: ['strong_first'],
      imported: { formats: ['bargain'] },
    });
    expect(games.map((g) => g.status)).toEqual(['finished', 'finished', 'finished']);
  });

  it('maps the models to registry entries and seats them as config.agents lists them', () => {
    const g = byRun(1);
    expect(g.participants.map((p) => [p.id, p.kind === 'llm' && p.provider])).toEqual([
      [CLAUDE, 'anthropic'],
      [LLAMA, 'openrouter'],
    ]);
    expect({
      order: g.order,
      focalId: g.focalId,
      focalCapability: g.focalCapability,
      capabilities: g.capabilities,
      competitionLevel: g.competitionLevel,
      seed: g.seed,
      protocol: g.protocol,
    }).toEqual({
      order: 'strong_first',
      focalId: CLAUDE,
      focalCapability: 1338,
      capabilities: [1338, 1286],
      competitionLevel: 0.5,
      seed: 1,
      protocol: {
        rounds: 10,
        gamma: 0.9,
        discussionTurns: 1,
        acceptance: 'unanimous',
        vetoHolders: [],
        maxProposalAttempts: 1,
      },
    });
  });

  it('recovers the 0-10 values from the preference prompts', () => {
    expect(games.map((g) => g.instance!.preferences)).toEqual([
      [{ values: [5.99, 1.2, 6.6, 3.96, 8.86] }, { values: [5.38, 10, 0, 1.04, 5.05] }],
      [{ values: [4.25, 8.09, 1.29, 3.71, 5.07] }, { values: [5.77, 0, 8.12, 0.63, 5.01] }],
      [{ values: [8.19, 2.58, 6, 3.18, 8.66] }, { values: [8.77, 0, 0, 10, 0] }],
    ]);
    const realised = byRun(1).instance!.realised as {
      cosines: number[];
      publishedCosines: number[];
    };
    expect(realised.publishedCosines).toEqual([0.5641430167878084]);
    expect(realised.cosines[0]).toBeCloseTo(0.5641463, 6);
    expect(byRun(1).instance!.warnings).toEqual([
      'Values recovered from the setup prompts of run_1_all_interactions.json (0-10 scale, rounded to ±0.005).',
    ]);
  });

  it("recomputes each outcome with Parley's discount and keeps the published one beside it", () => {
    const rows = games.map((g) => {
      const o = g.outcome!;
      const imp = store.getGameImport(g.id)!;
      return {
        round: o.round,
        allocation: (o.proposal as { allocation: number[] }).allocation,
        proposer: o.proposer,
        raw: round9(o.rawUtilities),
        utilities: round9(o.utilities),
        published: imp.published,
      };
    });
    expect(rows).toEqual([
      // Round 2: proposal #1 got 2 accepts (Agent_1 takes Stone and Pencil), x 0.9.
      {
        round: 2,
        allocation: [1, 1, 0, 1, 0],
        proposer: 0,
        raw: [15.46, 16.42],
        utilities: [13.914, 14.778],
        published: { deal: true, round: 2, utilities: [15.45737247597735, 16.415481311391524] },
      },
      // Round 3: proposal #2 (Agent_1 takes Apple, Jewel, Quill), x 0.81.
      {
        round: 3,
        allocation: [0, 0, 1, 0, 1],
        proposer: 1,
        raw: [16.05, 13.13],
        utilities: [13.0005, 10.6353],
        published: { deal: true, round: 3, utilities: [16.057962443164875, 13.124790156534292] },
      },
      // Round 1: proposal #2 (Agent_2 takes Apple and Quill), undiscounted.
      {
        round: 1,
        allocation: [1, 0, 0, 1, 0],
        proposer: 1,
        raw: [17.24, 18.77],
        utilities: [17.24, 18.77],
        published: { deal: true, round: 1, utilities: [17.235852033241457, 18.77387692017566] },
      },
    ]);
    expect(store.getGameImport(byRun(1).id)!.flags).toEqual([
      {
        code: 'tally_text',
        message:
          "round 2's tally text announces proposal #2 but #1 was accepted (by its counts); Parley takes #1",
      },
      {
        code: 'utilities_differ',
        message:
          "published utilities 15.457, 16.415 differ from Parley's 13.914, 14.778 (round 2, gamma^(r-1) = 0.9); the published ones are undiscounted",
      },
    ]);
    // Run 3 agrees within the prompts' rounding (5 items x 0.005).
    expect(store.getGameImport(byRun(3).id)!.flags).toEqual([]);
  });

  it('keeps every turn in its phase with its visibility, and the tally counts as published', () => {
    const turns = store.getTurns(byRun(3).id);
    expect(turns.map((t) => [t.round, t.phase, t.pass, t.agent, t.visibility, t.status])).toEqual([
      [0, 'setup', 0, 0, 'private', 'ok'],
      [0, 'setup', 0, 1, 'private', 'ok'],
      [0, 'setup', 1, 0, 'private', 'ok'],
      [0, 'setup', 1, 1, 'private', 'ok'],
      [1, 'discussion', 0, 0, 'public', 'ok'],
      [1, 'discussion', 0, 1, 'public', 'ok'],
      [1, 'thinking', 0, 0, 'private', 'ok'],
      [1, 'thinking', 0, 1, 'private', 'ok'],
      [1, 'proposal', 0, 0, 'public', 'ok'],
      [1, 'proposal', 0, 1, 'public', 'ok'],
      [1, 'listing', 0, -1, 'public', 'ok'],
      [1, 'tally', 0, -1, 'public', 'ok'],
    ]);
    expect(turns[8].action).toEqual({ allocation: [0, 1, 1, 1, 0] });
    expect(turns[10].action).toEqual([
      { number: 1, proposer: 0, proposal: { allocation: [0, 1, 1, 1, 0] } },
      { number: 2, proposer: 1, proposal: { allocation: [1, 0, 0, 1, 0] } },
    ]);
    // The older schema logs no individual votes: only the counts, so no votes are invented.
    expect(turns[11].action).toEqual({
      accepts: [1, 2],
      passing: [2],
      accepted: 2,
      isTieBreak: false,
    });
    expect(store.getTurns(byRun(1).id)).toHaveLength(22);
    expect(store.getTurns(byRun(2).id)).toHaveLength(32);
  });

  it('is analysable like a played sweep', () => {
    const { rows } = loadDataset(store, summary.sweeps);
    expect(rows.map((r) => [r.focal_id, r.utility_focal, r.deal])).toEqual(
      [
        [CLAUDE, 13.914, 1],
        [CLAUDE, 13.0005, 1],
        [CLAUDE, 17.24, 1],
      ].map(([id, u, d]) => [id, expect.closeTo(u as number, 9), d]),
    );
  });

  it('hands the transcript reader the source, the published outcome and the flags', async () => {
    const host = createHost({ store });
    const t = (await host.handle('games:transcript', { gameId: byRun(2).id })) as Transcript;
    expect(t.imported).toEqual({
      format: 'bargain',
      sourceFile: join(RUNS, 'run_2_experiment_results.json'),
      published: { deal: true, round: 3, utilities: [16.057962443164875, 13.124790156534292] },
      flags: [
        {
          code: 'utilities_differ',
          message:
            "published utilities 16.058, 13.125 differ from Parley's 13.001, 10.635 (round 3, gamma^(r-1) = 0.81); the published ones are undiscounted",
        },
      ],
      isTruncated: false,
    });
    expect(t.outcome!.round).toBe(3);
    // The values are shown on their published scale, with their real sum.
    expect(t.preferences[0].text).toBe(
      'Your private values (sum 22.41): Apple 4.25, Jewel 8.09, Stone 1.29, Quill 3.71, Pencil 5.07.',
    );
  });

  it('keeps the import records when the database is merged into another (parley merge)', () => {
    const other = openStore(join(tmp.dir, 'merged.db'));
    try {
      expect(other.mergeFrom(db)).toMatchObject({ sweeps: 1, added: 3 });
      expect(other.getGameImport(byRun(1).id)).toEqual(store.getGameImport(byRun(1).id));
    } finally {
      other.close();
    }
  });

  it('changes nothing when the same files are imported again', () => {
    const before = dump(db);
    const again = importPaths(store, [RUNS, join(RUNS, 'run_2_experiment_results.json')]);
    expect(again).toMatchObject({ imported: 0, unchanged: 3, failed: [], sweeps: summary.sweeps });
    expect(dump(db)).toEqual(before);
  });
});

describe('bargain import of a newer-schema run', () => {
  // Run 3 rewritten as the newer research code writes it: exact values in agent_preferences,
  // final_allocation, one private vote per proposal and token usage per call.
  const dir = join(tmp.dir, 'newer');
  const A = 'Agent_Alpha';
  const B = 'Agent_Beta';
  const rename = (text: string) =>
    text.replaceAll('claude_4_sonnet_1', A).replaceAll('llama_3_1_405b_2', B);
  mkdirSync(dir, { recursive: true });
  const results = JSON.parse(
    rename(readFileSync(join(RUNS, 'run_3_experiment_results.json'), 'utf8')),
  ) as Record<string, unknown>;
  results.experiment_id = 'newer_batch_run_1';
  results.agent_preferences = { [A]: [8.19, 2.58, 6, 3.18, 8.66], [B]: [8.77, 0, 0, 10, 0] };
  results.final_allocation = { [A]: [1, 2, 4], [B]: [0, 3] };
  results.final_utilities = { [A]: 2.58 + 6 + 8.66, [B]: 8.77 + 10 };
  const interactions = (
    JSON.parse(rename(readFileSync(join(RUNS, 'run_3_all_interactions.json'), 'utf8'))) as {
      agent_id: string;
      phase: string;
    }[]
  ).map((e, i) => ({ ...e, token_usage: { input_tokens: 100 + i, output_tokens: 10 } }));
  const vote = (agent: string, k: number, decision: string) => ({
    agent_id: agent,
    phase: `voting_round_1_proposal_${k}`,
    round: 1,
    prompt: 'vote',
    response: JSON.stringify({
      voter: agent,
      proposal_number: k,
      vote_decision: decision,
      reasoning: `r${k}`,
    }),
    token_usage: { input_tokens: 50, output_tokens: 5, reasoning_tokens: 3 },
  });
  interactions.push(
    vote(A, 1, 'accept'),
    vote(A, 2, 'accept'),
    vote(B, 1, 'reject'),
    vote(B, 2, 'accept'),
  );
  writeFileSync(join(dir, 'run_1_experiment_results.json'), JSON.stringify(results));
  writeFileSync(join(dir, 'run_1_all_interactions.json'), JSON.stringify(interactions));
  const store = openStore(join(tmp.dir, 'newer.db'));
  const summary = importPaths(store, [dir]);
  const game = store.listGames()[0];
  afterAll(() => store.close());

  it('takes the exact values and the allocation from the file, without a flag', () => {
    expect(summary).toMatchObject({ imported: 1, failed: [], flagged: [] });
    expect(game.instance!.warnings).toEqual([]);
    expect(game.outcome).toMatchObject({
      deal: true,
      round: 1,
      proposal: { allocation: [1, 0, 0, 1, 0] },
      proposer: 1,
    });
  });

  it("records each agent's private votes and puts them in the tally", () => {
    const turns = store.getTurns(game.id).filter((t) => t.phase === 'vote' || t.phase === 'tally');
    expect(turns.map((t) => [t.phase, t.agent, t.visibility, t.action, t.text])).toEqual([
      [
        'vote',
        0,
        'private',
        { votes: ['accept', 'accept'], synthetic: [] },
        'Proposal 1: accept - r1\nProposal 2: accept - r2',
      ],
      [
        'vote',
        1,
        'private',
        { votes: ['reject', 'accept'], synthetic: [] },
        'Proposal 1: reject - r1\nProposal 2: accept - r2',
      ],
      [
        'tally',
        -1,
        'public',
        {
          votes: [
            ['accept', 'accept'],
            ['reject', 'accept'],
          ],
          accepts: [1, 2],
          passing: [2],
          accepted: 2,
          isTieBreak: false,
        },
        expect.stringContaining('Proposal #2: 2 accept, 0 reject'),
      ],
    ]);
  });

  it('groups files of several experiments into one sweep with --sweep', () => {
    const other = openStore(join(tmp.dir, 'named.db'));
    try {
      const named = importPaths(other, [FIXTURE, dir], { sweepName: 'all bargain runs' });
      expect(named).toMatchObject({ imported: 4, failed: [], sweeps: [expect.any(String)] });
      const sweep = other.getSweep(named.sweeps[0])!;
      expect(sweep.name).toBe('all bargain runs');
      expect(other.listGames({ sweepId: sweep.id }).map((g) => g.runIndex)).toEqual([0, 1, 2, 0]);
      expect(sweep.spec).toMatchObject({
        description: 'Games imported from published result files (4 games).',
      });
    } finally {
      other.close();
    }
  });

  it('keeps the token usage of every call, by phase', () => {
    const totals = store.callTotals({ gameId: game.id });
    // 10 logged calls with 100..109 input tokens and 10 output each, plus 4 votes of 50/5/3.
    expect({
      calls: totals.calls,
      input: totals.inputTokens,
      output: totals.outputTokens,
      reasoning: totals.reasoningTokens,
    }).toEqual({ calls: 14, input: 1045 + 200, output: 100 + 20, reasoning: 12 });
    const sweepId = summary.sweeps[0];
    expect(store.callUsage({ sweepId }).map((u) => [u.model, u.phase, u.calls])).toEqual(
      expect.arrayContaining([
        [CLAUDE, 'vote', 2],
        ['meta-llama/llama-3.1-405b-instruct', 'vote', 2],
        [CLAUDE, 'setup', 2],
      ]),
    );
  });
});
