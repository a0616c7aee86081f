// The one typed API between the UI and the engine (DESIGN 2): every request with its zod
// argument schema and result type, and every event with its payload. Transports (Electron IPC,
// the `parley serve` WebSocket, direct calls in tests) all validate with `requestSchemas`.
// The renderer imports this module for types only; the channel lists live in contract-channels.
import { z } from 'zod';
import type { GameKind, GameOutcome, ProtocolParams, TurnRecord } from './game';
import type { ProviderName } from './participant';
import { llmSpecSchema, PROVIDERS } from './participant';
import type { GameStatus, Order } from './planned-game';
import type { SweepInput, SweepIssue } from './sweep';
import type { EventName, RequestChannel } from './contract-channels';

export { EVENT_NAMES, REQUEST_CHANNELS, isEventName, isRequestChannel } from './contract-channels';
export type { EventName, RequestChannel } from './contract-channels';

export const GAME_STATUS_LIST = [
  'queued',
  'running',
  'paused',
  'finished',
  'failed',
  'cancelled',
] as const satisfies readonly GameStatus[];

/** Outcome metrics the results views can show, per game then averaged per cell. */
export const RESULT_METRICS = [
  'utility_focal',
  'utility_share',
  'deal_rate',
  'agreement_round',
] as const;
export type ResultMetric = (typeof RESULT_METRICS)[number];

/** What the results screen can export: the heatmap, the flattened curves, or the cell table. */
export const EXPORT_FIGURES = ['heatmap', 'curves', 'table'] as const;
export type ExportFigure = (typeof EXPORT_FIGURES)[number];
/** pdf (vector, fonts embedded), svg and png (300 dpi) for figures; csv and tex for the table. */
export const EXPORT_FORMATS = ['pdf', 'svg', 'png', 'csv', 'tex'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const FIGURE_EXPORT_FORMATS = [
  'pdf',
  'svg',
  'png',
] as const satisfies readonly ExportFormat[];
export const TABLE_EXPORT_FORMATS = ['csv', 'tex'] as const satisfies readonly ExportFormat[];
/** column = 3.25 in, full = 6.75 in (the page widths of a two-column paper). */
export const EXPORT_WIDTHS = ['column', 'full'] as const;
export type ExportWidth = (typeof EXPORT_WIDTHS)[number];
/** Exported files larger than this are refused by the host (the CLI has no such limit). */
export const EXPORT_MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Result and payload types
// ---------------------------------------------------------------------------------------------

export interface AppInfo {
  name: 'Parley';
  version: string;
  /** Which transport the UI talks through. */
  mode: 'desktop' | 'web';
  /** The database file the engine uses. */
  dbPath: string;
  sweepCount: number;
  /** False while no sweep runner is attached (read-only browsing of a database). */
  canRun: boolean;
}

/** Live counters of one sweep, as the runner reports them. */
export interface SweepProgress {
  sweepId: string;
  counts: Record<GameStatus, number>;
  total: number;
  /** Games that will not run again without action: finished + failed + cancelled. */
  done: number;
  ratePerSec: number | null;
  etaSec: number | null;
  tokens: number;
  costUsd: number;
  /**
   * Why the sweep's paused games are paused: their distinct stored pause reasons with how many
   * games have each, most frequent first, at most SWEEP_REASONS_MAX (the counts may sum to less
   * than counts.paused when there are more reasons). A reason starts with its kind and says what
   * to do, e.g. "auth: no API key for anthropic (model m): run `parley keys set anthropic` ..., then resume".
   */
  pausedReasons: ReasonCount[];
  /** The same for the failed games: their distinct errors, most frequent first. */
  failedReasons: ReasonCount[];
}

/** How many of a sweep's games are paused (or failed) for one reason. */
export interface ReasonCount {
  reason: string;
  count: number;
}

/** The most distinct reasons a SweepProgress lists per state. */
export const SWEEP_REASONS_MAX = 5;

export interface SweepSummary {
  id: string;
  name: string;
  status: 'active' | 'paused' | 'cancelled';
  createdAt: string;
  kind: GameKind | null;
  progress: SweepProgress;
}

export interface SweepDetail extends SweepSummary {
  /** The sweep document as submitted (what Save JSON writes). */
  spec: unknown;
  capabilityMetric: string;
}

export type ValidateResult =
  | { ok: true; sweepId: string; games: number; cells: number; warnings: string[] }
  | { ok: false; issues: SweepIssue[] };

export interface CreateResult {
  sweepId: string;
  total: number;
  inserted: number;
}

/** A participant as the UI shows it. */
export interface ParticipantView {
  id: string;
  label: string;
  kind: 'strategy' | 'llm';
  /** Strategy name (with c) or provider/model. */
  detail: string;
  capability: number | null;
}

export interface GameSummary {
  id: string;
  kind: GameKind;
  status: GameStatus;
  seed: number;
  runIndex: number;
  order: Order;
  competitionLevel: number;
  focalId: string;
  focalCapability: number | null;
  /** Seat order: participants[0] is Agent_1. */
  participants: ParticipantView[];
  deal: boolean | null;
  agreementRound: number | null;
  /** Discounted utilities per seat, null until finished. */
  utilities: number[] | null;
  focalUtility: number | null;
  error: string | null;
  updatedAt: string;
}

export interface GamesPage {
  total: number;
  rows: GameSummary[];
}

/** A committed transcript entry with its commit order. */
export interface TurnView extends TurnRecord {
  seq: number;
}

export interface Transcript {
  game: GameSummary;
  protocol: ProtocolParams;
  params: Record<string, unknown>;
  /** Public rules text, null before the game started. */
  rules: string | null;
  /** Each agent's private preferences (readable text and the raw values). */
  preferences: { agent: number; text: string; raw: unknown }[];
  outcome: GameOutcome | null;
  turns: TurnView[];
}

export interface HeatmapCell {
  /** Index into `x` and `y`. */
  xi: number;
  yi: number;
  focalId: string;
  level: number;
  n: number;
  mean: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface HeatmapResult {
  sweepId: string;
  metric: ResultMetric;
  capabilityMetric: string;
  /** Capability axis: one column per focal participant, weakest first. */
  x: { focalId: string; label: string; capability: number | null }[];
  /** Competition axis: levels ascending. */
  y: number[];
  cells: HeatmapCell[];
  /** Score names the capability axis can be switched to. */
  capabilityMetrics: string[];
  /** Finished games that fed the grid. */
  games: number;
}

export interface CurvesResult {
  sweepId: string;
  metric: ResultMetric;
  capabilityMetric: string;
  /** One line per competition level: metric vs capability. */
  series: {
    level: number;
    points: {
      focalId: string;
      capability: number | null;
      n: number;
      mean: number | null;
      ciLow: number | null;
      ciHigh: number | null;
    }[];
  }[];
}

/** One exported file, rendered by the same code as `parley figures`. */
export interface ExportFigureResult {
  /** Suggested file name, e.g. "demo-heatmap-utility_focal.pdf". */
  fileName: string;
  mime: string;
  /** base64 for pdf and png, utf8 for svg, csv and tex. */
  encoding: 'utf8' | 'base64';
  content: string;
  /**
   * The provenance sidecar the renderer wrote: sweepIds, query.figure (the figure spec entry
   * with its defaults, which `parley figures` renders to the same file), parleyVersion, createdAt.
   */
  provenance: Record<string, unknown>;
}

export interface ModelView {
  id: string;
  source: 'registry' | 'user' | 'sweep';
  kind: 'strategy' | 'llm' | 'unknown';
  provider: string | null;
  model: string | null;
  displayName: string;
  scores: Record<string, number>;
  prices: { inputUsdPerMtok: number; outputUsdPerMtok: number } | null;
  /** Where the scores and prices come from (URLs), or ['user'] for models added by hand. */
  sources: string[];
  developer: string | null;
  /** True when the model thinks by default (reasoning models). */
  reasoning: boolean;
  /** The full participant spec, so the UI can edit a model (never holds a key). */
  spec: unknown;
}

export type KeyState = 'set' | 'missing' | 'works' | 'error';

/** What the UI may know about a key: never the key itself. */
export interface KeyStatus {
  provider: ProviderName;
  status: KeyState;
  source: 'keychain' | 'env' | null;
  /** e.g. the env variable name, or the error of a failed test. */
  detail: string | null;
}

export interface GameStatusEvent {
  sweepId: string;
  gameId: string;
  status: GameStatus;
}

export interface GameTurnEvent {
  gameId: string;
  turn: TurnRecord;
}

export interface ProviderStatusEvent {
  provider: string;
  status: string;
  detail: string | null;
}

// ---------------------------------------------------------------------------------------------
// Argument schemas: validated by the host on every transport
// ---------------------------------------------------------------------------------------------

const none = z.object({}).strict();
const sweepRef = z.object({ sweepId: z.string().min(1) }).strict();
const metric = z.enum(RESULT_METRICS);
const resultsArgs = z
  .object({
    sweepId: z.string().min(1),
    metric: metric.default('utility_focal'),
    /** Score that orders the capability axis; defaults to the sweep's own metric. */
    capabilityMetric: z.string().min(1).optional(),
  })
  .strict();

const exportFigureArgs = z
  .object({
    sweepId: z.string().min(1),
    figure: z.enum(EXPORT_FIGURES),
    metric: metric.default('utility_focal'),
    /** Score that orders the capability axis; defaults to the sweep's own metric. */
    capabilityMetric: z.string().min(1).optional(),
    format: z.enum(EXPORT_FORMATS),
    /** Ignored by the table. */
    width: z.enum(EXPORT_WIDTHS).default('column'),
  })
  .strict()
  .superRefine((a, ctx) => {
    const isTable = a.figure === 'table';
    const allowed: readonly string[] = isTable ? TABLE_EXPORT_FORMATS : FIGURE_EXPORT_FORMATS;
    if (!allowed.includes(a.format)) {
      ctx.addIssue({
        code: 'custom',
        path: ['format'],
        message: `the ${a.figure} exports as ${allowed.join(', ')}, not ${a.format}`,
      });
    }
  });

export const requestSchemas = {
  'app:info': none,
  'sweeps:list': none,
  'sweeps:get': sweepRef,
  'sweeps:validate': z.object({ doc: z.unknown() }).strict(),
  'sweeps:create': z.object({ doc: z.unknown(), start: z.boolean().default(true) }).strict(),
  'sweeps:pause': sweepRef,
  'sweeps:resume': sweepRef,
  'sweeps:cancel': sweepRef,
  'sweeps:retryFailed': sweepRef,
  'sweeps:demo': none,
  'games:list': z
    .object({
      sweepId: z.string().min(1).optional(),
      focalId: z.string().min(1).optional(),
      competitionLevel: z.number().min(0).max(1).optional(),
      status: z.array(z.enum(GAME_STATUS_LIST)).min(1).optional(),
      limit: z.number().int().min(1).max(5000).default(200),
      offset: z.number().int().min(0).default(0),
    })
    .strict(),
  'games:transcript': z.object({ gameId: z.string().min(1) }).strict(),
  'results:heatmap': resultsArgs,
  'results:curves': resultsArgs,
  'results:exportFigure': exportFigureArgs,
  'models:list': none,
  'models:save': z.object({ spec: llmSpecSchema }).strict(),
  'keys:status': none,
  'keys:set': z
    .object({
      provider: z.enum(PROVIDERS),
      key: z.string().trim().min(8, 'the key looks too short').max(500),
    })
    .strict(),
  'keys:test': z.object({ provider: z.enum(PROVIDERS) }).strict(),
} satisfies Record<RequestChannel, z.ZodType>;

/** Arguments as a caller writes them (defaults optional). */
export type RequestArgs<C extends RequestChannel> = z.input<(typeof requestSchemas)[C]>;
/** Arguments as a handler receives them (defaults filled). */
export type ParsedArgs<C extends RequestChannel> = z.output<(typeof requestSchemas)[C]>;

/** The result type of every request. */
export interface RequestResults {
  /** Version, transport, database path and whether sweeps can be run. */
  'app:info': AppInfo;
  /** Every sweep with its live progress, oldest first. */
  'sweeps:list': SweepSummary[];
  /** One sweep with its document. */
  'sweeps:get': SweepDetail;
  /** Validates a sweep document (schema, participants, geometry); issues carry field paths. */
  'sweeps:validate': ValidateResult;
  /** Stores a sweep and its games and (unless start: false) starts running them. */
  'sweeps:create': CreateResult;
  /** Stops starting new games of the sweep; running games finish their current turn and pause. */
  'sweeps:pause': SweepProgress;
  /** Resumes a paused sweep. */
  'sweeps:resume': SweepProgress;
  /** Cancels the sweep's unfinished games (finished games are kept). */
  'sweeps:cancel': SweepProgress;
  /** Requeues the sweep's failed games and runs them. */
  'sweeps:retryFailed': SweepProgress;
  /** The built-in demo sweep document (strategy agents, no network). */
  'sweeps:demo': SweepInput;
  /** Games filtered by sweep, focal participant, competition level and status (paged). */
  'games:list': GamesPage;
  /** A game with its participants, private preferences, outcome and every turn. */
  'games:transcript': Transcript;
  /** Capability x competition grid of a metric: mean, 95% bootstrap CI and n per cell. */
  'results:heatmap': HeatmapResult;
  /** The same aggregation flattened: metric vs capability, one line per competition level. */
  'results:curves': CurvesResult;
  /**
   * The heatmap or curves of the results view as pdf / svg / png, or its cell table as csv / tex,
   * drawn by the renderer of `parley figures` with the same provenance; at most EXPORT_MAX_BYTES.
   */
  'results:exportFigure': ExportFigureResult;
  /** The model registry and user-added models. */
  'models:list': ModelView[];
  /** Adds or replaces a user model (an LLM participant spec); a shipped id is overridden. */
  'models:save': ModelView;
  /** Per provider: whether a key is set, works or failed, and where it comes from. */
  'keys:status': KeyStatus[];
  /** Stores a key in the OS keychain; the key never travels back to the UI. */
  'keys:set': KeyStatus;
  /** Makes one cheap authenticated call with the provider's key. */
  'keys:test': KeyStatus;
}

/** Payloads of the events the host pushes. */
export interface EventPayloads {
  /** A sweep's counters changed (a game started, finished, failed or paused). */
  'jobs:progress': SweepProgress;
  /** One game changed status. */
  'games:status': GameStatusEvent;
  /** A turn was committed to a game's transcript. */
  'games:turn': GameTurnEvent;
  /** A provider went offline, came back, or needs a key. */
  'provider:status': ProviderStatusEvent;
}

/** One pushed event, as every transport delivers it. */
export type HostEvent = { [E in EventName]: { event: E; payload: EventPayloads[E] } }[EventName];

/** How a failed request is reported across a transport. */
export interface ContractError {
  message: string;
  /** Field problems when the arguments did not validate. */
  issues?: SweepIssue[];
}

/** A request's answer as transports carry it (the preload and the WebSocket both use it). */
export type RequestReply<T = unknown> =
  { ok: true; result: T } | { ok: false; error: ContractError };

/** The client side of the contract, implemented by every transport. */
export interface ClientAPI {
  invoke<C extends RequestChannel>(channel: C, args: RequestArgs<C>): Promise<RequestResults[C]>;
  /** Subscribes to one event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}
