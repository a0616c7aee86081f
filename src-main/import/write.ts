// Writing imported games: one transaction per game (plan, instance, transcript, outcome and
// provenance together, or nothing), and the sweeps they group into.
import type { ParticipantSpec } from '../../src-shared/participant';
import { focalSeatOf } from '../../src-shared/planned-game';
import { contentId } from '../sweeps/canonical';
import type { Store } from '../store/store';
import { IMPORT_CAPABILITY_METRIC } from './bargain';
import type { ImportedGame, ImportFormat } from './types';

/** The sweep an imported game goes to: --sweep NAME, else its source experiment. */
export function importSweepId(format: ImportFormat, group: string, sweepName?: string): string {
  return sweepName === undefined
    ? contentId({ v: 1, imported: format, group })
    : contentId({ v: 1, imported: 'named', name: sweepName });
}

/** Creates the sweep row if it is new (its spec is completed by `refreshImportedSweep`). */
export function ensureImportSweep(
  store: Store,
  id: string,
  name: string,
  format: ImportFormat,
): void {
  if (store.getSweep(id)) return;
  store.upsertSweep({ id, name, spec: { name, imported: { formats: [format] } } });
}

/**
 * Writes one game and links it to the sweep; 'unchanged' when the game was already stored (it is
 * still linked, so importing into another sweep groups it there too).
 */
export function writeImportedGame(
  store: Store,
  sweepId: string,
  g: ImportedGame,
): 'imported' | 'unchanged' {
  return store.transaction(() => {
    const { inserted } = store.insertPlannedGames(sweepId, [g.planned]);
    if (inserted === 0) return 'unchanged';
    const id = g.planned.id;
    store.markGameRunning(id, g.instance);
    for (const t of g.turns) store.appendTurn(id, t);
    store.recordImportedCalls(id, g.calls);
    if (g.outcome) store.finishGame(id, g.outcome);
    else store.cancelGame(id);
    store.recordGameImport({
      gameId: id,
      format: g.format,
      sourceFile: g.sourceFile,
      sourceSha256: g.sourceSha256,
      published: g.published,
      flags: g.flags,
      isTruncated: g.isTruncated,
    });
    return 'imported';
  });
}

/**
 * Rewrites an imported sweep's document from its games, so the designer, `parley analyze` and the
 * results view read its game, participants, line-ups, levels and orders as for a played sweep.
 * It depends only on the games, so importing the same files again writes the same document.
 */
export function refreshImportedSweep(store: Store, sweepId: string): void {
  const sweep = store.getSweep(sweepId);
  if (!sweep) return;
  const games = store.listGames({ sweepId });
  if (games.length === 0) return;
  const imports = store.sweepImports(sweepId);
  const participants = new Map<string, ParticipantSpec>();
  const lineups = new Map<string, string[]>();
  for (const g of games) {
    for (const p of g.participants) if (!participants.has(p.id)) participants.set(p.id, p);
    const seat = focalSeatOf(g);
    const lineup = [g.focalId, ...g.participants.filter((_, i) => i !== seat).map((p) => p.id)];
    lineups.set(lineup.join('\u0000'), lineup);
  }
  const first = games[0];
  const sorted = <T>(xs: Iterable<T>) => [...new Set(xs)].sort();
  const spec = {
    name: sweep.name,
    description: `Games imported from published result files (${games.length} games).`,
    imported: { formats: sorted([...imports.values()].map((i) => i.format)) },
    game: { kind: first.kind, params: { items: (first.params as { items?: number }).items } },
    agents: first.nAgents,
    rounds: first.protocol.rounds,
    gamma: first.protocol.gamma,
    acceptance: first.protocol.acceptance,
    participants: [...participants.values()].sort((a, b) => a.id.localeCompare(b.id)),
    capabilityMetric: IMPORT_CAPABILITY_METRIC,
    lineup: {
      mode: 'lineups',
      lineups: [...lineups.values()].sort((a, b) => a.join().localeCompare(b.join())),
    },
    competition: { levels: sorted(games.map((g) => g.competitionLevel)).sort((a, b) => a - b) },
    orders: sorted(games.map((g) => g.order)),
  };
  store.upsertSweep({ id: sweepId, name: sweep.name, spec });
}
