// Helpers for the LLM integration tests: sweeps of inline models pointed at the mock LLM, a run
// through the real provider runtime and sweep service, and transcript completeness checks.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { batchSettingsOf } from '../../src-shared/batch';
import { PROVIDERS } from '../../src-shared/participant';
import { PHASES, type TurnRecord } from '../../src-shared/game';
import type { SweepInput } from '../../src-shared/sweep';
import { LlmRuntime, llmSpecsOf, type LlmRuntimeOptions } from '../../src-main/providers/runtime';
import type { Store } from '../../src-main/store/types';
import { SweepService } from '../../src-main/sweeps/service';
import { BIN, ROOT } from './cli-helpers';

export const ANTHROPIC_KEY = 'sk-ant-LEAKCHECK-7f3a9c1e5b2d4068';
export const OPENAI_KEY = 'sk-proj-LEAKCHECK-2c8e6a0f4b9d1357';

/**
 * A config folder (PARLEY_CONFIG_DIR) whose allowed-hosts file lets every provider's key go to
 * 127.0.0.1, where the mock listens: keys are scoped to their official hosts otherwise.
 */
export function loopbackConfig(dir: string): { PARLEY_CONFIG_DIR: string } {
  mkdirSync(dir, { recursive: true });
  const hosts = Object.fromEntries(PROVIDERS.map((p) => [p, ['127.0.0.1']]));
  writeFileSync(join(dir, 'allowed-hosts.json'), JSON.stringify(hosts));
  return { PARLEY_CONFIG_DIR: dir };
}

/** Keys as the runtime reads them (the same shape as KeyStore.get), allowed to 127.0.0.1. */
export const testKeys = {
  allowedHosts: () => ['127.0.0.1'],
  get: (provider: string) =>
    Promise.resolve(
      provider === 'anthropic'
        ? { key: ANTHROPIC_KEY, source: 'env' as const }
        : provider === 'openai'
          ? { key: OPENAI_KEY, source: 'env' as const }
          : null,
    ),
};

/** `doc` with every LLM participant asked for plain text (no forced tool, no JSON schema). */
export function plainText(doc: SweepInput): SweepInput {
  return {
    ...doc,
    participants: doc.participants?.map((p) =>
      typeof p === 'object' && p.kind === 'llm' ? { ...p, structuredOutput: 'none' as const } : p,
    ),
  };
}

/** Two inline models, one per wire format, against `mockUrl`; competition 1 makes games long. */
export function llmSweep(
  mockUrl: string,
  over: Partial<SweepInput> = {},
  openaiUrl = mockUrl,
): SweepInput {
  return {
    name: 'llm integration',
    game: { kind: 'item-allocation', params: { items: 5 } },
    rounds: 3,
    discussionTurns: 1,
    participants: [
      {
        id: 'mock-claude',
        kind: 'llm',
        provider: 'anthropic',
        model: 'mock-claude-1',
        baseUrl: mockUrl,
        scores: { capability: 0.4 },
        prices: { inputUsdPerMtok: 3, outputUsdPerMtok: 15 },
      },
      {
        id: 'mock-gpt',
        kind: 'llm',
        provider: 'openai',
        model: 'mock-gpt-1',
        baseUrl: `${openaiUrl}/v1`,
        scores: { capability: 0.6 },
        prices: { inputUsdPerMtok: 2, outputUsdPerMtok: 8 },
      },
    ],
    lineup: { mode: 'baseline', baseline: 'mock-claude', opponents: ['mock-gpt'] },
    competition: { levels: [0.5, 1] },
    orders: 'both',
    runs: { count: 2, baseSeed: 11 },
    concurrency: 4,
    ...over,
  } satisfies SweepInput;
}

export interface LlmRun {
  sweepId: string;
  service: SweepService;
  runtime: LlmRuntime;
  providerEvents: { provider: string; status: string; detail?: string }[];
  gameEvents: { gameId: string; status: string }[];
}

/** Create the sweep and run it to the end through the runtime (keys from `testKeys`). */
export async function runLlmSweep(
  store: Store,
  doc: SweepInput,
  runtimeOptions: Partial<LlmRuntimeOptions> = {},
  during?: (run: LlmRun) => void,
): Promise<LlmRun> {
  const providerEvents: LlmRun['providerEvents'] = [];
  const gameEvents: LlmRun['gameEvents'] = [];
  // Provider status events go to the service, which is built once the runtime exists.
  const serviceRef: { current?: SweepService } = {};
  const probe = new SweepService(store);
  const v = probe.validate(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.issues));
  const runtime = new LlmRuntime({
    store,
    keys: testKeys,
    sweepId: v.sweepId,
    budgetUsd: v.expanded.sweep.budgetUsd,
    batch: batchSettingsOf(v.expanded.sweep.batch),
    onStatus: (c) => serviceRef.current?.emitProvider(c),
    ...runtimeOptions,
  });
  const missing = await runtime.prepare(llmSpecsOf(v.expanded.games));
  if (missing.length > 0) throw new Error(`missing keys: ${JSON.stringify(missing)}`);
  const service = new SweepService(store, {
    createAgent: runtime.createAgent,
    resumeWhen: runtime.resumeWhen,
  });
  serviceRef.current = service;
  service.on('provider', (e) => providerEvents.push(e));
  service.on('game', (e) => gameEvents.push({ gameId: e.gameId, status: e.status }));
  const { sweepId } = service.create(doc);
  const run: LlmRun = { sweepId, service, runtime, providerEvents, gameEvents };
  during?.(run);
  try {
    await service.start(sweepId);
  } finally {
    runtime.dispose();
  }
  return run;
}

const ORD = new Map<string, number>(PHASES.map((p, i) => [p, i]));
const key = (t: Pick<TurnRecord, 'round' | 'phase' | 'pass' | 'agent' | 'attempt'>) =>
  `${t.round}/${t.phase}/${t.pass}/${t.agent}/${t.attempt}`;

/**
 * The turn keys a finished game must have, derived from the protocol and the game's own
 * proposal attempts: setup, then per round discussion, thinking, proposals, listing, votes,
 * tally and reflection (none after the deal). Returns [expected, actual] in commit order.
 */
export function expectedTurnKeys(
  turns: readonly TurnRecord[],
  n: number,
  discussionTurns: number,
  dealRound: number | null,
  rounds: number,
): { expected: string[]; actual: string[] } {
  const expected: string[] = [];
  const seat = (phase: string, round: number, pass = 0, attempt = 0) =>
    Array.from({ length: n }, (_, agent) =>
      key({ round, phase: phase as TurnRecord['phase'], pass, agent, attempt }),
    );
  expected.push(...seat('setup', 0));
  const last = dealRound ?? rounds;
  for (let round = 1; round <= last; round++) {
    for (let pass = 0; pass < discussionTurns; pass++)
      expected.push(...seat('discussion', round, pass));
    expected.push(...seat('thinking', round));
    for (let agent = 0; agent < n; agent++) {
      const attempts = turns.filter(
        (t) => t.round === round && t.phase === 'proposal' && t.agent === agent,
      );
      const count = Math.max(1, attempts.length);
      for (let attempt = 0; attempt < count; attempt++)
        expected.push(key({ round, phase: 'proposal', pass: 0, agent, attempt }));
    }
    expected.push(key({ round, phase: 'listing', pass: 0, agent: -1, attempt: 0 }));
    const listed = turns.find((t) => t.round === round && t.phase === 'listing');
    if (Array.isArray(listed?.action) && listed.action.length > 0) {
      expected.push(...seat('vote', round));
      expected.push(key({ round, phase: 'tally', pass: 0, agent: -1, attempt: 0 }));
    }
    if (round !== dealRound) expected.push(...seat('reflection', round));
  }
  const sorted = (keys: string[]) =>
    [...keys].sort((a, b) => {
      const [ra, pa, sa, aa, ta] = a.split('/');
      const [rb, pb, sb, ab, tb] = b.split('/');
      return (
        Number(ra) - Number(rb) ||
        (ORD.get(pa) ?? 0) - (ORD.get(pb) ?? 0) ||
        Number(sa) - Number(sb) ||
        Number(ta) - Number(tb) ||
        Number(aa) - Number(ab)
      );
    });
  return { expected: sorted(expected), actual: sorted(turns.map(key)) };
}

/** Sum of every recorded call's usage, for comparison with the store's totals. */
export function sumCalls(store: Store, gameIds: readonly string[]) {
  const sum = {
    calls: 0,
    inputTokens: 0,
    cacheWriteTokens: 0,
    cacheReadTokens: 0,
    outputTokens: 0,
    reasoningTokens: 0,
  };
  let cost = 0;
  let estimated = 0;
  let batchedCalls = 0;
  let batchedCostUsd = 0;
  for (const id of gameIds) {
    for (const c of store.listCalls(id)) {
      if (c.batched) {
        batchedCalls++;
        batchedCostUsd += c.costUsd;
      }
      // A call without a recorded answer counts at its estimate (store/calls.ts).
      if (c.status === 'sent') estimated += c.estimatedCostUsd;
      sum.calls++;
      sum.inputTokens += c.inputTokens;
      sum.cacheWriteTokens += c.cacheWriteTokens;
      sum.cacheReadTokens += c.cacheReadTokens;
      sum.outputTokens += c.outputTokens;
      sum.reasoningTokens += c.reasoningTokens;
      cost += c.status === 'sent' ? c.estimatedCostUsd : c.costUsd;
    }
  }
  return { ...sum, costUsd: cost, estimatedUsd: estimated, batchedCalls, batchedCostUsd };
}

/** Run `parley ...args` as a child process without blocking this process's event loop. */
export function runCliAsync(
  args: string[],
  env: Record<string, string>,
  onStart?: (child: ChildProcess) => void,
): Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, ANTHROPIC_API_KEY: '', OPENAI_API_KEY: '', ...env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    onStart?.(child);
  });
}

/**
 * Games in plan order with outcome and turns, without ids (which include the base URL, and runs
 * compared here use two servers) or timestamps.
 */
export function byPlan(file: string): unknown[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const turns = db.prepare(
      `SELECT seq, round, phase, pass, agent, attempt, visibility, text, action_json, status, error
       FROM turns WHERE game_id = ? ORDER BY seq`,
    );
    return (
      db.prepare('SELECT id, status, outcome_json FROM games ORDER BY rowid').all() as {
        id: string;
        status: string;
        outcome_json: string | null;
      }[]
    ).map((g) => ({ status: g.status, outcome: g.outcome_json, turns: turns.all(g.id) }));
  } finally {
    db.close();
  }
}
