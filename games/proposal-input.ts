// Helpers for reading untrusted proposals: LLMs write agent and item names in whatever case and
// spacing they like, so lookups are forgiving while the error messages stay specific.
import { agentName } from './types';

/** A plain JSON object (not null, not an array). */
export function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function normaliseName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/**
 * 0-based agent index for a name like "Agent_2", "agent 2" or "AGENT-2"; null when the text is
 * not an agent name or the number is out of range for `nAgents`.
 */
export function parseAgentName(text: string, nAgents: number): number | null {
  const match = /^agent[\s_-]*(\d+)$/i.exec(text.trim());
  if (!match) return null;
  const index = Number(match[1]) - 1;
  return index >= 0 && index < nAgents ? index : null;
}

/** Case- and spacing-insensitive lookup from a display name to its index. */
export function createNameLookup(names: readonly string[]): (text: string) => number | null {
  const map = new Map(names.map((name, k) => [normaliseName(name), k]));
  return (text) => map.get(normaliseName(text)) ?? null;
}

/** "Agent_1, Agent_2" for the valid agent names, used in error messages. */
export function agentList(nAgents: number): string {
  return Array.from({ length: nAgents }, (_, i) => agentName(i)).join(', ');
}

/** Short JSON-ish rendering of an untrusted value for an error message. */
export function show(x: unknown): string {
  const text = typeof x === 'string' ? `'${x}'` : (JSON.stringify(x) ?? String(x));
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * Unwrap `{ [key]: inner }` when present, so both `{ allocation: ... }` and the bare inner value
 * are accepted.
 */
export function unwrap(proposal: unknown, key: string): unknown {
  return isRecord(proposal) && key in proposal ? proposal[key] : proposal;
}

/** Round to `digits` decimals (for display and for stored positions). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
