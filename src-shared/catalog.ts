// What the host tells the UI about each game (games:catalog): its parameters as its own zod
// schema defines them, the parameters the competition axis sets, its protocols and its metrics.
import type { AcceptanceRule, GameKind } from './game';
import type { MetricId } from './metrics';

export interface GameParamView {
  name: string;
  /** The schema's title (zod `.meta({ title })`), else the name in words. */
  label: string;
  /** 'list' for arrays (e.g. item names), which the form keeps as loaded. */
  type: 'integer' | 'number' | 'boolean' | 'text' | 'list';
  min: number | null;
  max: number | null;
  /** The schema's default; null when the parameter is optional without one. */
  default: unknown;
  /** The schema's description (zod `.describe()` or `.meta({ description })`). */
  help: string | null;
  /** True when the sweep's competition axis sets this parameter, so the form does not ask for it. */
  setByCompetition: boolean;
}

export interface ProtocolView {
  id: string;
  label: string;
  acceptance: readonly AcceptanceRule[];
}

export interface GameCatalogEntry {
  kind: GameKind;
  title: string;
  params: GameParamView[];
  protocols: ProtocolView[];
  /** Parameters a competition level sets (withCompetition), e.g. ['rho', 'theta'] for the treaty. */
  competitionAxes: string[];
  /** The vocabulary's metrics this game's games have (src-shared/metrics.ts). */
  metrics: MetricId[];
}
