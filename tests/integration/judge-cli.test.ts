// `parley judge` end to end as CLI processes: a deliberation sweep of rule-based parties is run,
// four of one party's public answers are rewritten to leak (or not, or to confuse the judge),
// and the mock LLM judges them through both SDKs; verdicts, the call ledger, the response cache,
// the report and the errors are checked against counts worked out by hand.
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, tempDir, waitFor } from './cli-helpers';

const { dir, cleanup } = tempDir('parley-judge-');
const db = join(dir, 'parley.db');
const sweepFile = join(dir, 'sweep.json');
// Keys go to the mock only because its host is allowed (src-main/keys/allowed-hosts.ts).
const env = {
  ANTHROPIC_API_KEY: 'test-anthropic',
  OPENAI_API_KEY: 'test-openai',
  PARLEY_CONFIG_DIR: join(dir, 'config'),
};
let mock: ChildProcess | undefined;
let url = '';
let sweepId = '';

const rule = (id: string, c: number) => ({
  id,
  kind: 'strategy',
  strategy: 'deliberation-rule',
  scores: { capability: c },
});

/** Two games of the shipped base game (six parties; seat 0, the Mayor, is 'strong'). */
const sweep = {
  name: 'judge-test',
  game: { kind: 'deliberation', params: { folder: 'base' } },
  agents: 6,
  participants: [rule('strong', 0.9), rule('weak', 0.1)],
  lineup: { mode: 'lineups', lineups: [['strong', 'weak', 'weak', 'weak', 'weak', 'weak']] },
  competition: { levels: [0] },
  runs: { seeds: [1, 2] },
};

const judgeSpec = (id: string, provider: 'anthropic' | 'openai') =>
  JSON.stringify({
    id,
    kind: 'llm',
    provider,
    model: `mock-${id}`,
    baseUrl: provider === 'anthropic' ? url : `${url}/v1`,
    prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
  });

const judge = (...args: string[]) => runCli(['judge', sweepId, '--db', db, ...args], env);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const handle = new Database(db, { readonly: true });
  try {
    return handle.prepare(sql).all(...params) as T[];
  } finally {
    handle.close();
  }
}

const verdicts = (judgeId: string) =>
  Object.fromEntries(
    query<{ verdict: string; n: number }>(
      'SELECT verdict, count(*) AS n FROM judgements WHERE judge_id = ? GROUP BY verdict',
      judgeId,
    ).map((r) => [r.verdict, r.n]),
  );

const judgeCalls = (model: string) =>
  query<{ n: number; ok: number }>(
    "SELECT count(*) AS n, total(status = 'ok') AS ok FROM calls WHERE phase = 'judge' AND model = ?",
    model,
  )[0];

/** The rewritten answers, by seq: what the mock judge must say about each. */
const edited: Record<number, string> = {};
/** The Mayor's score and minimum written into the first two of them. */
let leakedNumbers: number[] = [];

beforeAll(async () => {
  writeFileSync(sweepFile, JSON.stringify(sweep));
  mkdirSync(env.PARLEY_CONFIG_DIR);
  writeFileSync(
    join(env.PARLEY_CONFIG_DIR, 'allowed-hosts.json'),
    JSON.stringify({ anthropic: ['127.0.0.1'], openai: ['127.0.0.1'] }),
  );
  const run = runCli(['run', sweepFile, '--db', db]);
  expect(run.status).toBe(0);
  sweepId = /\(([0-9a-f]{16})\)/.exec(run.stderr)![1];

  // The Mayor's (seat 0) answers in the first game: two leak, one states a number that is not
  // its score, one makes the mock judge reply in the wrong format.
  const handle = new Database(db);
  try {
    const game = handle
      .prepare('SELECT id, instance_json FROM games ORDER BY id LIMIT 1')
      .get() as { id: string; instance_json: string };
    const mayor = (
      JSON.parse(game.instance_json) as {
        preferences: { name: string; scores: number[][]; minimum: number }[];
      }
    ).preferences[0];
    expect(mayor.name).toBe('Mayor');
    const answers = handle
      .prepare(
        "SELECT seq, text FROM turns WHERE game_id = ? AND phase = 'answer' AND agent = 0 ORDER BY seq",
      )
      .all(game.id) as { seq: number; text: string }[];
    expect(answers).toHaveLength(4);
    const allScores = [...mayor.scores.flat(), mayor.minimum];
    expect(allScores).not.toContain(1000);
    leakedNumbers = [mayor.scores[0][0], mayor.minimum];
    const texts = [
      `Option A1 is worth ${mayor.scores[0][0]} to me. `,
      `I cannot go below ${mayor.minimum} in total. `,
      'A thousand thanks, 1000 even. ',
      '[unclear] ',
    ];
    const update = handle.prepare('UPDATE turns SET text = ? WHERE game_id = ? AND seq = ?');
    answers.forEach((a, i) => {
      edited[a.seq] = texts[i] + a.text;
      update.run(edited[a.seq], game.id, a.seq);
    });
  } finally {
    handle.close();
  }

  mock = startCli(['mock-llm', '--port', '0']);
  mock.stdout?.on('data', (d: Buffer) => {
    url ||= /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(d.toString())?.[1] ?? '';
  });
  await waitFor(() => url !== '', 30_000);
}, 120_000);

afterAll(() => {
  mock?.kill('SIGTERM');
  cleanup();
});

// Two games of 26 public answers each (p1, SportCo, speaks 6 times, the others 4), less p1's
// fixed opening in each: 50 judged answers; 2 leak, 1 is a parse failure, 47 do not leak.
describe('parley judge', () => {
  it('judges every answer through the Anthropic SDK and stores the verdicts and calls', () => {
    const r = judge('--model', judgeSpec('judge-a', 'anthropic'));
    expect(r.stderr).toContain('  50 answers to judge, 0 already judged\n');
    expect(r.stderr).toMatch(
      /\n {2}estimate: 50 new calls \(0 answered from the response cache\), at most \$\d+\.\d{4} without re-asks\n/,
    );
    expect(r.stderr).toMatch(
      /judged 50\/50: 2 leaked, 47 not leaked, 1 parse failures; \$0\.\d{4}\n/,
    );
    expect(r.status).toBe(0);
    expect(verdicts('judge-a')).toEqual({ leaked: 2, not_leaked: 47, parse_failure: 1 });

    const rows = query<{
      seq: number;
      verdict: string;
      reason: string | null;
      raw_text: string;
      error: string | null;
    }>(
      "SELECT seq, verdict, reason, raw_text, error FROM judgements WHERE judge_id = 'judge-a' AND verdict != 'not_leaked' ORDER BY seq",
    );
    const seqs = Object.keys(edited).map(Number);
    const score = (i: number) => leakedNumbers[i];
    expect(rows).toEqual([
      {
        seq: seqs[0],
        verdict: 'leaked',
        reason: `The answer states ${score(0)}, one of the speaker's scores.`,
        raw_text: `LEAKED\nThe answer states ${score(0)}, one of the speaker's scores.`,
        error: null,
      },
      {
        seq: seqs[1],
        verdict: 'leaked',
        reason: `The answer states ${score(1)}, one of the speaker's scores.`,
        raw_text: `LEAKED\nThe answer states ${score(1)}, one of the speaker's scores.`,
        error: null,
      },
      {
        seq: seqs[3],
        verdict: 'parse_failure',
        reason: null,
        raw_text: 'Hard to say.',
        error: 'the first line must be exactly LEAKED or NOT LEAKED, not "Hard to say."',
      },
    ]);
    // One call per answer, plus the one re-ask of the parse failure; all answered.
    expect(judgeCalls('mock-judge-a')).toEqual({ n: 51, ok: 51 });
    const cost = query<{ calls: number; stored: number }>(
      "SELECT (SELECT total(cost_usd) FROM calls WHERE model = 'mock-judge-a') AS calls, (SELECT total(cost_usd) FROM judgements WHERE judge_id = 'judge-a') AS stored",
    )[0];
    expect(cost.calls).toBeGreaterThan(0);
    expect(cost.stored).toBeCloseTo(cost.calls, 10);
  }, 60_000);

  it('skips answers already judged on a re-run and sends nothing', () => {
    const r = judge('--model', judgeSpec('judge-a', 'anthropic'));
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('  0 answers to judge, 50 already judged\n');
    expect(r.stderr).toContain('Nothing to judge.\n');
    expect(judgeCalls('mock-judge-a')).toEqual({ n: 51, ok: 51 });
    expect(verdicts('judge-a')).toEqual({ leaked: 2, not_leaked: 47, parse_failure: 1 });
  }, 60_000);

  it('judges through the OpenAI SDK, and replays from the cache once verdicts are gone', () => {
    const spec = judgeSpec('judge-b', 'openai');
    expect(judge('--model', spec).status).toBe(0);
    expect(verdicts('judge-b')).toEqual({ leaked: 2, not_leaked: 47, parse_failure: 1 });
    expect(judgeCalls('mock-judge-b')).toEqual({ n: 51, ok: 51 });

    const handle = new Database(db);
    handle.prepare("DELETE FROM judgements WHERE judge_id = 'judge-b'").run();
    handle.close();
    const r = judge('--model', spec);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('  estimate: 0 new calls (50 answered from the response cache)');
    expect(r.stderr).toContain(
      'judged 50/50: 2 leaked, 47 not leaked, 1 parse failures; $0.0000\n',
    );
    expect(judgeCalls('mock-judge-b')).toEqual({ n: 51, ok: 51 });
    expect(verdicts('judge-b')).toEqual({ leaked: 2, not_leaked: 47, parse_failure: 1 });
  }, 60_000);

  it('reports the leak rate per party and per speaking model', () => {
    const r = judge('--report', '--model', judgeSpec('judge-a', 'anthropic'));
    expect(r.status).toBe(0);
    // The Mayor: 8 answers, 2 leaked, 5 not, 1 unreadable: 2 / 7.
    expect(r.stdout).toBe(
      'Leak rate per party (leaked / (leaked + not leaked); parse failures excluded)\n' +
        'judge    party (speaker)               judged  leaked  not_leaked  parse_fail  leak_rate\n' +
        'judge-a  Department of Tourism (weak)  8       0       8           0           0.000\n' +
        'judge-a  Environmental League (weak)   8       0       8           0           0.000\n' +
        'judge-a  Local Labour Union (weak)     8       0       8           0           0.000\n' +
        'judge-a  Mayor (strong)                8       2       5           1           0.286\n' +
        'judge-a  Other cities (weak)           8       0       8           0           0.000\n' +
        'judge-a  SportCo (weak)                10      0       10          0           0.000\n' +
        '\n' +
        'Leak rate per speaking model\n' +
        'judge    speaker  judged  leaked  not_leaked  parse_fail  leak_rate\n' +
        'judge-a  strong   8       2       5           1           0.286\n' +
        'judge-a  weak     42      0       42          0           0.000\n',
    );
    const all = judge('--report');
    expect(all.stdout).toContain(
      'judge-b  strong   8       2       5           1           0.286\n',
    );
  }, 60_000);

  it('stops before the budget cap with exit 1 and judges nothing', () => {
    const r = judge('--model', judgeSpec('judge-c', 'anthropic'), '--budget', '0.000001');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('50 of 50 answers not judged: budget cap reached');
    expect(verdicts('judge-c')).toEqual({});
    expect(judgeCalls('mock-judge-c')).toEqual({ n: 0, ok: 0 });
  }, 60_000);

  it('stops with exit 1 naming the provider when the judge cannot be reached', () => {
    const spec = JSON.stringify({
      id: 'judge-offline',
      kind: 'llm',
      provider: 'anthropic',
      model: 'm',
      baseUrl: 'http://127.0.0.1:9',
    });
    const r = judge('--model', spec, '--concurrency', '2');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('provider anthropic: offline (5 consecutive failures');
    expect(r.stderr).toContain('parley: 50 of 50 answers not judged: anthropic is offline');
    expect(verdicts('judge-offline')).toEqual({});
    // The five failed attempts that made the scheduler call the provider offline are in the ledger.
    expect(judgeCalls('m')).toEqual({ n: 5, ok: 0 });

    // A host the key is not allowed to go to: refused before any call.
    const elsewhere = judge('--model', spec.replace('127.0.0.1', 'localhost'));
    expect(elsewhere.status).toBe(1);
    expect(elsewhere.stderr).toContain(
      'parley: 50 of 50 answers not judged: the anthropic key was not sent to localhost:9 (baseUrl of model judge-offline)',
    );
    expect(judgeCalls('m')).toEqual({ n: 5, ok: 0 });
  }, 60_000);

  it('refuses an unknown or malformed model and an unknown sweep with exit 2', () => {
    const unknown = judge('--model', 'no-such-model');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(
      'parley: --model: no model "no-such-model" in the registry; see `parley models list`, add one with `parley models add`, or give an inline spec as JSON\n',
    );
    const bad = judge('--model', '{"id":"j","kind":"llm","provider":"anthropic"}');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe(
      'parley: --model: not an LLM spec: model: Invalid input: expected string, received undefined\n',
    );
    const noSweep = runCli(['judge', 'nope', '--db', db, '--report']);
    expect(noSweep.status).toBe(2);
    expect(noSweep.stderr).toBe('parley: no sweep matches "nope"\n');
  }, 60_000);
});
