import { describe, expect, it } from 'vitest';
import { offerAction } from '../../engine/alternating/actions';
import { proposeVoteAction } from '../../engine/propose-vote/actions';
import type { Action } from '../../engine/agent';
import type { LlmSpec } from '../../../src-shared/participant';
import { outputModeOf, structuredPlan } from './structured';
import { context } from './test-fixtures';

const spec = (provider: LlmSpec['provider'], extra: Partial<LlmSpec> = {}): LlmSpec => ({
  id: 'm',
  kind: 'llm',
  provider,
  model: 'm',
  scores: {},
  ...extra,
});

describe('structured outputs', () => {
  it('defaults per provider, and refuses a mode the provider lacks', () => {
    expect(
      (['anthropic', 'openai', 'openrouter', 'google', 'xai', 'local'] as const).map((p) =>
        outputModeOf(spec(p)),
      ),
    ).toEqual(['tool', 'json_schema', 'none', 'none', 'none', 'none']);
    expect(outputModeOf(spec('local', { structuredOutput: 'json_schema' }))).toBe('json_schema');
    expect(() => outputModeOf(spec('anthropic', { structuredOutput: 'json_schema' }))).toThrow(
      'model m: structuredOutput "json_schema" is not available for provider anthropic; use "tool" or "none"',
    );
    expect(() => outputModeOf(spec('openai', { structuredOutput: 'tool' }))).toThrow(
      'use "json_schema" or "none"',
    );
  });

  it('makes a strict schema: closed objects, all required, optional nullable, free values as JSON text', () => {
    const ctx = context({ phase: 'offer' });
    const plan = structuredPlan(offerAction(ctx) as Action, 'json_schema')!;
    expect(plan.output).toEqual({
      mode: 'json_schema',
      name: 'offer_reply',
      schema: {
        type: 'object',
        properties: {
          message: { type: 'string' },
          action: { type: 'string', enum: ['OFFER', 'ACCEPT', 'REJECT', 'NONE'] },
          offer: {
            anyOf: [
              { type: 'string', description: 'the value written as JSON text' },
              { type: 'null' },
            ],
          },
          reason: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        },
        required: ['message', 'action', 'offer', 'reason'],
        additionalProperties: false,
      },
    });
    expect(
      plan.decode({ message: 'hi', action: 'OFFER', offer: '{"price":700}', reason: null }),
    ).toEqual({ message: 'hi', action: 'OFFER', offer: { price: 700 } });
    // Text that is not JSON stays text, for the schema or the game to reject with a reason.
    expect(plan.decode({ message: '', action: 'NONE', offer: 'soon', reason: 'x' })).toEqual({
      message: '',
      action: 'NONE',
      offer: 'soon',
      reason: 'x',
    });
  });

  it('gives the tool mode the output schema as it is, and no plan to actions that read their own text', () => {
    const ctx = context({
      phase: 'vote',
      listedProposals: [{ number: 1, proposer: 0, proposal: {} }],
    });
    expect(structuredPlan(proposeVoteAction(ctx, 'vote') as Action, 'tool')!.output).toEqual({
      mode: 'tool',
      name: 'vote_reply',
      schema: {
        type: 'object',
        properties: {
          votes: {
            type: 'array',
            minItems: 1,
            maxItems: 1,
            items: { type: 'string', enum: ['accept', 'reject'] },
          },
          reason: { type: 'string' },
        },
        required: ['votes'],
        additionalProperties: false,
      },
    });
    const tagged = {
      ...(proposeVoteAction(ctx, 'vote') as Action),
      parse: () => ({ ok: true as const, value: 1 }),
    };
    expect(structuredPlan(tagged, 'tool')).toBeUndefined();
    expect(structuredPlan(proposeVoteAction(ctx, 'vote') as Action, 'none')).toBeUndefined();
  });
});
