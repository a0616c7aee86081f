// `parley export --format bargain`: a sweep's item-allocation games in the newer result schema
// of the item-allocation research codebase (DESIGN 11), one run_N_experiment_results.json and
// run_N_all_interactions.json per game, so its analysis scripts read games Parley played.
// Parley stores the replies, not the prompts it sent, so every interaction's prompt is empty.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itemNamesOf, type ItemAllocationParams } from '../../games/item-allocation';
import { agentName } from '../../games/types';
import type { TurnRecord } from '../../src-shared/game';
import { PASS_CACHE_KIB } from '../analysis/dataset';
import type { Store } from '../store/store';
import type { GameRow } from '../store/types';
import { streamResultRows } from './results';

type Alloc = Record<string, number[]>;

/** Parley's allocation (owner per item) as {Agent_1: [item indices], ...}. */
export function bargainAllocation(allocation: readonly number[], n: number): Alloc {
  const out: Alloc = {};
  for (let i = 0; i < n; i++) out[agentName(i)] = [];
  allocation.forEach((owner, k) => out[agentName(owner)].push(k));
  return out;
}

const epoch = (iso: string | null) => (iso ? Date.parse(iso) / 1000 : null);
const allocOf = (p: unknown, n: number) =>
  bargainAllocation((p as { allocation: number[] }).allocation, n);

function conversationLogs(g: GameRow, turns: readonly TurnRecord[]): unknown[] {
  const n = g.nAgents;
  const spoken = new Map<number, number>();
  const logs: unknown[] = [];
  for (const t of turns) {
    const from = t.agent < 0 ? 'system' : agentName(t.agent);
    if (t.phase === 'discussion' && t.visibility === 'public') {
      const order = (spoken.get(t.round) ?? 0) + 1;
      spoken.set(t.round, order);
      logs.push({
        phase: 'discussion',
        round: t.round,
        from,
        content: t.text,
        speaker_order: ((order - 1) % n) + 1,
        total_speakers: n,
      });
    } else if (t.phase === 'proposal' && t.status === 'ok') {
      const allocation = allocOf(t.action, n);
      logs.push({
        phase: 'proposal',
        round: t.round,
        from,
        content: `I propose this allocation: ${JSON.stringify(allocation)} - ${t.text}`,
        proposal: { allocation, reasoning: t.text, proposed_by: from, round: t.round },
        agent_id: from,
      });
    } else if (t.phase === 'listing') {
      const listed = (t.action as { number: number; proposer: number; proposal: unknown }[]) ?? [];
      logs.push({
        phase: 'proposal_enumeration',
        round: t.round,
        from: 'system',
        content: t.text,
        enumerated_proposals: listed.map((p) => {
          const allocation = allocOf(p.proposal, n);
          const proposer = agentName(p.proposer);
          return {
            proposal_number: p.number,
            proposer,
            allocation,
            reasoning: '',
            original_proposal: { allocation, proposed_by: proposer, round: t.round },
          };
        }),
        agent_id: 'system',
        message_type: 'enumeration',
      });
    } else if (t.phase === 'tally') {
      logs.push({
        phase: 'vote_tabulation',
        round: t.round,
        from: 'system',
        content: tabulationText(t, n),
      });
    }
  }
  return logs;
}

/** The tally in the research code's wording ("Proposal #1: 2 accept, 0 reject"), which its scripts parse. */
function tabulationText(t: TurnRecord, n: number): string {
  const a = t.action as { accepts: number[]; accepted: number | null };
  const lines = [`📊 VOTE TABULATION - Round ${t.round}`, '='.repeat(60)];
  a.accepts.forEach((count, j) =>
    lines.push(`Proposal #${j + 1}: ${count} accept, ${n - count} reject`),
  );
  lines.push(
    a.accepted === null
      ? '\n❌ No proposal achieved unanimous acceptance.'
      : `\n✅ CONSENSUS REACHED! Proposal #${a.accepted} accepted unanimously!`,
  );
  return lines.join('\n');
}

function interactions(g: GameRow, turns: readonly TurnRecord[], experimentId: string): unknown[] {
  const n = g.nAgents;
  const out: unknown[] = [];
  const entry = (t: TurnRecord, phase: string, response: string) => ({
    timestamp: epoch(g.finishedAt),
    experiment_id: experimentId,
    agent_id: agentName(t.agent),
    phase,
    round: t.round,
    prompt: '',
    response,
    model_name: g.participants[t.agent].id,
  });
  for (const t of turns) {
    if (t.agent < 0) continue;
    const r = t.round;
    if (t.phase === 'setup') out.push({ ...entry(t, 'game_setup', ''), prompt: t.text });
    else if (t.phase === 'discussion') out.push(entry(t, `discussion_round_${r}`, t.text));
    else if (t.phase === 'thinking') out.push(entry(t, `private_thinking_round_${r}`, t.text));
    else if (t.phase === 'reflection') out.push(entry(t, `reflection_round_${r}`, t.text));
    else if (t.phase === 'proposal' && t.status === 'ok')
      out.push(
        entry(
          t,
          `proposal_round_${r}`,
          JSON.stringify({ allocation: allocOf(t.action, n), reasoning: t.text }),
        ),
      );
    else if (t.phase === 'vote') {
      const votes = (t.action as { votes: string[] }).votes;
      votes.forEach((vote, j) =>
        out.push(
          entry(
            t,
            `voting_round_${r}_proposal_${j + 1}`,
            JSON.stringify({
              voter: agentName(t.agent),
              proposal_number: j + 1,
              vote_decision: vote,
              reasoning: t.text,
              round: r,
            }),
          ),
        ),
      );
    }
  }
  return out;
}

function experimentResults(
  g: GameRow,
  turns: readonly TurnRecord[],
  experimentId: string,
): unknown {
  const n = g.nAgents;
  const agents = Array.from({ length: n }, (_, i) => agentName(i));
  const params = g.params as ItemAllocationParams;
  const o = g.outcome!;
  const prefs = (g.instance!.preferences as { values: number[] }[]).map((p) => p.values);
  const cosines = ((g.instance!.realised as { cosines?: number[] }).cosines ?? []) as number[];
  const pairs: Record<string, number> = {};
  let c = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) pairs[`agent_${i}_vs_agent_${j}`] = cosines[c++];
  const byAgent = <T>(f: (i: number) => T) => Object.fromEntries(agents.map((a, i) => [a, f(i)]));
  const best = o.deal ? o.utilities.indexOf(Math.max(...o.utilities)) : -1;
  const focal = g.participants.findIndex((p) => p.id === g.focalId);
  return {
    experiment_id: experimentId,
    timestamp: epoch(g.finishedAt),
    config: {
      game_type: 'item_allocation',
      m_items: params.items,
      n_agents: n,
      t_rounds: g.protocol.rounds,
      gamma_discount: g.protocol.gamma,
      competition_level: g.competitionLevel,
      random_seed: g.seed,
      discussion_turns: g.protocol.discussionTurns,
      model_order: g.order,
      actual_order: g.order,
      experiment_id: experimentId,
      agents,
      items: itemNamesOf(params).map((name) => ({ name })),
      preferences_summary: { type: 'competitive', cosine_similarities: pairs },
      parley: { game_id: g.id, focal_agent: agentName(Math.max(focal, 0)) },
    },
    consensus_reached: o.deal,
    final_round: o.deal ? o.round : g.protocol.rounds,
    winner_agent_id: best >= 0 ? agents[best] : null,
    final_utilities: o.deal ? byAgent((i) => o.utilities[i]) : {},
    final_allocation: o.deal ? allocOf(o.proposal, n) : {},
    agent_preferences: byAgent((i) => prefs[i]),
    conversation_logs: conversationLogs(g, turns),
    agent_performance: byAgent((i) => ({
      final_utility: o.utilities[i],
      model: g.participants[i].id,
    })),
    proposal_winners: Object.fromEntries(g.participants.map((p, i) => [p.id, o.proposer === i])),
    utility_winners: Object.fromEntries(g.participants.map((p, i) => [p.id, i === best])),
  };
}

/**
 * Writes the sweep's finished item-allocation games as run_1..run_N (in results.csv order);
 * returns the paths. Throws when the sweep holds another game kind (the schema is item allocation's).
 */
export function writeBargainExport(store: Store, sweepId: string, outDir: string): string[] {
  return store.withReadCache(PASS_CACHE_KIB, () => writeRuns(store, sweepId, outDir));
}

function writeRuns(store: Store, sweepId: string, outDir: string): string[] {
  // Two streamed passes over the results (no game is held): check the kinds, then write.
  const finished = function* () {
    for (const r of streamResultRows(store, sweepId)) if (r.status === 'finished') yield r;
  };
  let count = 0;
  for (const r of finished()) {
    if (r.kind !== 'item-allocation')
      throw new Error(
        `the bargain format holds item-allocation games only; game ${r.game_id} is ${r.kind}`,
      );
    count++;
  }
  if (count === 0) throw new Error('the sweep has no finished games to export');
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  let run = 0;
  for (const r of finished()) {
    const g = store.getGame(r.game_id)!;
    run++;
    const experimentId = `parley_${sweepId}_run_${run}`;
    const turns = store.getTurns(g.id);
    const write = (name: string, value: unknown) => {
      const path = join(outDir, name);
      writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
      files.push(path);
    };
    write(`run_${run}_experiment_results.json`, experimentResults(g, turns, experimentId));
    write(`run_${run}_all_interactions.json`, interactions(g, turns, experimentId));
  }
  return files;
}
