// The UI benchmarks' data (ui-bench.ts): a 40 x 40 grid sweep with two runs per cell and one
// game of 5,000 messages, written straight into a store.
import { getGame } from '../../games/index';
import type { TurnRecord, Vote } from '../../src-shared/game';
import type { PlannedGame } from '../../src-shared/planned-game';
import type { Store } from '../store/types';
import { BENCH_PROTOCOL, benchGame, benchParticipant } from './bench-games';

export const round2 = (x: number) => Math.round(x * 100) / 100;

export const GRID = 40;
export const RUNS_PER_CELL = 2;
export const TRANSCRIPT_TURNS = 5000;
/** 40 capabilities x 40 competition levels x 2 runs of finished games. */
export function buildGridSweep(store: Store): string {
  const sweepId = 'bench-ui-grid';
  const reference = benchParticipant('reference', 0.5, true);
  const games: PlannedGame[] = [];
  let i = 0;
  for (let x = 0; x < GRID; x++) {
    const c = round2((x + 1) / GRID);
    const focal = benchParticipant(`br-${c}`, c, true);
    for (let y = 0; y < GRID; y++) {
      const level = round2(y / (GRID - 1));
      for (let run = 0; run < RUNS_PER_CELL; run++, i++) {
        games.push(
          benchGame({
            id: `grid${String(i).padStart(6, '0')}`,
            focal,
            reference,
            level,
            seed: i,
            runIndex: run,
            order: 'weak_first',
          }),
        );
      }
    }
  }
  store.transaction(() => {
    store.upsertSweep({
      id: sweepId,
      name: 'bench: 40 x 40 grid',
      spec: { capabilityMetric: 'capability', game: { kind: 'item-allocation' } },
    });
    store.insertPlannedGames(sweepId, games);
    for (const g of games) {
      const u = Math.round(
        100 *
          (0.3 + 0.5 * (g.focalCapability ?? 0) - 0.3 * g.competitionLevel + 0.1 * (g.seed % 3)),
      );
      store.finishGame(g.id, {
        deal: true,
        round: 1,
        proposal: null,
        proposer: 0,
        rawUtilities: [u, 100 - u],
        utilities: [u, 100 - u],
        invalidProposals: [0, 0],
        syntheticVotes: [0, 0],
        parseFailures: [0, 0],
      });
    }
  });
  return sweepId;
}

const WORDS =
  'apple jewel stone quill pencil offer value fair split concede insist propose accept reject round deal utility share keep give'.split(
    ' ',
  );

function text(seed: number): string {
  const n = 8 + ((seed * 7919) % 90);
  return Array.from({ length: n }, (_, k) => WORDS[(seed * 31 + k * 17) % WORDS.length]).join(' ');
}

/** One finished four-agent game with exactly 5,000 committed turns. */
export function buildLongGame(store: Store): string {
  const id = 'bench-ui-long-game';
  const sweepId = 'bench-ui-long';
  const nAgents = 4;
  const agents = Array.from({ length: nAgents }, (_, a) =>
    benchParticipant(`agent-${a}`, round2((a + 1) / 5), true),
  );
  const game = getGame('item-allocation');
  const instance = game.create(game.paramsSchema.parse({ items: 5, competition: 0.5 }), nAgents, 1);
  const turns: TurnRecord[] = [];
  const push = (t: Omit<TurnRecord, 'pass' | 'attempt' | 'status'> & Partial<TurnRecord>) => {
    if (turns.length < TRANSCRIPT_TURNS) turns.push({ pass: 0, attempt: 0, status: 'ok', ...t });
  };
  for (let a = 0; a < nAgents; a++)
    push({
      round: 0,
      phase: 'setup',
      agent: a,
      visibility: 'private',
      text: instance.rules,
      action: null,
    });
  for (let round = 1; turns.length < TRANSCRIPT_TURNS; round++) {
    for (let pass = 0; pass < 10; pass++)
      for (let a = 0; a < nAgents; a++)
        push({
          round,
          phase: 'discussion',
          pass,
          agent: a,
          visibility: 'public',
          text: text(turns.length),
          action: null,
        });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'thinking',
        agent: a,
        visibility: 'private',
        text: text(turns.length),
        action: null,
      });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'proposal',
        agent: a,
        visibility: 'public',
        text: `{"allocation": [${a},${(a + 1) % nAgents},0,1,2]}`,
        action: { allocation: [a, (a + 1) % nAgents, 0, 1, 2] },
      });
    const listed = Array.from({ length: nAgents }, (_, a) => ({
      number: a + 1,
      proposer: a,
      proposal: { allocation: [a, (a + 1) % nAgents, 0, 1, 2] },
    }));
    push({
      round,
      phase: 'listing',
      agent: -1,
      visibility: 'public',
      text: `Round ${round} proposals:\n${listed.map((p) => `${p.number}. by Agent_${p.proposer + 1}: allocation ${JSON.stringify(p.proposal.allocation)}`).join('\n')}`,
      action: listed,
    });
    const votes: Vote[][] = Array.from({ length: nAgents }, (_, a) =>
      listed.map((p) => (p.proposer === a ? 'accept' : 'reject')),
    );
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'vote',
        agent: a,
        visibility: 'private',
        text: votes[a].join(', '),
        action: { votes: votes[a] },
      });
    push({
      round,
      phase: 'tally',
      agent: -1,
      visibility: 'public',
      text: 'No proposal passed.',
      action: { votes, accepted: null },
    });
    for (let a = 0; a < nAgents; a++)
      push({
        round,
        phase: 'reflection',
        agent: a,
        visibility: 'private',
        text: text(turns.length),
        action: null,
      });
  }
  const rounds = turns.at(-1)?.round ?? 1;
  store.transaction(() => {
    store.upsertSweep({
      id: sweepId,
      name: 'bench: 5,000-message game',
      spec: { capabilityMetric: 'capability', game: { kind: 'item-allocation' } },
    });
    store.insertPlannedGames(sweepId, [
      {
        id,
        kind: 'item-allocation',
        params: { items: 5, competition: 0.5 },
        protocol: { ...BENCH_PROTOCOL, rounds, discussionTurns: 10 },
        nAgents,
        participants: agents,
        seed: 1,
        runIndex: 0,
        order: 'weak_first',
        competitionLevel: 0.5,
        rho: null,
        theta: null,
        alpha: null,
        sigma: null,
        focalId: agents[0].id,
        focalCapability: 0.2,
        capabilities: agents.map((a) => a.capability),
      },
    ]);
    store.markGameRunning(id, instance);
    for (const t of turns) store.appendTurn(id, t);
    store.finishGame(id, {
      deal: false,
      round: null,
      proposal: null,
      proposer: null,
      rawUtilities: [0, 0, 0, 0],
      utilities: [0, 0, 0, 0],
      invalidProposals: [0, 0, 0, 0],
      syntheticVotes: [0, 0, 0, 0],
      parseFailures: [0, 0, 0, 0],
    });
  });
  return id;
}

/** The few browser globals the page-side functions use (this file compiles without the DOM lib). */
