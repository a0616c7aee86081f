// games:catalog: each game described from its own code, never from a copy: parameters from its
// zod schema (JSON-schema conversion: type, range, default, title, description), competition
// axes from what withCompetition changes, metrics from the vocabulary.
import { z } from 'zod';
import { GAMES } from '../../games/index';
import { gameProtocols, type GameDefinition } from '../../games/types';
import type { GameCatalogEntry, GameParamView, JsonValue } from '../../src-shared/contract';
import { ACCEPTANCE_RULES, GAME_KINDS } from '../../src-shared/game';
import type { ProtocolName } from '../../src-shared/game';
import { METRICS } from '../../src-shared/metrics';
import { strategiesFor } from '../agents/strategy-fit';

interface JsonProperty {
  type?: string;
  properties?: Record<string, unknown>;
  propertyNames?: { pattern?: string };
  additionalProperties?: JsonProperty | boolean;
  title?: string;
  description?: string;
  default?: JsonValue;
  minimum?: number;
  maximum?: number;
  enum?: JsonValue[];
}

const PROTOCOL_LABELS: Record<ProtocolName, string> = {
  'propose-and-vote': 'Propose and vote',
  'alternating-offers': 'Alternating offers',
  deliberation: 'Deliberation rounds',
};

/** A schema bound; none for the safe-integer limits zod writes for an unbounded integer. */
const bound = (b: number | undefined) =>
  b === undefined || Math.abs(b) >= Number.MAX_SAFE_INTEGER ? null : b;

/** 'costMin' -> 'Cost min'. */
function words(name: string): string {
  const s = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function paramType(p: JsonProperty): GameParamView['type'] {
  if (p.enum) return 'choice';
  if (p.type === 'integer' || p.type === 'number' || p.type === 'boolean') return p.type;
  if (p.type === 'object') return 'object';
  return p.type === 'array' ? 'list' : 'text';
}

/** A record (names to plain values, e.g. holdings) as the form edits it; undefined otherwise. */
function recordOf(p: JsonProperty): GameParamView['record'] {
  const v = p.additionalProperties;
  if (p.type !== 'object' || p.properties || typeof v !== 'object') return undefined;
  const type = paramType(v);
  if (type === 'list' || type === 'object') return undefined;
  return {
    keyPattern: p.propertyNames?.pattern ?? null,
    value: {
      type,
      min: bound(v.minimum),
      max: bound(v.maximum),
      options: v.enum ? v.enum.map(String) : null,
    },
  };
}

/** Parameters a competition level sets: those withCompetition changes between levels 0, 0.5 and 1. */
function competitionAxes(game: GameDefinition): string[] {
  const base = game.paramsSchema.parse({}) as Record<string, unknown>;
  const changed = new Set<string>();
  for (const level of [0, 0.5, 1]) {
    const params = game.withCompetition(base, level) as Record<string, unknown>;
    for (const [k, v] of Object.entries(params)) if (v !== base[k]) changed.add(k);
  }
  return [...changed];
}

export function catalogEntry(game: GameDefinition): GameCatalogEntry {
  const schema = z.toJSONSchema(game.paramsSchema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonProperty>;
  };
  const axes = competitionAxes(game);
  return {
    kind: game.kind,
    title: game.title,
    params: Object.entries(schema.properties ?? {}).map(([name, p]) => {
      const record = recordOf(p);
      return {
        name,
        label: p.title ?? words(name),
        type: paramType(p),
        min: bound(p.minimum),
        max: bound(p.maximum),
        default: p.default ?? null,
        options: p.enum ? p.enum.map(String) : null,
        help: p.description ?? null,
        setByCompetition: axes.includes(name),
        ...(record ? { record } : {}),
      };
    }),
    // The protocols the game names (DESIGN 4); only propose-and-vote has an acceptance rule.
    protocols: gameProtocols(game).map((id) => ({
      id,
      label: PROTOCOL_LABELS[id],
      acceptance: id === 'propose-and-vote' ? [...ACCEPTANCE_RULES] : [],
      strategies: [...strategiesFor(game.kind, id)],
    })),
    competitionAxes: axes,
    metrics: METRICS.filter((m) => (m.games as readonly string[]).includes(game.kind)).map(
      (m) => m.id,
    ),
  };
}

/** Every game, in GAME_KINDS order. */
export function gameCatalog(): GameCatalogEntry[] {
  return GAME_KINDS.map((kind) => catalogEntry(GAMES[kind]));
}
