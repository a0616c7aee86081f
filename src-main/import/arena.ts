// One NegotiationArena game_state.json as a finished Parley game of the matching kind
// (arena-kinds.ts), played with alternating offers: each published turn becomes the private
// reply (the complete answer with its reasoning) and the public move (message and action), the
// moves are checked with Parley's own rules, and the outcome is recomputed beside the published
// one. The focal seat is BLUE, the player NegotiationArena's experiments vary (its model or its
// social behaviour); a social behaviour becomes the participant's persona.
import { basename, dirname } from 'node:path';
import type { GameInstance, ProtocolParams, TurnRecord } from '../../src-shared/game';
import type { ParticipantSpec } from '../../src-shared/participant';
import { PERSONA_PRESETS } from '../../src-shared/persona';
import { alternatingOutcome, moveText } from '../engine/alternating/protocol';
import { applyMove, offerState, turnViewOf, type OfferMove } from '../engine/alternating/state';
import type { OfferReply } from '../engine/alternating/actions';
import { setupTurn } from '../engine/setup-turn';
import type { PublishedOutcome } from '../store/imports';
import { contentId } from '../sweeps/canonical';
import { IMPORT_CAPABILITY_METRIC } from './bargain';
import { parseArenaGame, type ArenaGame, type ArenaTurn } from './arena-parse';
import { arenaKind, type ArenaKind } from './arena-kinds';
import type { ModelMatcher } from './models';
import { compareOutcomes } from './recompute';
import type { SourceFile } from './sources';
import { ImportError, type ImportedGame } from './types';

const FOCAL_SEAT = 1;

export function importArenaGame(src: SourceFile, models: ModelMatcher): ImportedGame {
  const g = parseArenaGame(src.data);
  const k = arenaKind(g);
  const seed = seedOf(g);
  let instance: GameInstance;
  try {
    instance = k.game.create(k.params, 2, seed);
  } catch (err) {
    throw new ImportError(`settings: ${(err as Error).message}`);
  }
  instance.realised = { ...instance.realised, published: publishedSettings(g) };
  instance.warnings.push(...k.notes);
  const participants = g.players.map((p, i) =>
    withPersona(models.participant(p.model), g.settings.socialBehaviours[i] ?? ''),
  );
  const capabilities = participants.map((p) => p.scores[IMPORT_CAPABILITY_METRIC] ?? null);
  const protocol: ProtocolParams = {
    name: 'alternating-offers',
    rounds: k.game.alternating!.turnLimit(instance),
    gamma: 1,
    discussionTurns: 0,
    acceptance: 'unanimous',
    vetoHolders: [],
    maxProposalAttempts: 1,
  };
  const { turns, state, endedBy } = arenaTurns(k, instance, g);
  const isTruncated = g.end === null;
  const session = { game: k.game, instance, n: 2, turns };
  const outcome = isTruncated
    ? null
    : alternatingOutcome(session, state, endedBy, state.moves.length);
  const published = publishedOutcome(k, g);
  const flags: ImportedGame['flags'] = [];
  if (outcome) {
    flags.push(...compareOutcomes(published, outcome, { tolerance: 1e-6, gamma: 1 }));
    if (k.kind === 'ultimatum' && !published.deal && flags.length > 0)
      flags.push({
        code: 'on_reject',
        message: `without a deal the published code keeps the initial holdings (RED ${published.utilities[0]}, BLUE ${published.utilities[1]}) although its prompt says both lose everything; Parley scores it as the prompt says (onReject "nothing")`,
      });
  }
  return {
    format: 'arena',
    planned: {
      id: contentId({ v: 1, format: 'arena', sha256: src.sha256 }),
      kind: k.kind,
      params: instance.params as Record<string, unknown>,
      protocol,
      nAgents: 2,
      participants,
      seed,
      runIndex: 0,
      order: 'weak_first',
      competitionLevel: instance.competitionIndex,
      rho: null,
      theta: null,
      alpha: null,
      sigma: null,
      focalId: participants[FOCAL_SEAT].id,
      focalCapability: capabilities[FOCAL_SEAT],
      capabilities,
    },
    instance,
    turns,
    calls: [],
    outcome,
    published,
    flags,
    isTruncated,
    // game_state.json files sit in <experiment>/<run epoch>/: the experiment is the group.
    group: `${basename(dirname(dirname(src.path)))} (${g.className})`,
    sourceFile: src.path,
    sourceSha256: src.sha256,
  };
}

function seedOf(g: ArenaGame): number {
  const epoch = Number(g.runEpochMs);
  return Number.isFinite(epoch) && epoch > 0 ? epoch % 2_147_483_647 : 1;
}

/** The START settings as published, kept with the instance. */
function publishedSettings(g: ArenaGame): Record<string, unknown> {
  const s = g.settings;
  return {
    className: g.className,
    goals: s.goals,
    initialResources: s.initialResources,
    valuations: s.valuations,
    socialBehaviours: s.socialBehaviours,
    roles: s.roles,
  };
}

/** A social behaviour as the participant's persona: a preset's name when it is one, else its text. */
function withPersona(p: ParticipantSpec, behaviour: string): ParticipantSpec {
  const text = behaviour.trim();
  if (text === '') return p;
  const preset = Object.entries(PERSONA_PRESETS).find(([, t]) => t === text)?.[0];
  const tag = preset ?? `persona-${contentId(text, 8)}`;
  const name = p.displayName ?? p.id;
  return {
    ...p,
    id: `${p.id}+${tag}`,
    displayName: `${name} (${preset ?? 'persona'})`,
    persona: preset ?? text,
  };
}

const VERBS: Record<string, OfferMove['verb']> = {
  ACCEPT: 'ACCEPT',
  ACCEPTED: 'ACCEPT',
  REJECT: 'REJECT',
  REJECTED: 'REJECT',
};

/** The verb and proposal a published turn states (before Parley's rules check it). */
function statedMove(k: ArenaKind, t: ArenaTurn): { verb: OfferMove['verb']; offer?: unknown } {
  const answer = (t.answer ?? '').toUpperCase();
  if (VERBS[answer]) return { verb: VERBS[answer] };
  if (t.trade) return { verb: 'OFFER', offer: k.proposalOf(t.trade) };
  return { verb: 'NONE' };
}

/** Why Parley's rules refuse the move, or null (the same checks a played turn gets). */
function refusal(
  k: ArenaKind,
  instance: GameInstance,
  history: readonly TurnRecord[],
  t: ArenaTurn,
  move: { verb: OfferMove['verb']; offer?: unknown },
): { error: string } | { offer?: unknown } {
  const view = turnViewOf(k.game, instance, history, t.player, t.iteration);
  if (view.respondsOnly && (move.verb === 'OFFER' || move.verb === 'NONE'))
    return { error: `turn ${t.iteration} is the last turn: only ACCEPT or REJECT are allowed` };
  if (move.verb === 'ACCEPT' && view.acceptable === null)
    return { error: 'there is no standing offer from the other player to accept' };
  if (move.verb !== 'OFFER') return {};
  if (view.offersLeft <= 0)
    return { error: `the player has made all ${view.offerCap} of its offers` };
  const check = k.game.validateProposal(instance, move.offer);
  return check.ok ? { offer: check.proposal } : { error: check.error };
}

function arenaTurns(k: ArenaKind, instance: GameInstance, g: ArenaGame) {
  const turns: TurnRecord[] = g.players.map((p, i) =>
    setupTurn(
      i,
      p.systemPrompt ??
        `${instance.rules}\n\nYour private information:\n${k.game.describePreferences(instance, i)}`,
    ),
  );
  const rules = k.game.alternating!;
  const rejectEnds = rules.rejectEnds(instance);
  let state = offerState([], 2, rejectEnds);
  let endedBy: 'accept' | 'reject' | 'limit' = 'limit';
  g.turns.forEach((t, i) => {
    const where = `game_state turn ${i + 1} (iteration ${t.iteration})`;
    if (t.player !== 0 && t.player !== 1)
      throw new ImportError(`${where}: turn ${t.player} is not player 0 or 1`);
    if (state.isOver)
      throw new ImportError(`${where}: the game continues after it ended with ${endedBy}`);
    const stated = statedMove(k, t);
    const checked = refusal(k, instance, turns, t, stated);
    const reply: OfferReply = {
      message: t.message ?? '',
      action: stated.verb,
      ...('offer' in checked && checked.offer !== undefined
        ? { offer: checked.offer }
        : stated.offer !== undefined
          ? { offer: stated.offer }
          : {}),
      ...(t.reason ? { reason: t.reason } : {}),
    };
    const base = { round: t.iteration, phase: 'offer' as const, agent: t.player, attempt: 0 };
    turns.push({
      ...base,
      pass: 0,
      visibility: 'private',
      text: t.completeAnswer || t.publicAnswer,
      action: reply,
      ...('error' in checked
        ? { status: 'invalid' as const, error: checked.error }
        : { status: 'ok' as const }),
    });
    const move: OfferMove =
      'error' in checked
        ? { verb: 'NONE', isForfeit: true }
        : stated.verb === 'OFFER'
          ? { verb: 'OFFER', offer: checked.offer }
          : { verb: stated.verb };
    const shown = moveText({ game: k.game, instance }, move);
    turns.push({
      ...base,
      pass: 1,
      visibility: 'public',
      text: t.message ? `${t.message}\n${shown}` : shown,
      action: move,
      status: 'ok',
    });
    state = applyMove(state, t.iteration, t.player, move, rejectEnds);
    if (move.verb === 'ACCEPT') endedBy = 'accept';
    else if (move.verb === 'REJECT' && rejectEnds) endedBy = 'reject';
  });
  return { turns, state, endedBy };
}

function publishedOutcome(k: ArenaKind, g: ArenaGame): PublishedOutcome {
  const end = g.end;
  if (!end) return { deal: false, round: null, utilities: [null, null] };
  const answer = (end.finalResponse ?? '').toUpperCase();
  const deal = VERBS[answer] === 'ACCEPT';
  const last = g.turns[g.turns.length - 1];
  const utilities = k.published(end.playerOutcome);
  while (utilities.length < 2) utilities.push(null);
  return {
    deal,
    round: deal && last ? last.iteration : null,
    utilities,
    detail: {
      final_response: end.finalResponse,
      final_resources: end.finalResources,
      proposed_trade: end.proposedTrade,
      player_outcome: end.playerOutcome,
    },
  };
}
