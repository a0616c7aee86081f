// The written files read back by readers Parley does not share code with: the Parquet tables by
// pyarrow (Apache Arrow's reader, which the pipeline's pandas uses), the JSONL line by line
// against the schema, the CSV as text. On CI pyarrow is installed by .ci/run; elsewhere the
// Parquet check is skipped with a note when python3 has no pyarrow.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { janusRecords } from './janus-records';
import { janusRecordSchema } from './janus-schema';
import { EXPECTED_OUTCOMES, EXPECTED_STEPS, handCheckedGames } from './janus-test-games';
import { writeJanusDataset } from './write-dataset';

const hasPyarrow =
  spawnSync('python3', ['-c', 'import pyarrow'], { encoding: 'utf8' }).status === 0;
if (!hasPyarrow && !process.env.CI)
  console.warn(
    'janus-files.test: python3 has no pyarrow (pip install pyarrow); Parquet check skipped',
  );

const dir = mkdtempSync(join(tmpdir(), 'parley-janus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function* gamesOf() {
  for (const g of await handCheckedGames()) yield g;
}

const written = writeJanusDataset(gamesOf(), dir, { source: { test: 'hand-checked' } });

const READ = `
import json, sys
import pyarrow.parquet as pq
t = pq.read_table(sys.argv[1])
print(json.dumps({
  "schema": [[f.name, str(f.type), f.nullable] for f in t.schema],
  "rows": t.to_pylist(),
}))
`;

function readParquet(file: string): { schema: [string, string, boolean][]; rows: unknown[] } {
  const r = spawnSync('python3', ['-c', READ, file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pyarrow could not read ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout) as { schema: [string, string, boolean][]; rows: unknown[] };
}

describe.skipIf(!hasPyarrow && !process.env.CI)('Janus Parquet tables read by pyarrow', () => {
  it('decision_steps: every column with its name, type and nullability, every value', async () => {
    await written;
    const t = readParquet(join(dir, 'decision_steps.parquet'));
    expect(t.schema).toEqual([
      ['trajectory_id', 'string', false],
      ['turn', 'int64', false],
      ['role', 'string', false],
      ['max_turns', 'int64', false],
      ['turns_remaining', 'int64', false],
      ['reservation_price', 'double', false],
      ['price_low', 'double', false],
      ['price_high', 'double', false],
      ['last_offer_price', 'double', true],
      ['history_roles', 'list<element: string not null>', false],
      ['history_prices', 'list<element: double not null>', false],
      ['target_action', 'string', false],
      ['target_price', 'double', true],
      ['success', 'bool', false],
      ['rho_train', 'double', false],
    ]);
    expect(t.rows).toEqual(EXPECTED_STEPS);
  });

  it('trajectory_outcomes: every column and value', async () => {
    await written;
    const t = readParquet(join(dir, 'trajectory_outcomes.parquet'));
    expect(t.schema).toEqual([
      ['trajectory_id', 'string', false],
      ['max_turns', 'int64', false],
      ['num_turns_observed', 'int64', false],
      ['success', 'bool', false],
      ['accepted_price', 'double', true],
      ['rho_outcome', 'double', true],
      ['rho_logged', 'double', true],
    ]);
    expect(t.rows).toEqual(EXPECTED_OUTCOMES);
  });
});

describe('Janus JSONL and CSV files', () => {
  it('trajectories.jsonl: one schema-valid line per decision, in game and turn order', async () => {
    const summary = await written;
    const lines = readFileSync(join(dir, 'trajectories.jsonl'), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const parsed = lines.map((l, i) => {
      const r = janusRecordSchema.safeParse(JSON.parse(l));
      if (!r.success) throw new Error(`line ${i + 1}: ${r.error.message}`);
      return r.data;
    });
    const games = await handCheckedGames();
    expect(parsed).toEqual(games.flatMap((g) => janusRecords(g).records));
    expect(parsed.map((r) => `${r.trajectory_id}${r.turn}`).slice(9)).toEqual([
      'A10',
      'A11',
      'B1',
      'B2',
      'B3',
      'B4',
    ]);
    expect(summary).toMatchObject({
      trajectories: 2,
      decisions: 15,
      successes: 1,
      failures: 1,
      decisionsLeftOut: { REJECT: 0, NONE: 0 },
    });
  });

  it('the schema refuses a line that is not Janus', () => {
    const [line] = readFileSync(join(dir, 'trajectories.jsonl'), 'utf8').split('\n');
    const r = JSON.parse(line) as { action: unknown; state: Record<string, unknown> };
    const bad = (patch: object) => janusRecordSchema.safeParse({ ...r, ...patch }).success;
    expect(bad({})).toBe(true);
    expect(bad({ action: { type: 'REJECT', price: null } })).toBe(false);
    expect(bad({ action: { type: 'ACCEPT', price: 600 } })).toBe(false);
    expect(bad({ state: { ...r.state, role: 'broker' } })).toBe(false);
    expect(bad({ extra: 1 })).toBe(false);
  });

  it('CSV: the same columns, null as an empty cell, lists as JSON arrays', async () => {
    await written;
    expect(readFileSync(join(dir, 'trajectory_outcomes.csv'), 'utf8')).toBe(
      [
        'trajectory_id,max_turns,num_turns_observed,success,accepted_price,rho_outcome,rho_logged',
        'A,12,11,true,500,0.2,0.2',
        'B,4,4,false,,,-1',
        '',
      ].join('\n'),
    );
    const steps = readFileSync(join(dir, 'decision_steps.csv'), 'utf8').split('\n');
    expect(steps[0]).toBe(
      'trajectory_id,turn,role,max_turns,turns_remaining,reservation_price,price_low,price_high,last_offer_price,history_roles,history_prices,target_action,target_price,success,rho_train',
    );
    expect(steps[11]).toBe(
      'A,11,seller,12,1,400,0,2000,500,"[""seller"",""buyer"",""seller"",""buyer"",""seller"",""buyer"",""seller"",""buyer""]","[800,500,800,500,800,500,800,500]",ACCEPT,,true,0.2',
    );
    expect(steps[14]).toBe(
      'B,3,seller,4,1,400,0,2000,500,"[""seller"",""buyer""]","[600,500]",OFFER,600,false,-1',
    );
    expect(steps[15]).toBe(
      'B,4,buyer,4,0,700,0,2000,600,"[""seller"",""buyer"",""seller""]","[600,500,600]",OFFER,500,false,-1',
    );
    expect(steps).toHaveLength(17);
  });
});
