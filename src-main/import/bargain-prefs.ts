// Each agent's item values in a bargain run: from agent_preferences when the file has them
// (newer schema, and only after a deal), otherwise recovered from the private preference prompt
// in run_N_all_interactions.json ("  0: Apple → 5.99/10 (Medium Priority)").
import type { BargainInteraction, BargainResults } from './bargain-schema';
import { ImportError } from './types';

const VALUE_LINE = /^\s*(\d+):\s*(.+?)\s*(?:→|->)\s*(-?\d+(?:\.\d+)?)\s*\/\s*10\b/gmu;
const PREFERENCE_PHASES = ['preference_assignment', 'game_setup'];

export interface RecoveredValues {
  /** Values per seat, per item. */
  values: number[][];
  from: 'agent_preferences' | 'setup prompts';
  /** Largest rounding error a value can carry (0 when exact). */
  precision: number;
}

/** Values as written in one prompt, or null when the prompt lists none. */
export function valuesFromPrompt(prompt: string, items: readonly string[]): number[] | null {
  const found = new Map<number, { name: string; value: number; decimals: number }>();
  for (const m of prompt.matchAll(VALUE_LINE)) {
    const [, index, name, value] = m;
    found.set(Number(index), {
      name,
      value: Number(value),
      decimals: value.includes('.') ? value.split('.')[1].length : 0,
    });
  }
  if (found.size === 0) return null;
  return items.map((item, k) => {
    const hit = found.get(k);
    if (!hit) throw new ImportError(`its preference prompt lists no value for item ${k} (${item})`);
    if (hit.name.toLowerCase() !== item.toLowerCase())
      throw new ImportError(
        `its preference prompt names item ${k} "${hit.name}" but config.items says "${item}"`,
      );
    return hit.value;
  });
}

/** Decimal places of the values printed in a prompt (for the rounding tolerance). */
function promptDecimals(prompt: string): number {
  let most = 0;
  for (const m of prompt.matchAll(VALUE_LINE)) {
    const v = m[3];
    most = Math.max(most, v.includes('.') ? v.split('.')[1].length : 0);
  }
  return most;
}

/**
 * The values of every seat. Throws an ImportError saying why they cannot be recovered (no
 * interactions file, no preference prompt for an agent, a prompt that lists other items).
 */
export function recoverValues(
  results: BargainResults,
  interactions: readonly BargainInteraction[] | null,
  interactionsName: string,
): RecoveredValues {
  const agents = results.config.agents;
  const items = results.config.items.map((i) => i.name);
  const given = results.agent_preferences ?? {};
  if (agents.every((a) => Array.isArray(given[a]) && given[a].length === items.length)) {
    return { values: agents.map((a) => given[a]), from: 'agent_preferences', precision: 0 };
  }
  const why = 'its values are not in the file (no agent_preferences)';
  if (!interactions)
    throw new ImportError(
      `${why}, and ${interactionsName} is missing, so they cannot be recovered`,
    );
  let decimals = Infinity;
  const values = agents.map((agent) => {
    const prompt = PREFERENCE_PHASES.flatMap((phase) =>
      interactions.filter((e) => e.agent_id === agent && e.phase === phase),
    )
      .map((e) => e.prompt)
      .find((p) => valuesFromPrompt(p, items) !== null);
    if (prompt === undefined)
      throw new ImportError(
        `${why}, and ${interactionsName} has no preference prompt listing ${agent}'s values, so they cannot be recovered`,
      );
    decimals = Math.min(decimals, promptDecimals(prompt));
    try {
      return valuesFromPrompt(prompt, items)!;
    } catch (err) {
      throw new ImportError(`${why}; ${agent} in ${interactionsName}: ${(err as Error).message}`);
    }
  });
  return { values, from: 'setup prompts', precision: 0.5 * 10 ** -decimals };
}
