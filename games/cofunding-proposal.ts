// Reading co-funding proposals: a full pledge matrix, either as {"pledges": [[...], [...]]} (row
// per agent, column per project) or keyed by name, {"Agent_1": {"Park": 10}, ...}.
import { agentName, type ProposalCheck } from './types';
import {
  agentList,
  createNameLookup,
  isRecord,
  parseAgentName,
  show,
  unwrap,
} from './proposal-input';

/** Normal form: pledges[i][k] is agent i's whole-money pledge to project k. */
export interface CofundingProposal {
  pledges: number[][];
}

/** What validation needs to know about an instance. */
export interface PledgeRules {
  projectNames: readonly string[];
  nAgents: number;
  budget: number;
}

function checkAmount(value: unknown, agent: number, project: string, errors: string[]): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  errors.push(
    `pledge of ${agentName(agent)} to ${project} must be a non-negative integer, got ${show(value)}`,
  );
  return 0;
}

/** One agent's row from an array (in project order) or an object keyed by project name. */
function readRow(value: unknown, agent: number, rules: PledgeRules, errors: string[]): number[] {
  const names = rules.projectNames;
  if (Array.isArray(value)) {
    if (value.length !== names.length) {
      errors.push(
        `pledges of ${agentName(agent)} must have ${names.length} entries (one per project, in the order ${names.join(', ')}), got ${value.length}`,
      );
      return names.map(() => 0);
    }
    return value.map((v, k) => checkAmount(v, agent, names[k], errors));
  }
  if (isRecord(value)) {
    const lookup = createNameLookup(names);
    const row = names.map(() => 0);
    for (const [key, amount] of Object.entries(value)) {
      const k = lookup(key);
      if (k === null) errors.push(`unknown project '${key}' (projects are ${names.join(', ')})`);
      else row[k] = checkAmount(amount, agent, names[k], errors);
    }
    return row;
  }
  errors.push(
    `pledges of ${agentName(agent)} must be a list of ${names.length} amounts or an object {project: amount}, got ${show(value)}`,
  );
  return names.map(() => 0);
}

/**
 * Validate an untrusted pledge matrix: whole non-negative amounts, and each agent's total within
 * its budget (the error names the agent and the overspend). Agents missing from the keyed form
 * pledge nothing.
 */
export function parsePledges(
  proposal: unknown,
  rules: PledgeRules,
): ProposalCheck<CofundingProposal> {
  const inner = unwrap(proposal, 'pledges');
  const { nAgents } = rules;
  const errors: string[] = [];
  let pledges: number[][];
  if (Array.isArray(inner)) {
    if (inner.length !== nAgents) {
      return {
        ok: false,
        error: `pledges must have ${nAgents} rows (one per agent, Agent_1 first), got ${inner.length}`,
      };
    }
    pledges = inner.map((row, i) => readRow(row, i, rules, errors));
  } else if (isRecord(inner)) {
    pledges = Array.from({ length: nAgents }, () => rules.projectNames.map(() => 0));
    for (const [key, row] of Object.entries(inner)) {
      const agent = parseAgentName(key, nAgents);
      if (agent === null) errors.push(`unknown agent '${key}' (agents are ${agentList(nAgents)})`);
      else pledges[agent] = readRow(row, agent, rules, errors);
    }
  } else {
    return {
      ok: false,
      error: `proposal must be {"pledges": [[pledges of Agent_1 per project], ...]}, got ${show(proposal)}`,
    };
  }
  if (errors.length === 0) pledges.forEach((row, i) => checkBudget(row, i, rules, errors));
  return errors.length > 0
    ? { ok: false, error: errors.join('; ') }
    : { ok: true, proposal: { pledges } };
}

function checkBudget(row: readonly number[], agent: number, rules: PledgeRules, errors: string[]) {
  const total = row.reduce((s, v) => s + v, 0);
  if (total > rules.budget) {
    errors.push(
      `${agentName(agent)} pledges ${total} in total, over its budget of ${rules.budget} by ${total - rules.budget}`,
    );
  }
}

/**
 * Validate one agent's own pledge vector (the pledge protocol, DESIGN 3.3): `{"pledges": [...]}`
 * with one whole amount per project, the bare list, or an object keyed by project name; its
 * total within the agent's budget.
 */
export function parsePledgeVector(
  proposal: unknown,
  agent: number,
  rules: PledgeRules,
): ProposalCheck<number[]> {
  const inner = unwrap(proposal, 'pledges');
  if (!Array.isArray(inner) && !isRecord(inner)) {
    return {
      ok: false,
      error: `proposal must be {"pledges": [your pledge per project, in the order ${rules.projectNames.join(', ')}]}, got ${show(proposal)}`,
    };
  }
  const errors: string[] = [];
  const row = readRow(inner, agent, rules, errors);
  if (errors.length === 0) checkBudget(row, agent, rules, errors);
  return errors.length > 0 ? { ok: false, error: errors.join('; ') } : { ok: true, proposal: row };
}

/**
 * The joint proposal of the pledge protocol: agent i's vector is row i of the pledge table, so a
 * project is funded when the sum of the vectors reaches its cost and each agent pays only its own
 * pledges. Pure; the vectors come in seat order, one per agent.
 */
export function combinePledges(vectors: readonly (readonly number[])[]): CofundingProposal {
  return { pledges: vectors.map((v) => v.slice()) };
}

/** Total pledged per project: the sum of the agents' vectors (rows of the table). */
export function pledgeTotals(pledges: readonly (readonly number[])[]): number[] {
  return (pledges[0] ?? []).map((_, k) => pledges.reduce((s, row) => s + row[k], 0));
}

/** Which projects the pledges fund: total pledged >= cost. */
export function fundedProjects(pledges: readonly number[][], costs: readonly number[]): boolean[] {
  const totals = pledgeTotals(pledges);
  return costs.map((cost, k) => (totals[k] ?? 0) >= cost);
}
