// Deals of a deliberation game: one option per issue, written "A1,B2,C4" (DESIGN 3.6). A deal
// that names an unknown issue or option is invalid; nothing is guessed.
import type { Deal, DeliberationIssue } from './types';

export type DealCheck = { ok: true; deal: Deal } | { ok: false; error: string };

const DEAL_TAG = /<DEAL>([\s\S]*?)<\/DEAL>/gi;

/** Text of a deal, e.g. "A1,B1,C4,D1,E5". */
export function formatDeal(issues: readonly DeliberationIssue[], deal: Deal): string {
  return issues.map((issue, k) => `${issue.letter}${deal[k] + 1}`).join(',');
}

/**
 * Read a bare option list ("A1, B1,C4 D1,E5"): separated by commas or spaces, any issue
 * order, each issue exactly once.
 */
export function parseOptionList(issues: readonly DeliberationIssue[], text: string): DealCheck {
  const tokens = text
    .split(/[\s,]+/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tokens.length === 0) return { ok: false, error: 'the deal is empty' };
  const deal: (number | undefined)[] = issues.map(() => undefined);
  for (const token of tokens) {
    const m = /^([A-Za-z])(\d+)$/.exec(token);
    if (!m) return { ok: false, error: `'${token}' is not an option like A1` };
    const letter = m[1].toUpperCase();
    const k = issues.findIndex((issue) => issue.letter === letter);
    if (k < 0)
      return { ok: false, error: `'${token}' names issue ${letter}, which does not exist` };
    const option = Number(m[2]);
    if (option < 1 || option > issues[k].options) {
      return {
        ok: false,
        error: `'${token}' is not an option of issue ${letter} (${letter}1 to ${letter}${issues[k].options})`,
      };
    }
    if (deal[k] !== undefined) return { ok: false, error: `issue ${letter} appears twice` };
    deal[k] = option - 1;
  }
  const missing = issues.filter((_, k) => deal[k] === undefined).map((issue) => issue.letter);
  if (missing.length > 0) {
    return { ok: false, error: `the deal has no option for issue ${missing.join(', ')}` };
  }
  return { ok: true, deal: deal as number[] };
}

/**
 * The deal of a public answer: the last `<DEAL>...</DEAL>` in `text` (an answer may quote an
 * earlier deal before stating its own). An answer without a deal tag is an error.
 */
export function parseDealTag(issues: readonly DeliberationIssue[], text: string): DealCheck {
  const bodies = [...text.matchAll(DEAL_TAG)].map((m) => m[1]);
  if (bodies.length === 0) return { ok: false, error: 'no deal between <DEAL> and </DEAL>' };
  return parseOptionList(issues, bodies[bodies.length - 1]);
}

/** Every deal of the game (the product of the option counts), in lexicographic order. */
export function* allDeals(issues: readonly DeliberationIssue[]): Generator<Deal> {
  const deal = issues.map(() => 0);
  if (issues.some((issue) => issue.options < 1)) return;
  for (;;) {
    yield deal.slice();
    let k = issues.length - 1;
    while (k >= 0 && deal[k] === issues[k].options - 1) {
      deal[k] = 0;
      k--;
    }
    if (k < 0) return;
    deal[k]++;
  }
}
