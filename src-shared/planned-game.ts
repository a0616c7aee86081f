// A game as planned by sweep expansion: everything needed to build and run it, plus where it
// sits in the sweep's grid. Its id is a hash of its content, so re-running a sweep finds it.
import type { GameKind, ProtocolParams } from './game';
import type { ParticipantSpec } from './participant';

export const ORDERS = ['weak_first', 'strong_first', 'random'] as const;
export type Order = (typeof ORDERS)[number];

/** Every state a game can be in, in the order the UI lists them. */
export const GAME_STATUSES = [
  'queued',
  'running',
  'paused',
  'finished',
  'failed',
  'cancelled',
] as const;
export type GameStatus = (typeof GAME_STATUSES)[number];

export interface PlannedGame {
  /**
   * Stable content-derived id (hex) of what the game is, transport excluded
   * (src-main/sweeps/game-id.ts).
   */
  id: string;
  kind: GameKind;
  /** Resolved game parameters (defaults filled, competition applied). */
  params: Record<string, unknown>;
  protocol: ProtocolParams;
  nAgents: number;
  /** Participants in seat order: participants[0] is Agent_1. */
  participants: ParticipantSpec[];
  /** Instance seed (the run's seed). */
  seed: number;
  /** Run index within the cell (0-based). */
  runIndex: number;
  order: Order;
  /** The competition level of this game's cell (the game's competition index). */
  competitionLevel: number;
  /** For treaty sweeps over rho x theta: the two axes; null otherwise. */
  rho: number | null;
  theta: number | null;
  /** For co-funding sweeps over alpha x sigma: the two axes; null otherwise. */
  alpha: number | null;
  sigma: number | null;
  /** The participant whose capability places the game on the capability axis. */
  focalId: string;
  /** Capability score of the focal participant under the sweep's metric (null if unknown). */
  focalCapability: number | null;
  /** Capability scores of all seats under the sweep's metric, in seat order. */
  capabilities: (number | null)[];
}

/** The focal participant's seat: the first seat holding `focalId` (null when none does). */
export function focalSeatOf(g: {
  participants: readonly { id: string }[];
  focalId: string;
}): number | null {
  const seat = g.participants.findIndex((p) => p.id === g.focalId);
  return seat < 0 ? null : seat;
}
