// LLM-Deliberation's history*.json logs (DESIGN 11) read into plain structures: the turn
// schedule, each turn's scratchpad, public answer, deal and plan, and whether the log stops
// early. Pure: scoring needs the game folder, which the deliberation game reads.
import { ImportError } from './types';

export interface DeliberationTurn {
  /** 0 = p1's opening deal; 1..slots = the scheduled turns; slots + 1 = p1's final deal. */
  index: number;
  party: string;
  prompt: string;
  fullAnswer: string;
  publicAnswer: string;
  /** Private notes (<SCRATCHPAD>), null when the answer has none. */
  scratchpad: string | null;
  /** The public answer (<ANSWER>, or the whole public answer when it has no such tag). */
  answer: string;
  /** The last <DEAL> of the public answer as one option per issue, e.g. ['A1', 'B2'], or null. */
  deal: string[] | null;
  /** Private <PLAN> notes, null when the answer has none (the final turn asks for none). */
  plan: string | null;
}

export interface DeliberationLog {
  /** The party scheduled for each turn after the opening, in order. */
  slots: string[];
  turns: DeliberationTurn[];
  plans: Record<string, string[]>;
  finishedRounds: number;
  /** True when the log ends before p1's final deal (finished_rounds < slots + 1). */
  isTruncated: boolean;
}

const tag = (text: string, name: string): string | null => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)(?:</${name}>|$)`).exec(text);
  return m ? m[1].trim() : null;
};

/** The last deal in `text` ("<DEAL> A1, B2 </DEAL>") as options, or null when there is none. */
export function parseDeal(text: string): string[] | null {
  const all = [...text.matchAll(/<DEAL>([\s\S]*?)<\/DEAL>/g)];
  if (all.length === 0) return null;
  const options = all[all.length - 1][1]
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  return options.length > 0 && options.every((o) => /^[A-Z]\d+$/.test(o)) ? options : null;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Parses a history*.json log; an ImportError names the missing or malformed field. */
export function parseDeliberationLog(data: unknown): DeliberationLog {
  if (!isObject(data)) throw new ImportError('a history log must be a JSON object');
  const { slot_assignment: slots, rounds, plan, finished_rounds: finished } = data;
  if (!Array.isArray(slots) || !slots.every((s) => typeof s === 'string'))
    throw new ImportError('field slot_assignment: expected a list of party names');
  if (!Array.isArray(rounds)) throw new ImportError('field rounds: missing');
  if (typeof finished !== 'number') throw new ImportError('field finished_rounds: missing');
  const turns = rounds.map((r, index): DeliberationTurn => {
    if (!isObject(r) || typeof r.agent !== 'string')
      throw new ImportError(`field rounds.${index}.agent: missing`);
    const expected = index >= 1 && index <= slots.length ? slots[index - 1] : null;
    if (expected !== null && r.agent !== expected)
      throw new ImportError(
        `rounds.${index} is spoken by ${r.agent} but slot_assignment gives turn ${index} to ${expected}`,
      );
    const full = typeof r.full_answer === 'string' ? r.full_answer : '';
    const pub = typeof r.public_answer === 'string' ? r.public_answer : '';
    return {
      index,
      party: r.agent,
      prompt: typeof r.prompt === 'string' ? r.prompt : '',
      fullAnswer: full,
      publicAnswer: pub,
      scratchpad: tag(full, 'SCRATCHPAD'),
      answer: tag(full, 'ANSWER') ?? pub.trim(),
      deal: parseDeal(pub),
      plan: tag(full, 'PLAN'),
    };
  });
  const plans: Record<string, string[]> = {};
  if (isObject(plan))
    for (const [party, notes] of Object.entries(plan))
      plans[party] = Array.isArray(notes) ? notes.map((n) => String(n).trim()) : [];
  return {
    slots: slots as string[],
    turns,
    plans,
    finishedRounds: finished,
    isTruncated: finished < slots.length + 1,
  };
}
