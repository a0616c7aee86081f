// Store rows -> the plain shapes the contract promises the UI (no row internals leak out).
import type {
  GameSummary,
  ImportView,
  ModelView,
  ParticipantView,
  SweepSummary,
  SweepProgress,
} from '../../src-shared/contract';
import { GAME_KINDS } from '../../src-shared/game';
import type { GameKind } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import { capabilityOf } from '../../src-shared/participant';
import { PERSONA_PRESETS, personaText } from '../../src-shared/persona';
import { focalSeatOf } from '../../src-shared/planned-game';
import type { RegistryModel } from '../registry/registry';
import type { GameImportRow } from '../store/imports';
import type { GameRow, SweepRow } from '../store/types';

export function participantView(p: ParticipantSpec, metric: string): ParticipantView {
  const detail =
    p.kind === 'strategy'
      ? `${p.strategy}${p.capability === undefined ? '' : ` c=${p.capability}`}`
      : `${p.provider}/${p.model}`;
  return {
    id: p.id,
    label: p.displayName ?? p.id,
    kind: p.kind,
    detail,
    capability: capabilityOf(p, metric),
    ...(p.persona !== undefined
      ? {
          persona: {
            preset: p.persona in PERSONA_PRESETS ? p.persona : null,
            text: personaText(p.persona) ?? p.persona,
          },
        }
      : {}),
  };
}

/** Seat index of the focal participant (the first seat it occupies; seat 0 if none does). */
export function focalSeat(row: Pick<GameRow, 'participants' | 'focalId'>): number {
  return focalSeatOf(row) ?? 0;
}

/** An imported game's provenance as the transcript reader shows it. */
export function importView(row: GameImportRow): ImportView {
  const { deal, round, utilities } = row.published;
  return {
    format: row.format,
    sourceFile: row.sourceFile,
    published: { deal, round, utilities },
    flags: row.flags,
    isTruncated: row.isTruncated,
  };
}

export function gameSummary(row: GameRow, metric: string): GameSummary {
  const utilities = row.outcome?.utilities ?? null;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    seed: row.seed,
    runIndex: row.runIndex,
    order: row.order,
    competitionLevel: row.competitionLevel,
    focalId: row.focalId,
    focalCapability: row.focalCapability,
    participants: row.participants.map((p) => participantView(p, metric)),
    deal: row.outcome ? row.outcome.deal : null,
    agreementRound: row.outcome?.round ?? null,
    utilities,
    focalUtility: utilities ? (utilities[focalSeat(row)] ?? null) : null,
    error: row.error,
    updatedAt: row.updatedAt,
  };
}

/** The sweep document's fields the host reads, tolerating documents written by older versions. */
export function specFields(spec: unknown): { kind: GameKind | null; capabilityMetric: string } {
  const s = (spec ?? {}) as { game?: { kind?: unknown }; capabilityMetric?: unknown };
  const kind = GAME_KINDS.find((k) => k === s.game?.kind) ?? null;
  return {
    kind,
    capabilityMetric: typeof s.capabilityMetric === 'string' ? s.capabilityMetric : 'capability',
  };
}

export function sweepSummary(row: SweepRow, progress: SweepProgress): SweepSummary {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    createdAt: row.createdAt,
    kind: specFields(row.spec).kind,
    progress,
  };
}

/** A registry entry (shipped or user-added) as the UI shows it. */
export function modelView(m: RegistryModel): ModelView {
  const spec = m.spec;
  return {
    id: spec.id,
    source: m.origin,
    kind: 'llm',
    provider: spec.provider,
    model: spec.model,
    displayName: spec.displayName ?? spec.id,
    scores: { ...spec.scores },
    prices: spec.prices
      ? {
          inputUsdPerMtok: spec.prices.inputUsdPerMtok,
          outputUsdPerMtok: spec.prices.outputUsdPerMtok,
        }
      : null,
    sources: m.sources,
    developer: m.developer,
    reasoning: m.reasoning,
    spec,
  };
}
