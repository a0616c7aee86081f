// Reading item-allocation proposals. Two shapes are accepted because LLMs write both:
// {"allocation": [0, 1, ...]} (agent index per item) and {"Agent_1": ["Apple"], "Agent_2": [...]}.
import { agentName, type ProposalCheck } from './types';
import {
  agentList,
  createNameLookup,
  isRecord,
  parseAgentName,
  show,
  unwrap,
} from './proposal-input';

/** Normal form: allocation[k] is the 0-based index of the agent that receives item k. */
export interface ItemAllocationProposal {
  allocation: number[];
}

/** The array form: one agent index (or agent name) per item, in item order. */
function fromArray(
  entries: unknown[],
  names: readonly string[],
  nAgents: number,
): ProposalCheck<ItemAllocationProposal> {
  const m = names.length;
  if (entries.length !== m) {
    return {
      ok: false,
      error: `allocation must have ${m} entries (one agent index per item, in the order ${names.join(', ')}), got ${entries.length}`,
    };
  }
  const errors: string[] = [];
  const allocation = entries.map((entry, k) => {
    const index = typeof entry === 'string' ? parseAgentName(entry, nAgents) : entry;
    if (typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < nAgents)
      return index;
    errors.push(
      `allocation entry ${k} (${names[k]}) must be a 0-based agent index 0..${nAgents - 1} (0 = Agent_1), got ${show(entry)}`,
    );
    return -1;
  });
  return errors.length > 0
    ? { ok: false, error: errors.join('; ') }
    : { ok: true, proposal: { allocation } };
}

function times(count: number): string {
  return count === 2 ? 'twice' : `${count} times`;
}

/** The by-agent form: agent name -> list of item names (a lone string counts as a list of one). */
function fromAgentMap(
  map: Record<string, unknown>,
  names: readonly string[],
  nAgents: number,
): ProposalCheck<ItemAllocationProposal> {
  const lookupItem = createNameLookup(names);
  const owners: number[][] = names.map(() => []);
  const errors: string[] = [];
  for (const [key, value] of Object.entries(map)) {
    const agent = parseAgentName(key, nAgents);
    if (agent === null) {
      errors.push(`unknown agent '${key}' (agents are ${agentList(nAgents)})`);
      continue;
    }
    const list = typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
      errors.push(`${key} must map to a list of item names, got ${show(value)}`);
      continue;
    }
    for (const itemText of list as string[]) {
      const k = lookupItem(itemText);
      if (k === null) errors.push(`unknown item '${itemText}' (items are ${names.join(', ')})`);
      else owners[k].push(agent);
    }
  }
  owners.forEach((who, k) => {
    if (who.length > 1) errors.push(`item '${names[k]}' is assigned ${times(who.length)}`);
    if (who.length === 0) errors.push(`item '${names[k]}' is not assigned to any agent`);
  });
  if (errors.length > 0) return { ok: false, error: errors.join('; ') };
  return { ok: true, proposal: { allocation: owners.map((who) => who[0]) } };
}

/**
 * Validate an untrusted proposal against the item names and agent count; the error names every
 * problem found so an LLM can fix them in one retry.
 */
export function parseItemAllocation(
  proposal: unknown,
  names: readonly string[],
  nAgents: number,
): ProposalCheck<ItemAllocationProposal> {
  const inner = unwrap(proposal, 'allocation');
  if (Array.isArray(inner)) return fromArray(inner, names, nAgents);
  if (isRecord(inner)) return fromAgentMap(inner, names, nAgents);
  return {
    ok: false,
    error: `proposal must be {"allocation": [agent index per item]} or {"Agent_1": [item names], ...}, got ${show(proposal)}`,
  };
}

/** "Agent_1: Apple, Stone | Agent_2: Jewel"; an agent with no items shows "(nothing)". */
export function describeAllocation(
  allocation: readonly number[],
  names: readonly string[],
  nAgents: number,
): string {
  return Array.from({ length: nAgents }, (_, i) => {
    const mine = names.filter((_, k) => allocation[k] === i);
    return `${agentName(i)}: ${mine.length > 0 ? mine.join(', ') : '(nothing)'}`;
  }).join(' | ');
}
