// A bargain run's transcript as Parley turns: the public conversation log (discussion,
// proposals, their enumeration, the tally) merged with the private interactions (setup prompts,
// thinking, votes, reflection), each in its protocol phase and visibility.
import type { GameDefinition } from '../../games/types';
import type { GameInstance, Phase, TurnRecord, Vote } from '../../src-shared/game';
import { PHASES } from '../../src-shared/game';
import type { BargainInteraction, BargainLogEntry } from './bargain-schema';
import { ImportError } from './types';

export type Seats = ReadonlyMap<string, number>;

/** A bargain allocation ({agent: [item indices]}) in Parley's form, or why it is not valid. */
export function toParleyAllocation(
  game: GameDefinition,
  instance: GameInstance,
  allocation: Record<string, number[]>,
  seats: Seats,
): { ok: true; proposal: unknown } | { ok: false; error: string } {
  const names = (instance.params as { itemNames: string[] }).itemNames;
  const owners = new Array<number>(names.length).fill(-1);
  for (const [agent, items] of Object.entries(allocation)) {
    const seat = seats.get(agent);
    if (seat === undefined) return { ok: false, error: `allocation names unknown agent ${agent}` };
    for (const k of items) {
      if (!Number.isInteger(k) || k < 0 || k >= names.length)
        return { ok: false, error: `allocation gives ${agent} item ${k}, which does not exist` };
      if (owners[k] !== -1)
        return { ok: false, error: `allocation gives item ${k} (${names[k]}) to two agents` };
      owners[k] = seat;
    }
  }
  const missing = owners.flatMap((o, k) => (o === -1 ? [`${k} (${names[k]})`] : []));
  if (missing.length > 0)
    return { ok: false, error: `allocation gives item ${missing.join(', ')} to nobody` };
  const check = game.validateProposal(instance, { allocation: owners });
  return check.ok ? { ok: true, proposal: check.proposal } : check;
}

/** The counts of a tally text ("Proposal #1: 2 accept, 0 reject"), by proposal number. */
export function tallyCounts(text: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const m of text.matchAll(/Proposal #(\d+):\s*(\d+) accept/g))
    out.set(Number(m[1]), Number(m[2]));
  return out;
}

/** The proposal the tally text announces as accepted, if it names one. */
export function tallyAnnounced(text: string): number | null {
  const m = /Proposal #(\d+) accepted/.exec(text);
  return m ? Number(m[1]) : null;
}

interface Context {
  game: GameDefinition;
  instance: GameInstance;
  seats: Seats;
  file: string;
}

const PHASE_ORD = new Map<string, number>(PHASES.map((p, i) => [p, i]));

/** Builds the turns; `counters` gives each (round, phase, agent) its next pass or attempt. */
export function bargainTurns(
  ctx: Context,
  logs: readonly BargainLogEntry[],
  interactions: readonly BargainInteraction[],
): { turns: TurnRecord[]; skipped: string[] } {
  const turns: TurnRecord[] = [];
  const skipped = new Set<string>();
  const used = new Map<string, number>();
  const next = (round: number, phase: Phase, agent: number) => {
    const key = `${round}/${phase}/${agent}`;
    const n = used.get(key) ?? 0;
    used.set(key, n + 1);
    return n;
  };
  const seatOf = (agent: string, where: string) => {
    const seat = ctx.seats.get(agent);
    if (seat === undefined)
      throw new ImportError(`${where} names agent ${agent}, who is not in config.agents`);
    return seat;
  };
  const base = (round: number, phase: Phase, agent: number) => ({
    round,
    phase,
    agent,
    pass: 0,
    attempt: 0,
    status: 'ok' as const,
  });

  logs.forEach((e, i) => {
    const where = `conversation_logs[${i}]`;
    if (e.phase === 'discussion') {
      const agent = seatOf(e.from, where);
      const pass = next(e.round, 'discussion', agent);
      turns.push({
        ...base(e.round, 'discussion', agent),
        pass,
        visibility: 'public',
        text: e.content,
        action: null,
      });
    } else if (e.phase === 'proposal') {
      const agent = seatOf(e.from, where);
      const attempt = next(e.round, 'proposal', agent);
      const raw = e.proposal?.allocation;
      const check = raw
        ? toParleyAllocation(ctx.game, ctx.instance, raw, ctx.seats)
        : { ok: false as const, error: 'the log entry carries no proposal' };
      turns.push({
        ...base(e.round, 'proposal', agent),
        attempt,
        visibility: 'public',
        text: e.content,
        ...(check.ok
          ? { action: check.proposal }
          : { action: raw ?? null, status: 'invalid' as const, error: check.error }),
      });
    } else if (e.phase === 'proposal_enumeration') {
      const listed = (e.enumerated_proposals ?? []).map((p) => {
        const check = toParleyAllocation(ctx.game, ctx.instance, p.allocation, ctx.seats);
        return {
          number: p.proposal_number,
          proposer: seatOf(p.proposer, `${where}.enumerated_proposals`),
          proposal: check.ok ? check.proposal : p.allocation,
        };
      });
      turns.push({
        ...base(e.round, 'listing', -1),
        visibility: 'public',
        text: e.content,
        action: listed,
      });
    } else if (e.phase === 'vote_tabulation') {
      turns.push({
        ...base(e.round, 'tally', -1),
        visibility: 'public',
        text: e.content,
        action: null,
      });
    } else {
      skipped.add(`conversation_logs phase "${e.phase}"`);
    }
  });

  const votes = new Map<
    string,
    { round: number; agent: number; byNumber: Map<number, { vote: string; text: string }> }
  >();
  interactions.forEach((e, i) => {
    const where = `interactions[${i}]`;
    const phase = interactionPhase(e.phase);
    if (phase === 'ignored') return;
    if (phase === null) {
      skipped.add(`interactions phase "${e.phase}"`);
      return;
    }
    const agent = seatOf(e.agent_id, where);
    if (phase === 'setup') {
      const pass = e.phase === 'game_setup' ? 0 : 1;
      turns.push({
        ...base(0, 'setup', agent),
        pass,
        visibility: 'private',
        text: `${e.prompt}\n\n--- reply ---\n${e.response}`,
        action: null,
      });
    } else if (phase === 'vote') {
      const key = `${e.round}/${agent}`;
      const entry = votes.get(key) ?? { round: e.round, agent, byNumber: new Map() };
      const number = Number(/_proposal_(\d+)$/.exec(e.phase)![1]);
      entry.byNumber.set(number, parseVote(e.response));
      votes.set(key, entry);
    } else {
      const pass = next(e.round, phase, agent);
      turns.push({
        ...base(e.round, phase, agent),
        pass,
        visibility: 'private',
        text: e.response,
        action: null,
      });
    }
  });
  for (const v of votes.values()) turns.push(voteTurn(v.round, v.agent, v.byNumber));

  turns.sort(
    (a, b) =>
      a.round - b.round ||
      PHASE_ORD.get(a.phase)! - PHASE_ORD.get(b.phase)! ||
      a.pass - b.pass ||
      a.agent - b.agent ||
      a.attempt - b.attempt,
  );
  return { turns: fillTallies(turns, ctx.instance.nAgents), skipped: [...skipped] };
}

/** The protocol phase of the model call behind an interactions entry, or null for none known. */
export function callPhase(phase: string): Phase | null {
  const m = /^(discussion|proposal)_round_\d+$/.exec(phase);
  if (m) return m[1] as Phase;
  const p = interactionPhase(phase);
  return p === 'ignored' ? null : p;
}

/** The Parley phase of an interactions entry; 'ignored' for copies of the conversation log. */
function interactionPhase(phase: string): Phase | 'ignored' | null {
  if (phase === 'game_setup' || phase === 'preference_assignment') return 'setup';
  if (/^private_thinking_round_\d+$/.test(phase)) return 'thinking';
  if (/^voting_round_\d+_proposal_\d+$/.test(phase)) return 'vote';
  if (/^reflection_round_\d+$/.test(phase)) return 'reflection';
  if (/^(discussion|proposal)_round_\d+$/.test(phase)) return 'ignored';
  return null;
}

function parseVote(response: string): { vote: string; text: string } {
  try {
    const v = JSON.parse(response) as {
      vote_decision?: unknown;
      vote?: unknown;
      reasoning?: unknown;
    };
    const vote = String(v.vote_decision ?? v.vote ?? '');
    return { vote, text: typeof v.reasoning === 'string' ? v.reasoning : '' };
  } catch {
    return { vote: '', text: response };
  }
}

function voteTurn(
  round: number,
  agent: number,
  byNumber: Map<number, { vote: string; text: string }>,
): TurnRecord {
  const numbers = [...byNumber.keys()].sort((a, b) => a - b);
  const last = numbers[numbers.length - 1] ?? 0;
  const votes: Vote[] = [];
  const synthetic: number[] = [];
  const lines: string[] = [];
  for (let j = 0; j < last; j++) {
    const v = byNumber.get(j + 1);
    const vote = v?.vote === 'accept' || v?.vote === 'reject' ? v.vote : null;
    votes.push(vote ?? 'reject');
    if (vote === null) synthetic.push(j);
    lines.push(
      `Proposal ${j + 1}: ${vote ?? 'missing (counted as reject)'}${v?.text ? ` - ${v.text}` : ''}`,
    );
  }
  return {
    round,
    phase: 'vote',
    pass: 0,
    agent,
    attempt: 0,
    visibility: 'private',
    text: lines.join('\n'),
    action: { votes, synthetic },
    status: synthetic.length > 0 ? 'synthetic' : 'ok',
    ...(synthetic.length > 0
      ? {
          error: `missing or invalid vote for proposal ${synthetic.map((j) => j + 1).join(', ')}; counted as reject`,
        }
      : {}),
  };
}

/** Each tally's action: the published counts, the passing numbers, and every agent's votes if known. */
function fillTallies(turns: TurnRecord[], n: number): TurnRecord[] {
  return turns.map((t) => {
    if (t.phase !== 'tally') return t;
    const counts = tallyCounts(t.text);
    const numbers = [...counts.keys()].sort((a, b) => a - b);
    const passing = numbers.filter((k) => counts.get(k) === n);
    const voteTurns = turns.filter((v) => v.phase === 'vote' && v.round === t.round);
    const votes =
      voteTurns.length === n
        ? [...voteTurns]
            .sort((a, b) => a.agent - b.agent)
            .map((v) => (v.action as { votes: Vote[] }).votes)
        : undefined;
    const action = {
      ...(votes ? { votes } : {}),
      accepts: numbers.map((k) => counts.get(k)!),
      passing,
      accepted: passing[0] ?? null,
      isTieBreak: false,
    };
    return { ...t, action };
  });
}
