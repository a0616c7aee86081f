// `parley import` of the published LLM-Deliberation logs (tests/fixtures, MIT) with their game
// folder, through the real CLI into SQLite on a file. The final deals and party scores were
// worked by hand from the last public answer and scores_files/ (config.txt order: Mayor, Other
// cities, Union, SportCo, DoT, Environmental League; minimums 30, 31, 50, 55, 65, 55).
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from '../../src-shared/contract';
import { createHost } from '../../src-main/host/host';
import { openStore, type Store } from '../../src-main/store/store';
import { countRows, runCli, tempDir } from './cli-helpers';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'llm-deliberation');
const BASE = join(FIXTURE, 'games_descriptions', 'base');
const tmp = tempDir('parley-import-delib-');
const logs = join(tmp.dir, 'logs', 'all_coop_temp1_base_gpt4');
const db = join(tmp.dir, 'delib.db');
const log = (name: string) => join(logs, `${name}.json`);
afterAll(() => tmp.cleanup());

interface Summary {
  imported: number;
  unchanged: number;
  failed: { file: string; error: string }[];
  sweeps: string[];
  flagged: unknown[];
}

let summary: Summary;
let store: Store;
const game = (name: string) =>
  store.listGames().find((g) => store.getGameImport(g.id)?.sourceFile === log(name))!;

beforeAll(() => {
  cpSync(join(FIXTURE, 'logs'), join(tmp.dir, 'logs'), { recursive: true });
  const r = runCli(['import', join(tmp.dir, 'logs'), '--game', BASE, '--db', db, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  summary = JSON.parse(r.stdout) as Summary;
  store = openStore(db);
});
afterAll(() => store.close());

describe('LLM-Deliberation import', () => {
  it('imports the three logs into one sweep named after the log folder', () => {
    expect(summary).toEqual({
      imported: 3,
      unchanged: 0,
      failed: [],
      sweeps: [expect.stringMatching(/^[0-9a-f]{16}$/)],
      flagged: [],
    });
    expect(store.getSweep(summary.sweeps[0])!.name).toBe('all_coop_temp1_base_gpt4');
  });

  it("plays the log folder's own config (all cooperative), not the game folder's greedy one", () => {
    const g = game('history10_34_19');
    const parties = g.instance!.preferences as { name: string; role: string; incentive: string }[];
    expect(parties.map((p) => [p.name, p.role, p.incentive])).toEqual([
      ['Mayor', 'player', 'cooperative'],
      ['Other cities', 'player', 'cooperative'],
      ['Local Labour Union', 'player', 'cooperative'],
      ['SportCo', 'p1', 'cooperative'],
      ['Department of Tourism', 'p2', 'cooperative'],
      ['Environmental League', 'player', 'cooperative'],
    ]);
    expect(g.participants.map((p) => p.id)).toEqual(new Array(6).fill('gpt-4-low'));
    // The schedule is the log's: SportCo opens, then slot_assignment, then SportCo's final deal.
    expect((g.instance!.realised.schedule as number[]).slice(0, 4)).toEqual([3, 5, 2, 3]);
    expect(g.instance!.realised.schedule).toHaveLength(26);
  });

  it('scores the final deal with the pass rule: A2,B2,C2,D2,E3 passes, A2,B2,C3,D1,E3 fails', () => {
    const passed = game('history10_34_19');
    expect(passed.status).toBe('finished');
    expect(passed.outcome).toMatchObject({
      deal: true,
      round: 26,
      proposal: [1, 1, 1, 1, 2],
      proposer: 3,
      // Only the League (47 < 55) disagrees: five of six with p1 and p2, no unanimity bonus.
      rawUtilities: [68, 50, 81, 59, 74, 47],
      utilities: [68, 50, 81, 59, 74, 47],
    });
    expect(passed.outcome!.measures).toMatchObject({
      finalDealPasses: true,
      allAgree: false,
      meetsMinimum: [true, true, true, true, true, false],
    });
    const failed = game('history10_14_00');
    // DoT 60 < 65 and the League 47 < 55: four agree, and p2 is not among them.
    expect(failed.outcome).toMatchObject({
      deal: false,
      round: null,
      proposal: [1, 1, 2, 0, 2],
      rawUtilities: [72, 40, 81, 70, 60, 47],
      utilities: [0, 0, 0, 0, 0, 0],
    });
    expect(failed.outcome!.measures).toMatchObject({ finalDealPasses: false, firstPassingTurn: 6 });
  });

  it('keeps each reply private (scratchpad and plan) and its answer public', () => {
    const turns = store.getTurns(game('history10_14_00').id);
    // 6 setup turns, p1's opening answer, then 25 turns of a private reply and a public answer.
    expect(turns).toHaveLength(57);
    expect(turns.filter((t) => t.phase === 'setup' && t.visibility === 'private')).toHaveLength(6);
    expect(
      turns.filter((t) => t.phase === 'scratchpad' && t.visibility === 'private'),
    ).toHaveLength(25);
    expect(turns.filter((t) => t.phase === 'answer' && t.visibility === 'public')).toHaveLength(26);
    const opening = turns.find((t) => t.phase === 'answer' && t.round === 1)!;
    expect([opening.agent, opening.text, opening.action]).toEqual([
      3,
      '<DEAL> A1, B1, C4, D1, E5 </DEAL>',
      { deal: [0, 0, 3, 0, 4], isOpening: true },
    ]);
    const reply = turns.find((t) => t.phase === 'scratchpad' && t.round === 2)!;
    const action = reply.action as {
      scratchpad: string;
      answer: string;
      deal: number[];
      plan: string;
    };
    expect(reply.agent).toBe(2);
    expect(action.deal).toEqual([1, 1, 1, 0, 3]);
    expect(action.scratchpad).toMatch(/^SportCo's deal: A1 \(15\)/);
    expect(action.plan).toMatch(/^Next steps to consider assuming negotiations continue:/);
    const answer = turns.find((t) => t.phase === 'answer' && t.round === 2)!;
    expect(answer.text).toMatch(/^Considering the interests of all parties/);
    expect(answer.text).not.toContain('SCRATCHPAD');
    // The final deal asks for no plan.
    const last = turns.find((t) => t.phase === 'scratchpad' && t.round === 26)!;
    expect((last.action as { plan: string }).plan).toBe('');
  });

  it('imports the truncated log as an unfinished game with the turns it has', () => {
    const g = game('history17_35_29');
    expect([g.status, g.outcome]).toEqual(['cancelled', null]);
    expect(store.getGameImport(g.id)).toMatchObject({ isTruncated: true, flags: [] });
    const turns = store.getTurns(g.id);
    expect(turns.map((t) => [t.round, t.phase, t.agent, t.visibility])).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((a) => [0, 'setup', a, 'private']),
      [1, 'answer', 3, 'public'],
      [2, 'scratchpad', 5, 'private'],
      [2, 'answer', 5, 'public'],
    ]);
    expect(turns[8].action).toEqual({ deal: [1, 2, 2, 1, 2], isOpening: false });
  });

  it('hands the transcript reader the source and says the log states no outcome', async () => {
    const host = createHost({ store });
    const g = game('history10_34_19');
    const t = (await host.handle('games:transcript', { gameId: g.id })) as Transcript;
    expect(t.imported).toEqual({
      format: 'deliberation',
      sourceFile: log('history10_34_19'),
      published: { deal: true, round: 26, utilities: new Array(6).fill(null) },
      flags: [],
      isTruncated: false,
    });
    const show = runCli(['show', g.id, '--db', db]);
    expect(show.stdout).toContain(
      '  published: no outcome (the log states no scores; the deal and utilities are Parley scoring its final deal)',
    );
  });

  it('is analysable (the truncated game left out) and exported with its source', () => {
    const r = runCli(['analyze', summary.sweeps[0], '--db', db, '--metric', 'deal', '--json']);
    expect(r.status).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { n: number; mean: number }[] }).rows;
    expect(rows.map((x) => [x.n, x.mean])).toEqual([[2, 0.5]]);
    const out = join(tmp.dir, 'export');
    expect(runCli(['export', summary.sweeps[0], '--db', db, '--out', out]).status).toBe(0);
    const lines = readFileSync(join(out, 'results.csv'), 'utf8').trim().split('\n');
    const source = lines[0].split(',').indexOf('source');
    // Every game is exported, the unfinished truncated one too.
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[source])
        .sort(),
    ).toEqual([log('history10_14_00'), log('history10_34_19'), log('history17_35_29')]);
  });

  it('changes nothing when the same logs are imported again', () => {
    const before = countRows(db, 'SELECT count(*) FROM turns');
    const r = runCli(['import', logs, '--game', BASE, '--db', db, '--json']);
    expect(JSON.parse(r.stdout)).toEqual({ ...summary, imported: 0, unchanged: 3 });
    expect(countRows(db, 'SELECT count(*) FROM turns')).toBe(before);
    expect(countRows(db, 'SELECT count(*) FROM games')).toBe(3);
  });
});

describe('bad LLM-Deliberation logs', () => {
  const bad = join(tmp.dir, 'bad');
  const badDb = join(tmp.dir, 'bad.db');
  const text = (name: string) =>
    readFileSync(join(FIXTURE, 'logs', 'all_coop_temp1_base_gpt4', `${name}.json`), 'utf8');

  it('names each log and its problem, writes nothing of it, and imports the rest', () => {
    const dir = join(bad, 'run');
    cpSync(join(FIXTURE, 'logs', 'all_coop_temp1_base_gpt4'), dir, { recursive: true });
    writeFileSync(join(dir, 'history_empty.json'), '');
    writeFileSync(join(dir, 'history_cut.json'), text('history10_14_00').slice(0, 3000));
    const noFinished = JSON.parse(text('history10_14_00')) as Record<string, unknown>;
    delete noFinished.finished_rounds;
    writeFileSync(join(dir, 'history_no_finished.json'), JSON.stringify(noFinished));
    const stranger = JSON.parse(text('history17_35_29')) as {
      rounds: { agent: string }[];
      slot_assignment: string[];
    };
    stranger.rounds[1].agent = 'Fishermen';
    stranger.slot_assignment[0] = 'Fishermen';
    writeFileSync(join(dir, 'history_stranger.json'), JSON.stringify(stranger));
    const alone = join(bad, 'alone');
    mkdirSync(alone, { recursive: true });
    copyFileSync(join(dir, 'history10_14_00.json'), join(alone, 'history10_14_00.json'));
    const r = runCli(['import', bad, '--game', BASE, '--db', badDb, '--json']);
    expect(r.status).toBe(1);
    const res = JSON.parse(r.stdout) as Summary;
    expect(res.imported).toBe(4);
    expect(res.failed.map((f) => [f.file, f.error.replace(/ \(.*\)$/, ' (...)')])).toEqual([
      [join(dir, 'history_cut.json'), 'not valid JSON, perhaps truncated (...)'],
      [join(dir, 'history_empty.json'), 'the file is empty'],
      [join(dir, 'history_no_finished.json'), 'field finished_rounds: missing'],
      [
        join(dir, 'history_stranger.json'),
        `slot_assignment.0 names Fishermen, who is not a party of ${BASE}/config.txt`,
      ],
    ]);
    // The three logs and the lone copy imported (the copy has no config.txt beside it, so it is
    // read with the game folder's own: another game); nothing of the bad ones.
    expect(countRows(badDb, 'SELECT count(*) FROM games')).toBe(4);
    expect(countRows(badDb, 'SELECT count(*) FROM game_imports')).toBe(4);
  });

  it('needs the game folder: none next to the log, or one without its rules', () => {
    const alone = join(bad, 'alone', 'history10_14_00.json');
    const r = runCli(['import', alone, '--db', badDb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `parley import: ${alone}: a deliberation log needs its game folder: there is no config.txt and scores_files/ next to it; give one with --game DIR\n`,
    );
    const beside = join(bad, 'run', 'history10_14_00.json');
    const r2 = runCli(['import', beside, '--db', badDb]);
    expect(r2.stderr).toBe(
      `parley import: ${beside}: the game folder ${join(bad, 'run')} is incomplete or invalid: global_instructions.txt: file is missing (the public rules); give the game folder with --game DIR\n`,
    );
    const r3 = runCli(['import', beside, '--game', tmp.dir, '--db', badDb]);
    expect(r3.stderr).toBe(
      `parley import: ${beside}: --game ${tmp.dir} is not an LLM-Deliberation game folder (no config.txt and scores_files/)\n`,
    );
  });

  it('refuses a file of another format given as deliberation', () => {
    const arena = join(
      import.meta.dirname,
      '..',
      'fixtures',
      'negotiation-arena',
      'example_logs',
      'buysell',
      '1707348684961',
      'game_state.json',
    );
    const r = runCli(['import', arena, '--format', 'deliberation', '--game', BASE, '--db', badDb]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `parley import: ${arena}: not an LLM-Deliberation history*.json log (it looks like a NegotiationArena game_state.json)\n`,
    );
  });
});
