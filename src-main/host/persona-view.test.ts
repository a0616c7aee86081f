// A participant's persona as the transcript carries it: a preset by name with its text, free
// text as written with no preset, nothing without one.
import { describe, expect, it } from 'vitest';
import { PERSONA_PRESETS } from '../../src-shared/persona';
import { participantView } from './views';

const llm = (persona?: string) => ({
  id: 'm',
  kind: 'llm' as const,
  provider: 'anthropic' as const,
  model: 'mock-claude-1',
  scores: {},
  ...(persona !== undefined ? { persona } : {}),
});

describe('participantView persona', () => {
  it('a preset, free text, none', () => {
    expect(participantView(llm('desperate'), 'capability').persona).toEqual({
      preset: 'desperate',
      text: PERSONA_PRESETS.desperate,
    });
    expect(participantView(llm('Be terse.'), 'capability').persona).toEqual({
      preset: null,
      text: 'Be terse.',
    });
    expect(participantView(llm(), 'capability')).toEqual({
      id: 'm',
      label: 'm',
      kind: 'llm',
      detail: 'anthropic/mock-claude-1',
      capability: null,
    });
  });
});
