// Score-leakage judgements (migration 0008): one verdict per judged public answer and judge.
import type { Sql } from './sql';
import { now } from './sql';

export const JUDGE_VERDICTS = ['leaked', 'not_leaked', 'parse_failure'] as const;
export type JudgeVerdict = (typeof JUDGE_VERDICTS)[number];

/** A verdict on one public answer (the turn `seq` of game `gameId`). */
export interface Judgement {
  gameId: string;
  seq: number;
  /** The judge's participant id (registry id or inline spec id). */
  judgeId: string;
  provider: string;
  model: string;
  /** The judged turn's round and speaker. */
  round: number;
  agent: number;
  verdict: JudgeVerdict;
  /** The judge's one-line reason; null for a parse failure. */
  reason: string | null;
  /** The judge's last reply as received. */
  rawText: string;
  /** Why the last reply did not parse; null when it did. */
  error: string | null;
  /** Cost of the replies (0 when they came from the response cache). */
  costUsd: number;
}

export interface JudgementRow extends Judgement {
  createdAt: string;
}

interface DbJudgement {
  game_id: string;
  seq: number;
  judge_id: string;
  provider: string;
  model: string;
  round: number;
  agent: number;
  verdict: string;
  reason: string | null;
  raw_text: string;
  error: string | null;
  cost_usd: number;
  created_at: string;
}

const toJudgement = (r: DbJudgement): JudgementRow => ({
  gameId: r.game_id,
  seq: r.seq,
  judgeId: r.judge_id,
  provider: r.provider,
  model: r.model,
  round: r.round,
  agent: r.agent,
  verdict: r.verdict as JudgeVerdict,
  reason: r.reason,
  rawText: r.raw_text,
  error: r.error,
  costUsd: r.cost_usd,
  createdAt: r.created_at,
});

export interface JudgementStore {
  /** Store a verdict; a turn already judged by the same judge keeps its first verdict (returns false). */
  recordJudgement(j: Judgement): boolean;
  /** The verdicts on the games of a sweep, optionally of one judge, in game and turn order. */
  listJudgements(query: { sweepId: string; judgeId?: string }): JudgementRow[];
}

export function judgementMethods({ stmt }: Sql): JudgementStore {
  return {
    recordJudgement(j) {
      const { changes } = stmt(
        `INSERT INTO judgements (game_id, seq, judge_id, provider, model, round, agent, verdict,
           reason, raw_text, error, cost_usd, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (game_id, seq, judge_id) DO NOTHING`,
      ).run(
        j.gameId,
        j.seq,
        j.judgeId,
        j.provider,
        j.model,
        j.round,
        j.agent,
        j.verdict,
        j.reason,
        j.rawText,
        j.error,
        j.costUsd,
        now(),
      );
      return changes === 1;
    },

    listJudgements({ sweepId, judgeId }) {
      const rows = stmt(
        `SELECT j.* FROM judgements j JOIN sweep_games sg ON sg.game_id = j.game_id
         WHERE sg.sweep_id = ? AND (? IS NULL OR j.judge_id = ?)
         ORDER BY j.game_id, j.seq, j.judge_id`,
      ).all(sweepId, judgeId ?? null, judgeId ?? null) as DbJudgement[];
      return rows.map(toJudgement);
    },
  };
}
