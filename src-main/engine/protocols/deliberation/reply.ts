// Reading a deliberation reply (DESIGN 4.3): <SCRATCHPAD> (private), <ANSWER> (public, with one
// <DEAL>) and <PLAN> (private; not asked in the speaker's last turn). Errors say what to fix.
import { parseDealTag } from '../../../../games/deliberation/deal';
import type { Deal, DeliberationIssue } from '../../../../games/deliberation/types';

export interface DeliberationReply {
  scratchpad: string;
  /** The public answer (the text between <ANSWER> and </ANSWER>). */
  answer: string;
  deal: Deal;
  /** Empty when the turn asked for no plan. */
  plan: string;
}

export type ReplyCheck = { ok: true; value: DeliberationReply } | { ok: false; error: string };

/** Text of the last closed `<tag>...</tag>`, or null when there is none. */
function section(text: string, tag: string): string | null {
  const closed = [...text.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'gi'))];
  if (closed.length > 0) return closed[closed.length - 1][1].trim();
  return null;
}

/** Parse a reply; `wantsPlan` is false in the speaker's last turn. */
export function parseDeliberationReply(
  issues: readonly DeliberationIssue[],
  text: string,
  wantsPlan: boolean,
): ReplyCheck {
  const scratchpad = section(text, 'SCRATCHPAD');
  if (scratchpad === null) {
    return {
      ok: false,
      error: 'write your private reasoning between <SCRATCHPAD> and </SCRATCHPAD>',
    };
  }
  // The answer comes after the scratchpad, so a deal drafted inside the scratchpad is not read.
  const answer = section(text.replace(/<SCRATCHPAD>[\s\S]*?<\/SCRATCHPAD>/gi, ''), 'ANSWER');
  if (answer === null) {
    return { ok: false, error: 'write your public answer between <ANSWER> and </ANSWER>' };
  }
  const deal = parseDealTag(issues, answer);
  if (!deal.ok) return { ok: false, error: `in your <ANSWER>: ${deal.error}` };
  const plan = wantsPlan ? section(text, 'PLAN') : '';
  if (plan === null) {
    return { ok: false, error: 'write your notes for next time between <PLAN> and </PLAN>' };
  }
  return { ok: true, value: { scratchpad, answer, deal: deal.deal, plan } };
}
