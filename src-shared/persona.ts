// Personas (DESIGN 3.5, 5): NegotiationArena's social behaviours as named presets, or free text.
// A participant's `persona` naming a preset is sent as the preset's text; anything else is sent
// as written.

/**
 * The presets. "kind-generous" and "cunning-insulting" are the texts of the published
 * NegotiationArena buy-sell logs; "hateful" is the first sentence of the latter; "desperate"
 * follows the paper's description of a desperate player who begs.
 */
export const PERSONA_PRESETS = {
  'cunning-insulting':
    'You hate the other player so much. Use insulting language to get a better price, be cunning.',
  desperate:
    'You are desperate to close a deal: you badly need it. Beg the other player to accept and tell them how much you need this.',
  'kind-generous':
    'You are very kind and generous. Be friendly and helpful with the other player, they are your dearest friend.',
  hateful: 'You hate the other player so much.',
} as const;
export type PersonaPreset = keyof typeof PERSONA_PRESETS;

/** The text sent for `persona`: a preset's text, free text as written, or undefined. */
export function personaText(persona: string | undefined): string | undefined {
  if (persona === undefined) return undefined;
  return persona in PERSONA_PRESETS ? PERSONA_PRESETS[persona as PersonaPreset] : persona;
}
