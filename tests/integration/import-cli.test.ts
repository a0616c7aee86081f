// `parley import` as a user runs it: the real CLI on a temporary folder holding one good bargain
// run and malformed copies of the others. Each bad file gets one line naming it and its problem,
// nothing of it is written, and the good run imports.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, runCli, tempDir } from './cli-helpers';

const RUNS = join(
  import.meta.dirname,
  '..',
  'fixtures',
  'bargain-results',
  'strong_models_20250820_192244_97035',
);
const tmp = tempDir('parley-import-cli-');
const input = join(tmp.dir, 'in');
const db = join(tmp.dir, 'import.db');
afterAll(() => tmp.cleanup());

const results = (n: number) => readFileSync(join(RUNS, `run_${n}_experiment_results.json`), 'utf8');
const at = (...parts: string[]) => join(input, ...parts);

beforeAll(() => {
  mkdirSync(at('good'), { recursive: true });
  for (const f of ['run_3_experiment_results.json', 'run_3_all_interactions.json'])
    copyFileSync(join(RUNS, f), at('good', f));
  mkdirSync(at('bad'), { recursive: true });
  writeFileSync(at('bad', 'empty.json'), '');
  writeFileSync(at('bad', 'run_1_experiment_results.json'), results(1).slice(0, 5000));
  const noAgents = JSON.parse(results(1)) as { config: Record<string, unknown> };
  delete noAgents.config.agents;
  writeFileSync(at('bad', 'run_4_experiment_results.json'), JSON.stringify(noAgents));
  // Run 2 without its interactions file: its values are nowhere else.
  writeFileSync(at('bad', 'run_2_experiment_results.json'), results(2));
  writeFileSync(at('bad', 'other.json'), JSON.stringify({ hello: 'world' }));
  // A deliberation log copied without its game folder.
  copyFileSync(
    join(
      RUNS,
      '..',
      '..',
      'llm-deliberation',
      'logs',
      'all_coop_temp1_base_gpt4',
      'history17_35_29.json',
    ),
    at('bad', 'history17_35_29.json'),
  );
  writeFileSync(
    at('bad', 'game_state.json'),
    JSON.stringify({ class: 'BuySellGame', players: [], game_state: [] }),
  );
});

describe('parley import', () => {
  it('imports the good run, names every bad file and its problem, and exits 1', () => {
    const r = runCli(['import', input, '--db', db, '--format', 'bargain', '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as {
      imported: number;
      unchanged: number;
      failed: { file: string; error: string }[];
      sweeps: string[];
      flagged: unknown[];
    };
    expect({
      ...out,
      failed: out.failed.map((f) => [
        f.file,
        f.error.replace(/^(not valid JSON, perhaps truncated) \(.*\)$/, '$1 (...)'),
      ]),
    }).toEqual({
      imported: 1,
      unchanged: 0,
      sweeps: [expect.stringMatching(/^[0-9a-f]{16}$/)],
      flagged: [],
      failed: [
        [at('bad', 'empty.json'), 'the file is empty'],
        [
          at('bad', 'game_state.json'),
          'not a bargain run_N_experiment_results.json (it looks like a NegotiationArena game_state.json)',
        ],
        [
          at('bad', 'history17_35_29.json'),
          'not a bargain run_N_experiment_results.json (it looks like an LLM-Deliberation history*.json log)',
        ],
        [
          at('bad', 'other.json'),
          'not a complete bargain results file: field experiment_id: missing',
        ],
        [at('bad', 'run_1_experiment_results.json'), 'not valid JSON, perhaps truncated (...)'],
        [
          at('bad', 'run_2_experiment_results.json'),
          'its values are not in the file (no agent_preferences), and run_2_all_interactions.json is missing, so they cannot be recovered',
        ],
        [
          at('bad', 'run_4_experiment_results.json'),
          'not a complete bargain results file: field config.agents: missing',
        ],
      ],
    });
    // Nothing of a failed file is written: one game, its 12 turns, one import record.
    expect(countRows(db, 'SELECT count(*) FROM games')).toBe(1);
    expect(countRows(db, 'SELECT count(*) FROM turns')).toBe(12);
    expect(countRows(db, 'SELECT count(*) FROM game_imports')).toBe(1);
  });

  it('prints one line per bad file in text mode, and recognises formats without --format', () => {
    const r = runCli(['import', at('bad'), at('good'), '--db', db]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(7);
    expect(lines[0]).toBe(`parley import: ${at('bad', 'empty.json')}: the file is empty`);
    expect(lines[1]).toBe(
      `parley import: ${at('bad', 'game_state.json')}: game_state has no START record with its settings`,
    );
    expect(lines[2]).toBe(
      `parley import: ${at('bad', 'history17_35_29.json')}: a deliberation log needs its game folder: there is no config.txt and scores_files/ next to it; give one with --game DIR`,
    );
    expect(lines[3]).toBe(
      `parley import: ${at('bad', 'other.json')}: not a file Parley can import: expected a bargain run_N_experiment_results.json, a NegotiationArena game_state.json, an LLM-Deliberation history*.json log`,
    );
    expect(r.stdout).toContain('Imported 0 games, 1 unchanged, 7 files failed');
  });

  it('exits 0 when every file imports, and 2 on usage errors', () => {
    expect(runCli(['import', at('good'), '--db', db]).status).toBe(0);
    expect(runCli(['import', '--db', db]).status).toBe(2);
    const bad = runCli(['import', at('good'), '--db', db, '--format', 'csv']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'parley: --format must be auto or one of bargain, deliberation, arena, got "csv"\n',
    );
  });

  it('shows the imported game with its source and both outcomes', () => {
    const show = runCli(['show', gameId(), '--db', db]);
    expect(show.status).toBe(0);
    expect(show.stdout).toContain(
      [
        `Imported (bargain) from ${at('good', 'run_3_experiment_results.json')}`,
        '  published: deal in round 1; utilities 17.236, 18.774',
        '  Parley:    deal in round 1; utilities 17.240, 18.770 (undiscounted 17.240, 18.770)',
      ].join('\n'),
    );
    const exp = runCli([
      'export',
      'strong_models_20250820_192244_97035',
      '--db',
      db,
      '--out',
      join(tmp.dir, 'csv'),
    ]);
    expect(exp.status).toBe(0);
    const csv = readFileSync(join(tmp.dir, 'csv', 'results.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0].split(',').at(-1)).toBe('source');
    expect(csv[1].split(',').at(-1)).toBe(at('good', 'run_3_experiment_results.json'));
  });
});

function gameId(): string {
  const conn = new Database(db, { readonly: true });
  try {
    return conn.prepare('SELECT id FROM games').pluck().get() as string;
  } finally {
    conn.close();
  }
}
