import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toAgent, type Action } from './agent';
import { protocolFor } from './protocol';
import { pickGame, pickInstance, protocol, scripted } from './test-fixtures';
import { runGame } from './run-game';

const offer: Action<{ price: number }> = {
  kind: 'offer',
  phase: 'offer',
  schema: z.object({ price: z.number() }),
  tokens: 'proposal',
  system: () => 'system',
  prompt: () => 'prompt',
};

describe('protocol seam', () => {
  it('picks the game default protocol when the settings name none', () => {
    expect(protocolFor(pickGame, protocol()).name).toBe('propose-and-vote');
  });

  it('refuses a protocol the game does not list, naming the ones it supports', async () => {
    const only = { ...pickGame, protocols: ['propose-and-vote'] as const };
    const bad = { ...protocol(), name: 'alternating-offers' } as unknown as ReturnType<
      typeof protocol
    >;
    expect(() => protocolFor(only, bad)).toThrow(
      'Pick (test) cannot be played with the alternating-offers protocol; it supports propose-and-vote',
    );
    expect(
      await runGame({
        gameId: 'g',
        game: only,
        instance: pickInstance([[1], [1]]),
        protocol: bad,
        agents: [scripted('a'), scripted('b')],
        onTurn: () => {},
      }),
    ).toEqual({
      status: 'failed',
      error:
        'Pick (test) cannot be played with the alternating-offers protocol; it supports propose-and-vote',
      turns: [],
    });
  });

  it('a propose-and-vote-only agent fails clearly when asked another protocol action', () => {
    const agent = toAgent(scripted('a'));
    expect(() => agent.act({} as never, offer)).toThrow(
      "agent a plays only propose-and-vote and cannot answer a 'offer' action",
    );
  });
});
