// Values from the research code's preference prompt, and the reasons they cannot be recovered.
import { describe, expect, it } from 'vitest';
import { valuesFromPrompt } from './bargain-prefs';

const ITEMS = ['Apple', 'Jewel', 'Stone'];
const prompt = (lines: string[]) =>
  ['**YOUR PRIVATE ITEM PREFERENCES:**', ...lines, '', '**STRATEGIC ANALYSIS:**'].join('\n');

describe('valuesFromPrompt', () => {
  it('reads one value per item, in item order', () => {
    expect(
      valuesFromPrompt(
        prompt([
          '  2: Stone → 6.60/10 (Medium Priority)',
          '  0: Apple → 5.99/10 (Medium Priority)',
          '  1: Jewel -> 10/10 (HIGH PRIORITY)',
        ]),
        ITEMS,
      ),
    ).toEqual([5.99, 10, 6.6]);
  });

  it('is null for a prompt that lists no values', () => {
    expect(valuesFromPrompt('Welcome to the Multi-Agent Negotiation Game!', ITEMS)).toBeNull();
  });

  it('names a missing item and an item the config calls otherwise', () => {
    expect(() =>
      valuesFromPrompt(prompt(['  0: Apple → 1.00/10', '  1: Jewel → 2.00/10']), ITEMS),
    ).toThrow('its preference prompt lists no value for item 2 (Stone)');
    expect(() =>
      valuesFromPrompt(
        prompt(['  0: Apple → 1.00/10', '  1: Pearl → 2.00/10', '  2: Stone → 3.00/10']),
        ITEMS,
      ),
    ).toThrow('its preference prompt names item 1 "Pearl" but config.items says "Jewel"');
  });
});
