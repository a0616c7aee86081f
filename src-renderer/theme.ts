// The one palette of the interface: a colour per protocol phase (Okabe-Ito, colour-blind safe)
// used by the transcript, its filters and every chart; viridis for heatmaps.
import type { Phase } from '../src-shared/game';

/** Okabe & Ito (2008) colours, keyed by protocol phase; moderator phases share a neutral grey. */
export const PHASE_COLORS: Record<Phase, string> = {
  setup: '#6b6b6b',
  discussion: '#0072B2',
  thinking: '#CC79A7',
  proposal: '#E69F00',
  listing: '#6b6b6b',
  vote: '#009E73',
  tally: '#6b6b6b',
  reflection: '#D55E00',
  offer: '#56B4E9',
  // Deliberation: the private reply like private thinking, the public answer like discussion.
  scratchpad: '#CC79A7',
  answer: '#0072B2',
  // The leakage judge's calls (call ledger only, never a transcript turn).
  judge: '#6b6b6b',
};

/** The phases a reader filters on, in protocol order. */
export const FILTER_PHASES = [
  'setup',
  'discussion',
  'thinking',
  'proposal',
  'listing',
  'vote',
  'tally',
  'reflection',
  'offer',
  'scratchpad',
  'answer',
] as const satisfies readonly Phase[];

/** Viridis, 9 stops (matplotlib), low to high. */
export const VIRIDIS = [
  '#440154',
  '#472d7b',
  '#3b528b',
  '#2c728e',
  '#21918c',
  '#28ae80',
  '#5ec962',
  '#addc30',
  '#fde725',
];

/** Line colours for series (competition levels), Okabe-Ito without yellow. */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#D55E00',
  '#56B4E9',
  '#000000',
];

/** Job states in the progress bar. */
export const STATUS_COLORS = {
  finished: '#009E73',
  running: '#0072B2',
  paused: '#E69F00',
  queued: '#c9ced6',
  failed: '#D55E00',
  cancelled: '#8a8f98',
} as const;
