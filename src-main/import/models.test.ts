// Published model names onto the shipped registry: a unique word-set match maps, anything else is
// kept verbatim (never guessed).
import { describe, expect, it } from 'vitest';
import { shippedRegistry } from '../registry/registry';
import { createModelMatcher, modelWords } from './models';

describe('createModelMatcher', () => {
  const match = createModelMatcher(shippedRegistry());
  const idOf = (name: string) => match.participant(name).id;

  it("maps the research code's names onto registry ids", () => {
    expect(
      ['claude-4-sonnet', 'llama-3-1-405b', 'gpt-4o', 'o3', 'Claude Sonnet 4', 'GPT-4o mini'].map(
        idOf,
      ),
    ).toEqual([
      'claude-sonnet-4-20250514',
      'meta-llama/Llama-3.1-405B-Instruct',
      'gpt-4o-2024-08-06',
      'o3-2025-04-16',
      'claude-sonnet-4-20250514',
      'gpt-4o-mini-2024-07-18',
    ]);
  });

  it('keeps an unknown or ambiguous name verbatim, as a local model that is never run', () => {
    expect(match.participant('claude-3-5-sonnet')).toEqual({
      id: 'claude-3-5-sonnet',
      kind: 'llm',
      displayName: 'claude-3-5-sonnet',
      provider: 'local',
      model: 'claude-3-5-sonnet',
      scores: {},
    });
    expect(match.participant('my model (v2)').id).toBe('my_model_v2_');
  });

  it('compares word sets without vendor prefix, trailing date or filler words', () => {
    expect(modelWords('meta-llama/Llama-3.1-405B-Instruct')).toBe('1 3 405b llama');
    expect(modelWords('claude-sonnet-4-20250514')).toBe('4 claude sonnet');
    expect(modelWords('gpt-4o-2024-08-06')).toBe('4o gpt');
  });
});
