// Reading model replies: find the JSON object (bare, in ```json fences, or inside prose) and
// check it against the phase's zod schema, with an error message the model can act on.
import type { z } from 'zod';
import { replySchema, type PhaseValue } from '../../engine/propose-vote/actions';
import type { AgentPhase } from './prompts';

/** The first JSON object in `text`: the whole text, a fenced block, or the first balanced {...}. */
export function extractJsonObject(text: string): unknown {
  const candidates = [text.trim()];
  for (const m of text.matchAll(/```(?:json)?\s*([\s\S]*?)```/g)) candidates.push(m[1].trim());
  for (const c of candidates) {
    const value = tryParse(c);
    if (value !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value))
      return value;
  }
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    const value = tryParse(text.slice(start, end + 1));
    if (value !== undefined) return value;
  }
  return undefined;
}

function tryParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** Index of the `}` closing the `{` at `start`, skipping braces inside strings; -1 if none. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

export { replySchema, type PhaseValue } from '../../engine/propose-vote/actions';

export type ParseOutcome<P extends AgentPhase> =
  { ok: true; value: PhaseValue[P] } | { ok: false; error: string };

/** Parse a reply for `phase`; the error names the field and what was expected. */
export function parseReply<P extends AgentPhase>(
  phase: P,
  text: string,
  listedCount = 0,
): ParseOutcome<P> {
  return parseWith(replySchema(phase, listedCount) as unknown as z.ZodType<PhaseValue[P]>, text);
}

/** Parse a reply against an action's schema; the error names the field and what was expected. */
export function parseWith<T>(
  schema: z.ZodType<T>,
  text: string,
): { ok: true; value: T } | { ok: false; error: string } {
  const json = extractJsonObject(text);
  if (json === undefined) return { ok: false, error: 'the reply contains no JSON object' };
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, error: zodError(result.error) };
}

/** A zod error as the model is shown it: each issue's field path and message. */
export function zodError(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'reply'}: ${i.message}`)
    .join('; ');
}
