// NegotiationArena game_state.json files written the way the published code saves them (tagged
// {"_type", "_value"} objects, START settings, one record per turn, END summary), for the
// trading and multi-turn ultimatum classes the fixtures have no published example of.
type Res = Record<string, number>;

const resource = (r: Res) => ({ _type: 'resource', _value: r });
const trade = (red: Res, blue: Res) => ({
  _type: 'trade',
  _value: { RED: resource(red), BLUE: resource(blue) },
});

export interface ArenaMove {
  /** 'PROPOSAL' (buy-sell, trading), 'NONE' with a trade (ultimatum), 'ACCEPT', 'REJECT'. */
  answer: string;
  /** What RED and BLUE give, for a proposal. */
  trade?: [Res, Res];
  message: string;
  reason: string;
}

export interface ArenaFile {
  className: string;
  iterations: number;
  goals: unknown[];
  initial: [Res, Res];
  behaviours: [string, string];
  moves: ArenaMove[];
  /** The END summary's final_resources and player_outcome, as the published code computes them. */
  finalResources: [Res, Res];
  outcome: unknown[];
}

export function arenaGameState(f: ArenaFile): unknown {
  const players = ['Player RED', 'Player BLUE'].map((name, i) => ({
    class: 'ChatGPTAgent',
    model: 'gpt-4-1106-preview',
    agent_name: name,
    conversation: [{ role: 'system', content: `System prompt of ${name}.` }],
    seed: 100 + i,
  }));
  const turns = f.moves.map((m, i) => {
    const t = m.trade ? trade(m.trade[0], m.trade[1]) : 'NONE';
    const tradeText = m.trade
      ? `Player RED Gives ${JSON.stringify(m.trade[0])} | Player BLUE Gives ${JSON.stringify(m.trade[1])}`
      : 'NONE';
    return {
      current_iteration: i + 1,
      turn: i % 2,
      player_public_answer_string: `<${m.message}> message </${m.message}>`,
      player_public_info_dict: {
        message: m.message,
        'player answer': m.answer,
        'newly proposed trade': t,
      },
      player_private_info_dict: { 'my resources': resource(f.initial[i % 2]), reason: m.reason },
      player_complete_answer: `<reason> ${m.reason} </reason>\n<player answer> ${m.answer} </player answer>\n<newly proposed trade> ${tradeText} </newly proposed trade>\n<message> ${m.message} </message>`,
      player_state: [],
    };
  });
  const last = f.moves[f.moves.length - 1];
  const lastTrade = [...f.moves].reverse().find((m) => m.trade)?.trade;
  return {
    class: f.className,
    run_epoch_time_ms: '1707000000000',
    players,
    iterations: f.iterations,
    game_state: [
      {
        current_iteration: 'START',
        turn: 'None',
        settings: {
          resources_support_set: resource(
            Object.fromEntries(Object.keys(f.initial[0]).map((k) => [k, 0])),
          ),
          player_goals: f.goals,
          player_initial_resources: f.initial.map(resource),
          player_social_behaviour: f.behaviours,
          player_roles: ['You are Player RED.', 'You are Player BLUE.'],
        },
      },
      ...turns,
      {
        current_iteration: 'END',
        turn: 'None',
        summary: {
          player_goals: f.goals,
          initial_resources: f.initial.map(resource),
          proposed_trade: lastTrade ? trade(lastTrade[0], lastTrade[1]) : 'NONE',
          final_response: last.answer,
          final_resources: f.finalResources.map(resource),
          player_outcome: f.outcome,
        },
      },
    ],
  };
}

export { resource };
