// Reading model replies: find the JSON object (bare, in ```json fences, or inside prose) and
// check it against the phase's zod schema, with an error message the model can act on.
import { z } from 'zod';
import type { Vote } from '../../../src-shared/game';
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

const voteValue = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.enum(['accept', 'reject']),
);

/** Reply schemas per phase; `votes` needs the number of listed proposals. */
export function replySchema(phase: AgentPhase, listedCount: number) {
  switch (phase) {
    case 'discussion':
      return z.object({ message: z.string().trim().min(1, 'message must not be empty') });
    case 'thinking':
      return z.object({ plan: z.string() });
    case 'reflection':
      return z.object({ reflection: z.string() });
    case 'proposal':
      return z.preprocess(
        // Tolerate the proposal object written at top level next to "message".
        (v) => {
          if (v === null || typeof v !== 'object' || Array.isArray(v) || 'proposal' in v) return v;
          const { message, ...rest } = v as Record<string, unknown>;
          return Object.keys(rest).length > 0 ? { proposal: rest, message } : v;
        },
        z.object({
          proposal: z.custom<unknown>((p) => p !== undefined && p !== null, 'proposal is required'),
          message: z.string().optional(),
        }),
      );
    case 'vote':
      return z.object({
        votes: z
          .array(voteValue)
          .length(
            listedCount,
            `votes must have exactly ${listedCount} entries, one per listed proposal`,
          ),
        reason: z.string().optional(),
      });
  }
}

export type PhaseValue = {
  discussion: { message: string };
  thinking: { plan: string };
  reflection: { reflection: string };
  proposal: { proposal: unknown; message?: string };
  vote: { votes: Vote[]; reason?: string };
};

export type ParseOutcome<P extends AgentPhase> =
  { ok: true; value: PhaseValue[P] } | { ok: false; error: string };

/** Parse a reply for `phase`; the error names the field and what was expected. */
export function parseReply<P extends AgentPhase>(
  phase: P,
  text: string,
  listedCount = 0,
): ParseOutcome<P> {
  const json = extractJsonObject(text);
  if (json === undefined) return { ok: false, error: 'the reply contains no JSON object' };
  const result = replySchema(phase, listedCount).safeParse(json);
  if (result.success) return { ok: true, value: result.data as PhaseValue[P] };
  const error = result.error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'reply'}: ${i.message}`)
    .join('; ');
  return { ok: false, error };
}
