// Machine-readable lines the LLM agent's prompts carry. Models read them as plain text; the mock
// LLM server parses them to answer like a simple negotiator without knowing the game code.

/** Last user message: `PHASE: proposal`. */
export const PHASE_MARKER = 'PHASE:';
/** Proposal prompt: `FORMAT: {"allocation": [0,1,...]}` (the game's proposalFormat). */
export const FORMAT_MARKER = 'FORMAT:';
/** Vote prompt: `LISTED: [{"number":1,"proposer":1,"proposal":{...}}]`. */
export const LISTED_MARKER = 'LISTED:';
/** Strategy-wrapped proposal prompt: `REQUIRED_PROPOSAL: {...}`. */
export const REQUIRED_MARKER = 'REQUIRED_PROPOSAL:';
/** A re-ask's user message starts with this, then the error (the mock's prose mode reads it). */
export const REASK_PREFIX = 'Your reply could not be used:';
/** Stable prefix: the agent's private state as JSON between these tags. */
export const STATE_OPEN = '<private_state>';
export const STATE_CLOSE = '</private_state>';

/** The JSON carried between STATE_OPEN and STATE_CLOSE. */
export interface PrivateStateBlock {
  game: string;
  n: number;
  /** This agent's 0-based index. */
  you: number;
  rounds: number;
  preferences: unknown;
}

/** The value after `marker` on the last line that starts with it, or undefined. */
export function lastMarkerValue(text: string, marker: string): string | undefined {
  let found: string | undefined;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith(marker)) found = trimmed.slice(marker.length).trim();
  }
  return found;
}

/** The private state block of a prompt, or undefined when absent or malformed. */
export function readPrivateState(text: string): PrivateStateBlock | undefined {
  const start = text.indexOf(STATE_OPEN);
  const end = text.indexOf(STATE_CLOSE, start);
  if (start < 0 || end < 0) return undefined;
  try {
    return JSON.parse(text.slice(start + STATE_OPEN.length, end)) as PrivateStateBlock;
  } catch {
    return undefined;
  }
}

/** Alternating-offers prompt: `OFFER_STATE: {"turn":3,"turnLimit":20,"standing":{...},...}`. */
export const OFFER_STATE_MARKER = 'OFFER_STATE:';
/** Strategy-wrapped offer prompt: `REQUIRED_ACTION: {"action":"OFFER","offer":{...}}`. */
export const REQUIRED_ACTION_MARKER = 'REQUIRED_ACTION:';

/** The JSON carried after OFFER_STATE_MARKER. */
export interface OfferStateLine {
  turn: number;
  turnLimit: number;
  /** The other player's standing offer, if any. */
  standing: unknown;
  offersLeft: number | null;
  respondsOnly: boolean;
}
