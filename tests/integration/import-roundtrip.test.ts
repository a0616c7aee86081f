// parley export --format bargain, then parley import of what it wrote: a played demo sweep
// (strategy agents, one run per cell) comes back with equal outcomes, values and seating, and the
// written files follow the research code's newer result schema.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBargainExport } from '../../src-main/export/bargain';
import { resultRows } from '../../src-main/export/results';
import { importPaths, type ImportSummary } from '../../src-main/import/run-import';
import { openStore, type Store } from '../../src-main/store/store';
import { demoSweep } from '../../src-main/sweeps/demo';
import { SweepService } from '../../src-main/sweeps/service';
import { tempDir } from './cli-helpers';

const tmp = tempDir('parley-import-roundtrip-');
const out = join(tmp.dir, 'bargain');
let store: Store;
let sweepId: string;
let summary: ImportSummary;

beforeAll(async () => {
  store = openStore(join(tmp.dir, 'roundtrip.db'));
  const service = new SweepService(store);
  ({ sweepId } = service.create({ ...demoSweep(), runs: { count: 1, baseSeed: 7 } }));
  await service.start(sweepId);
  writeBargainExport(store, sweepId, out);
  summary = importPaths(store, [out]);
});
afterAll(() => {
  store.close();
  tmp.cleanup();
});

describe('bargain export and import', () => {
  it('writes two files per finished game and imports every game back without a flag', () => {
    expect(store.countGamesByStatus(sweepId).finished).toBe(50);
    expect(readdirSync(out)).toHaveLength(100);
    expect(summary).toMatchObject({ imported: 50, unchanged: 0, failed: [], flagged: [] });
    expect(summary.sweeps).toHaveLength(1);
  });

  it('gives every game back with an equal outcome, values and seating', () => {
    const played = resultRows(store, sweepId).map((r) => store.getGame(r.game_id)!);
    const imported = new Map(
      store.listGames({ sweepId: summary.sweeps[0] }).map((g) => [g.runIndex, g]),
    );
    const view = (g: (typeof played)[number]) => ({
      outcome: g.outcome,
      preferences: g.instance!.preferences,
      seats: g.participants.map((p) => p.id),
      focalId: g.focalId,
      order: g.order,
      competitionLevel: g.competitionLevel,
      seed: g.seed,
      // The bargain schema has no proposal attempts or veto holders (it is always unanimous).
      protocol: { ...g.protocol, maxProposalAttempts: null, vetoHolders: null },
    });
    played.forEach((g, i) => {
      expect(view(imported.get(i)!)).toEqual(view(g));
    });
  });

  it('writes the newer schema: agent_preferences, final_allocation, per-proposal votes', () => {
    const game = resultRows(store, sweepId)
      .map((r) => store.getGame(r.game_id)!)
      .findIndex((g) => g.outcome!.deal);
    const run = game + 1;
    const results = JSON.parse(
      readFileSync(join(out, `run_${run}_experiment_results.json`), 'utf8'),
    ) as Record<string, unknown>;
    const played = store.getGame(resultRows(store, sweepId)[game].game_id)!;
    const o = played.outcome!;
    expect(Object.keys(results)).toEqual([
      'experiment_id',
      'timestamp',
      'config',
      'consensus_reached',
      'final_round',
      'winner_agent_id',
      'final_utilities',
      'final_allocation',
      'agent_preferences',
      'conversation_logs',
      'agent_performance',
      'proposal_winners',
      'utility_winners',
    ]);
    const owners = (o.proposal as { allocation: number[] }).allocation;
    expect(results.final_allocation).toEqual({
      Agent_1: owners.flatMap((a, k) => (a === 0 ? [k] : [])),
      Agent_2: owners.flatMap((a, k) => (a === 1 ? [k] : [])),
    });
    expect(results.final_utilities).toEqual({ Agent_1: o.utilities[0], Agent_2: o.utilities[1] });
    expect(results.agent_preferences).toEqual({
      Agent_1: (played.instance!.preferences[0] as { values: number[] }).values,
      Agent_2: (played.instance!.preferences[1] as { values: number[] }).values,
    });
    const interactions = JSON.parse(
      readFileSync(join(out, `run_${run}_all_interactions.json`), 'utf8'),
    ) as { phase: string; response: string }[];
    const vote = interactions.find((e) => e.phase === `voting_round_${o.round}_proposal_1`)!;
    expect(Object.keys(JSON.parse(vote.response) as object)).toEqual([
      'voter',
      'proposal_number',
      'vote_decision',
      'reasoning',
      'round',
    ]);
  });
});
