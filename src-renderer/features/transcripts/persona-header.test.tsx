// The reader's participant cards show each seat's persona: a preset by name with the text it
// sent, free text as "free text", and nothing for a seat without one.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ParticipantView, Transcript } from '../../../src-shared/contract';
import { AgentsPanel } from './AgentsPanel';

const seat = (id: string, persona?: ParticipantView['persona']): ParticipantView => ({
  id,
  label: id,
  kind: 'llm',
  detail: 'anthropic/mock-claude-1',
  capability: null,
  ...(persona ? { persona } : {}),
});

describe('personas in the participant cards', () => {
  it('names the preset or free text and quotes what was sent', () => {
    const t = {
      game: {
        participants: [
          seat('seller', {
            preset: 'kind-generous',
            text: 'You are very kind and generous.',
          }),
          seat('buyer', { preset: null, text: 'Haggle like a tourist.' }),
          seat('plain'),
        ],
        focalId: 'seller',
      },
      preferences: [],
      outcome: null,
    } as unknown as Transcript;
    const html = renderToStaticMarkup(<AgentsPanel transcript={t} />);
    const personas = [...html.matchAll(/<div class="persona small"[^>]*>(.*?)<\/div>/g)].map(
      (m) => m[1],
    );
    expect(personas).toEqual([
      '<span class="pill">persona: kind-generous</span> <span class="muted">“You are very kind and generous.”</span>',
      '<span class="pill">persona: free text</span> <span class="muted">“Haggle like a tourist.”</span>',
    ]);
    // The persona sits in its seat's card, under the model.
    const cards = html.split('<section class="agent-card"').slice(1);
    expect(cards.map((c) => c.includes('data-testid="persona"'))).toEqual([true, true, false]);
  });
});
