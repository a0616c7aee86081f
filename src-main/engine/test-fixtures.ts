// Test-only helpers: a tiny "pick one option" game and scripted agents, so engine tests do not
// depend on the real games. Not imported by production code.
import { z } from 'zod';
import type { GameDefinition } from '../../games/types';
import type { GameInstance, ProtocolParams, Vote } from '../../src-shared/game';
import type { AgentContext, AgentReply, PhaseAgent } from './agent';

export interface PickPrefs {
  values: number[];
}

/** Agents choose one of K options; agent i's utility of option k is preferences[i].values[k]. */
export const pickGame: GameDefinition<Record<string, never>, PickPrefs, number> = {
  kind: 'item-allocation',
  title: 'Pick (test)',
  paramsSchema: z.object({}) as unknown as z.ZodType<Record<string, never>>,
  create: () => {
    throw new Error('use pickInstance');
  },
  withCompetition: (p) => p,
  check: () => [],
  validateProposal(instance, proposal) {
    const k = instance.preferences[0].values.length;
    if (
      typeof proposal === 'number' &&
      Number.isInteger(proposal) &&
      proposal >= 0 &&
      proposal < k
    ) {
      return { ok: true, proposal };
    }
    return { ok: false, error: `proposal must be an integer option 0..${k - 1}` };
  },
  rawUtilities: (instance, proposal) => instance.preferences.map((p) => p.values[proposal]),
  describeProposal: (_instance, proposal) => `option ${proposal}`,
  describePreferences: (instance, agent) =>
    `Your values: ${instance.preferences[agent].values.join(', ')}`,
  proposalFormat: () => 'an integer option number',
  outcomeSpace: (instance) => ({
    exact: true,
    outcomes: instance.preferences[0].values.map((_, k) => k),
  }),
};

export function pickInstance(
  values: number[][],
  seed = 7,
): GameInstance<Record<string, never>, PickPrefs> {
  return {
    kind: 'item-allocation',
    params: {},
    nAgents: values.length,
    seed,
    rules: 'Pick one option together.',
    preferences: values.map((v) => ({ values: v })),
    realised: {},
    competitionIndex: 0,
    warnings: [],
  };
}

export function protocol(overrides: Partial<ProtocolParams> = {}): ProtocolParams {
  return {
    rounds: 2,
    gamma: 0.9,
    discussionTurns: 2,
    acceptance: 'unanimous',
    vetoHolders: [],
    maxProposalAttempts: 3,
    ...overrides,
  };
}

type Handler<T> = (ctx: AgentContext) => T | Promise<T> | AgentReply<T> | Promise<AgentReply<T>>;

export interface Script {
  discuss?: Handler<{ message: string }>;
  think?: Handler<{ plan: string }>;
  propose?: Handler<{ proposal: unknown; message?: string }>;
  vote?: Handler<{ votes: Vote[]; reason?: string }>;
  reflect?: Handler<{ reflection: string }>;
}

function isReply<T>(x: unknown): x is AgentReply<T> {
  return typeof x === 'object' && x !== null && 'ok' in x && 'text' in x;
}

async function run<T>(
  h: Handler<T>,
  ctx: AgentContext,
  text: (v: T) => string,
): Promise<AgentReply<T>> {
  const out = await h(ctx);
  if (isReply<T>(out)) return out;
  return { ok: true, value: out, text: text(out) };
}

/** An agent driven by handlers; unspecified phases give fixed text, option 0 and all-reject. */
export function scripted(id: string, s: Script = {}): PhaseAgent {
  return {
    id,
    discuss: (ctx) =>
      run(
        s.discuss ?? (() => ({ message: `${id} r${ctx.round}p${ctx.pass}` })),
        ctx,
        (v) => v.message,
      ),
    think: (ctx) => run(s.think ?? (() => ({ plan: `${id} plans` })), ctx, (v) => v.plan),
    propose: (ctx) => run(s.propose ?? (() => ({ proposal: 0 })), ctx, (v) => JSON.stringify(v)),
    vote: (ctx) =>
      run(s.vote ?? ((c) => ({ votes: c.listedProposals.map((): Vote => 'reject') })), ctx, (v) =>
        v.votes.join(','),
      ),
    reflect: (ctx) =>
      run(s.reflect ?? (() => ({ reflection: `${id} reflects` })), ctx, (v) => v.reflection),
  };
}

/** Deterministic agent whose choices depend only on ctx.callSeed (for resume tests). */
export function seeded(id: string, options: number): PhaseAgent {
  return scripted(id, {
    discuss: (ctx) => ({
      message: `${id} says ${ctx.callSeed % 1000} after ${ctx.publicHistory.length}`,
    }),
    think: (ctx) => ({ plan: `${id} plan ${ctx.callSeed % 97} priv ${ctx.privateHistory.length}` }),
    propose: (ctx) =>
      ctx.callSeed % 4 === 0 && ctx.attempt === 0
        ? { proposal: -1 }
        : { proposal: ctx.callSeed % options, message: 'ok?' },
    vote: (ctx) => ({
      votes: ctx.listedProposals.map((_p, j): Vote =>
        (ctx.callSeed >>> j) % 5 === 0 ? 'accept' : 'reject',
      ),
    }),
    reflect: (ctx) => ({ reflection: `${id} reflects ${ctx.callSeed % 13}` }),
  });
}
