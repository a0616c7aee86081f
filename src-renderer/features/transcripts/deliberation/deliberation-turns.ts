// A deliberation transcript regrouped by turn: each turn's private reply (scratchpad and plan,
// with any re-asked attempts) and its public answer, matched to the scored deal it proposed.
import type { ScoredDeal, TurnView } from '../../../../src-shared/contract';

export interface DeliberationTurn {
  /** The turn number (the transcript's round): 1 is p1's opening. */
  turn: number;
  seat: number;
  /** Every reply of the turn in order (a re-asked reply has attempt > 0). */
  replies: ReplyView[];
  /** The public answer; null while the turn is under way or when no reply parsed. */
  answer: TurnView | null;
  deal: ScoredDeal | null;
}

export interface ReplyView {
  turn: TurnView;
  /** The parsed parts; null when the reply did not follow the format (raw text in turn.text). */
  scratchpad: string | null;
  plan: string | null;
}

function replyOf(turn: TurnView): ReplyView {
  const a = turn.action as { scratchpad?: unknown; plan?: unknown } | null;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null);
  return { turn, scratchpad: text(a?.scratchpad), plan: text(a?.plan) };
}

/** The turns of a deliberation transcript in order, setup prompts left out. */
export function deliberationTurns(
  turns: readonly TurnView[],
  deals: readonly ScoredDeal[],
): DeliberationTurn[] {
  const bySeq = new Map(deals.map((d) => [d.seq, d]));
  const out = new Map<number, DeliberationTurn>();
  for (const t of turns) {
    if (t.phase !== 'scratchpad' && t.phase !== 'answer') continue;
    const entry = out.get(t.round) ?? {
      turn: t.round,
      seat: t.agent,
      replies: [],
      answer: null,
      deal: null,
    };
    if (t.phase === 'scratchpad') entry.replies.push(replyOf(t));
    else {
      entry.answer = t;
      entry.deal = bySeq.get(t.seq) ?? null;
    }
    out.set(t.round, entry);
  }
  return [...out.values()].sort((a, b) => a.turn - b.turn);
}

/** "SportCo" -> "SC", "Department of Tourism" -> "DoT": a party's mark in the schedule strip. */
export function partyInitials(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 1) {
    const caps = name.replace(/[^A-Z]/g, '');
    return caps.length >= 2 ? caps.slice(0, 3) : name.slice(0, 3);
  }
  return words.map((w) => (/^(of|the|and)$/i.test(w) ? w[0].toLowerCase() : w[0])).join('');
}
