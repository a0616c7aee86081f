// calls_per_game (issue 16): one 10-round LLM game (an Anthropic and an OpenAI seat, both against
// the mock on 127.0.0.1 through the real SDKs, runtime, sweep service and SQLite store), played
// against a mock that follows the format and against one that answers in prose (and follows
// the format only when re-asked). Figure: calls made (HTTP requests the mock answered) over the
// minimum (one call per agent turn of the transcript: each distinct round, phase, pass and seat).
// Each is measured with the default output modes (forced tool, strict JSON schema) and with plain
// text; the figure is the worse of the two.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { SweepInput } from '../../src-shared/sweep';
import { defaultResponder, proseResponder, type MockResponder } from '../mock-llm/responder';
import { startMockLlm } from '../mock-llm/server';
import { openStore } from '../store/store';
import { runAgainstMock } from './mock-sweep';
import type { BenchResult } from './types';

const ROUNDS = 10;

function sweepDoc(url: string, plainText: boolean): SweepInput {
  const mode = plainText ? { structuredOutput: 'none' as const } : {};
  const models: ParticipantSpec[] = [
    {
      id: 'bench-claude',
      kind: 'llm',
      provider: 'anthropic',
      model: 'bench-claude',
      baseUrl: url,
      scores: { capability: 0.4 },
      ...mode,
    },
    {
      id: 'bench-gpt',
      kind: 'llm',
      provider: 'openai',
      model: 'bench-gpt',
      baseUrl: `${url}/v1`,
      scores: { capability: 0.6 },
      ...mode,
    },
  ];
  return {
    name: `calls per game (${plainText ? 'plain text' : 'structured'})`,
    game: { kind: 'item-allocation', params: { items: 5 } },
    rounds: ROUNDS,
    discussionTurns: 1,
    participants: models,
    lineup: { mode: 'baseline', baseline: 'bench-claude', opponents: ['bench-gpt'] },
    // Fully competitive: the mock's proposals rarely pass, so the game runs long.
    competition: { levels: [1] },
    orders: ['weak_first'],
    runs: { count: 1, baseSeed: 7 },
    concurrency: 1,
  };
}

export interface CallsPerGame {
  calls: number;
  minimum: number;
  ratio: number;
  rounds: number;
}

/** Play one game against a mock with `responder`; count its calls and its minimum. */
export async function measureCallsPerGame(
  responder: MockResponder,
  plainText: boolean,
): Promise<CallsPerGame> {
  const mock = await startMockLlm({ responder });
  const dir = mkdtempSync(join(tmpdir(), 'parley-calls-bench-'));
  const store = openStore(join(dir, 'bench.db'));
  try {
    const doc = sweepDoc(mock.url, plainText);
    const { sweepId } = await runAgainstMock(store, doc);
    const [game] = store.listGames({ sweepId });
    if (game?.status !== 'finished') throw new Error(`bench game ended ${game?.status}`);
    const turns = store.getTurns(game.id).filter((t) => t.agent >= 0 && t.phase !== 'setup');
    const slots = new Set(turns.map((t) => `${t.round}/${t.phase}/${t.pass}/${t.agent}`));
    const calls = mock.stats.requests;
    return {
      calls,
      minimum: slots.size,
      ratio: calls / slots.size,
      rounds: Math.max(...turns.map((t) => t.round)),
    };
  } finally {
    store.close();
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function figure(
  name: string,
  responder: MockResponder,
  target: string,
  passes: (ratio: number) => boolean,
): Promise<BenchResult> {
  const structured = await measureCallsPerGame(responder, false);
  const plainText = await measureCallsPerGame(responder, true);
  const value = Math.max(structured.ratio, plainText.ratio);
  return {
    name,
    value: Math.round(value * 1000) / 1000,
    unit: 'calls / minimum calls',
    target,
    pass: passes(value),
    detail: { structured, plainText },
  };
}

/** Against a mock that follows the format: every turn takes exactly one call. */
export function callsPerGame(): Promise<BenchResult> {
  return figure('calls_per_game', defaultResponder, '1.0', (r) => r === 1);
}

/** Against a mock that answers in prose until re-asked: at most two calls per turn. */
export function callsPerGameProse(): Promise<BenchResult> {
  return figure('calls_per_game_prose', proseResponder, '<= 2.0', (r) => r <= 2);
}
