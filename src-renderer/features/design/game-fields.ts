// The game's part of the designer, from games:catalog: which parameters the form asks for and
// their defaults, the protocol played, and the strategies that play the game with it.
import type { GameCatalogEntry, GameParamView, ProtocolView } from '../../../src-shared/contract';
import { STRATEGIES } from '../../../src-shared/participant';
import type { StrategyName } from '../../../src-shared/participant';
import { isParamValue, withStrategy } from './form-model';
import type { DesignForm, ParamValue, ParticipantRow, RecordEntry } from './form-model';

/**
 * The parameters the form asks for, from the game's catalog entry (its own zod schema): numbers,
 * choices, text and yes/no that the competition axis does not set. Records (holdings) have their
 * own editor (recordFields); lists (item names) and a deliberation game's parsed folder data are
 * kept as loaded.
 */
export function formParams(entry: GameCatalogEntry | undefined): GameParamView[] {
  return (entry?.params ?? []).filter(
    (p) => p.type !== 'list' && p.type !== 'object' && !p.setByCompetition,
  );
}

/** The record parameters the form edits row by row (holdings, incentives per party). */
export function recordFields(entry: GameCatalogEntry | undefined): GameParamView[] {
  return (entry?.params ?? []).filter((p) => p.record && !p.setByCompetition);
}

/** The form's records with every missing one that has a default filled with its rows. */
export function withRecordDefaults(
  records: Record<string, RecordEntry[]>,
  entry: GameCatalogEntry | undefined,
): Record<string, RecordEntry[]> {
  const out = { ...records };
  for (const p of recordFields(entry)) {
    const d = p.default;
    if (p.name in out || !d || typeof d !== 'object' || Array.isArray(d)) continue;
    const rows = Object.entries(d).filter((e): e is [string, ParamValue] => isParamValue(e[1]));
    out[p.name] = rows.map(([key, value]) => ({ key, value }));
  }
  return out;
}

/** The form's parameters with every missing one that has a default set to it. */
export function withParamDefaults(
  params: Record<string, ParamValue>,
  entry: GameCatalogEntry | undefined,
): Record<string, ParamValue> {
  const out = { ...params };
  for (const p of formParams(entry))
    if (!(p.name in out) && isParamValue(p.default)) out[p.name] = p.default;
  return out;
}

/** The protocol the form plays: its choice, else the game's first. */
export function protocolOf(
  form: Pick<DesignForm, 'protocol'>,
  entry: GameCatalogEntry | undefined,
): ProtocolView | undefined {
  const protocols = entry?.protocols ?? [];
  return protocols.find((p) => p.id === form.protocol) ?? protocols[0];
}

/** The strategies a strategy agent may play in the form's game (every one until the catalog is in). */
export function strategyChoices(
  form: Pick<DesignForm, 'protocol'>,
  entry: GameCatalogEntry | undefined,
): readonly StrategyName[] {
  return protocolOf(form, entry)?.strategies ?? STRATEGIES;
}

/**
 * The participants for another game or protocol: a strategy row whose strategy does not play it
 * takes one that does (the i-th fitting strategy for the i-th row, so the rows stay distinct).
 */
export function fitStrategies(
  rows: readonly ParticipantRow[],
  fits: readonly StrategyName[],
): ParticipantRow[] {
  if (fits.length === 0) return [...rows];
  return rows.map((row, i) =>
    row.source !== 'strategy' || fits.includes(row.strategy)
      ? row
      : withStrategy(row, { strategy: fits[i % fits.length] }),
  );
}
