// One LLM-Deliberation history*.json log with its game folder as a Parley deliberation game:
// the log's own turn schedule, every turn's reply private (scratchpad and plan) and its public
// answer with the deal, scored with Parley's deliberation rules. The log states no outcome, so
// the published side is the log's final deal only. A log that stops early (finished_rounds
// below its schedule) imports as an unfinished game with the turns it has, marked truncated.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatDeal, parseDealTag } from '../../games/deliberation/deal';
import {
  deliberation,
  deliberationParamsSchema,
  type DeliberationInstance,
} from '../../games/deliberation/definition';
import { GameFolderError, parseGameFolder } from '../../games/deliberation/folder';
import { roleIndex } from '../../games/deliberation/scoring';
import type { DeliberationGame, GameFolderFiles } from '../../games/deliberation/types';
import type { ProtocolParams, TurnRecord } from '../../src-shared/game';
import { deliberationOutcome } from '../engine/protocols/deliberation/protocol';
import { setupTurn } from '../engine/setup-turn';
import { pruned } from '../game-folders/folder-params';
import { readGameFolderFiles } from '../game-folders/read-game-folder';
import type { PublishedOutcome } from '../store/imports';
import { contentId } from '../sweeps/canonical';
import { IMPORT_CAPABILITY_METRIC } from './bargain';
import { parseDeliberationLog, type DeliberationLog } from './deliberation-parse';
import type { ModelMatcher } from './models';
import type { SourceFile } from './sources';
import { ImportError, type ImportedGame } from './types';

/** The files a log's own folder records of what was played: they override the game folder's. */
const PLAYED_FILES = /^(config\.txt|scores_files\/.*)$/;

/**
 * The game folder's files; when the log's own folder differs and saved config.txt and
 * scores_files/ (as the published runs do), those are what was played and take precedence.
 */
function gameFiles(folder: string, logDir: string): { files: GameFolderFiles; overlaid: boolean } {
  const files = readGameFolderFiles(folder);
  if (resolve(folder) === resolve(logDir) || !existsSync(join(logDir, 'config.txt')))
    return { files, overlaid: false };
  const played = Object.entries(readGameFolderFiles(logDir)).filter(([p]) => PLAYED_FILES.test(p));
  return { files: { ...files, ...Object.fromEntries(played) }, overlaid: played.length > 0 };
}

function readGame(folder: string, logDir: string): { game: DeliberationGame; overlaid: boolean } {
  try {
    const { files, overlaid } = gameFiles(folder, logDir);
    return { game: parseGameFolder(files), overlaid };
  } catch (err) {
    if (err instanceof GameFolderError)
      throw new ImportError(
        `the game folder ${folder} is incomplete or invalid: ${err.message}; give the game folder with --game DIR`,
      );
    throw err;
  }
}

export function importDeliberationLog(
  src: SourceFile,
  folder: string,
  models: ModelMatcher,
): ImportedGame {
  const log = parseDeliberationLog(src.data);
  const logDir = dirname(src.path);
  const { game, overlaid } = readGame(folder, logDir);
  const names = game.parties.map((p) => p.name);
  const seatOf = (name: string, where: string) => {
    const seat = names.indexOf(name);
    if (seat < 0)
      throw new ImportError(`${where} names ${name}, who is not a party of ${folder}/config.txt`);
    return seat;
  };
  const p1 = roleIndex(game, 'p1');
  const schedule = [p1, ...log.slots.map((s, i) => seatOf(s, `slot_assignment.${i}`)), p1];
  log.turns.forEach((t, i) => {
    const seat = seatOf(t.party, `rounds.${i}.agent`);
    if (seat !== schedule[i])
      throw new ImportError(
        `rounds.${i} is spoken by ${t.party} but the schedule gives it to ${names[schedule[i]]} (p1 opens and makes the final deal)`,
      );
  });
  if (log.turns.length > schedule.length)
    throw new ImportError(
      `rounds has ${log.turns.length} turns but the schedule has ${schedule.length}`,
    );
  const data = pruned(game, {});
  const params = deliberationParamsSchema.parse({
    folder: resolve(folder),
    data,
    turns: log.slots.length,
  });
  const seed = 1;
  let instance: DeliberationInstance;
  try {
    instance = deliberation.create(params, names.length, seed) as DeliberationInstance;
  } catch (err) {
    throw new ImportError(`the game folder ${folder}: ${(err as Error).message}`);
  }
  // The log's own schedule, not the one Parley's seeded shuffle would draw.
  instance.realised = { ...instance.realised, schedule };
  instance.warnings.push(
    `The turn schedule is the log's slot_assignment.${overlaid ? ` Incentives and scores are the log folder's own config.txt and scores_files/ (as played); instructions from ${folder}.` : ''}`,
  );
  const turns = deliberationTurns(instance, game, log);
  const flags: ImportedGame['flags'] = [];
  const opening = log.turns[0]?.publicAnswer ?? '';
  const openingDeal = parseDealTag(game.issues, opening);
  if (log.turns.length > 0 && !(openingDeal.ok && same(openingDeal.deal, game.initialDeal)))
    flags.push({
      code: 'opening_deal',
      message: `p1's opening answer is not the folder's initial deal ${formatDeal(game.issues, game.initialDeal)}`,
    });
  const isTruncated = log.isTruncated || log.turns.length < schedule.length;
  const publicHistory = turns.filter((t) => t.visibility === 'public');
  const outcome = isTruncated ? null : deliberationOutcome({ publicHistory, turns }, instance);
  const participants = game.parties.map((p) => models.participant(p.model || 'unknown'));
  const capabilities = participants.map((p) => p.scores[IMPORT_CAPABILITY_METRIC] ?? null);
  const protocol: ProtocolParams = {
    name: 'deliberation',
    rounds: schedule.length,
    gamma: 1,
    discussionTurns: 0,
    acceptance: 'veto',
    vetoHolders: [p1, roleIndex(game, 'p2')],
    maxProposalAttempts: 1,
  };
  return {
    format: 'deliberation',
    planned: {
      id: contentId({ v: 1, format: 'deliberation', sha256: src.sha256, game: contentId(data) }),
      kind: 'deliberation',
      params: params as unknown as Record<string, unknown>,
      protocol,
      nAgents: names.length,
      participants,
      seed,
      runIndex: 0,
      order: 'weak_first',
      competitionLevel: 0,
      rho: null,
      theta: null,
      alpha: null,
      sigma: null,
      focalId: participants[p1].id,
      focalCapability: capabilities[p1],
      capabilities,
    },
    instance,
    turns,
    calls: [],
    outcome,
    published: publishedOutcome(log, game, outcome),
    flags,
    isTruncated,
    group: basename(logDir),
    sourceFile: src.path,
    sourceSha256: src.sha256,
  };
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function deliberationTurns(
  instance: DeliberationInstance,
  game: DeliberationGame,
  log: DeliberationLog,
): TurnRecord[] {
  const turns: TurnRecord[] = game.parties.map((p, i) => {
    const first = log.turns.find((t) => t.party === p.name && t.prompt !== '');
    return setupTurn(
      i,
      first?.prompt ??
        `${instance.rules}\n\n${deliberation.describePreferences(instance, i)}`.trim(),
    );
  });
  log.turns.forEach((t, index) => {
    const agent = game.parties.findIndex((p) => p.name === t.party);
    const round = index + 1;
    const answerText = t.answer || t.publicAnswer.trim();
    const parsed = parseDealTag(game.issues, t.publicAnswer);
    const deal = parsed.ok ? parsed.deal : null;
    const base = { round, pass: 0, agent, attempt: 0 };
    if (index > 0)
      turns.push({
        ...base,
        phase: 'scratchpad',
        visibility: 'private',
        text: t.fullAnswer,
        action: {
          scratchpad: t.scratchpad ?? '',
          answer: answerText,
          deal,
          plan: t.plan ?? '',
        },
        status: 'ok',
      });
    turns.push({
      ...base,
      phase: 'answer',
      visibility: 'public',
      text: index === 0 ? t.publicAnswer.trim() : answerText,
      action: { deal, isOpening: index === 0 },
      ...(parsed.ok
        ? { status: 'ok' as const }
        : { status: 'invalid' as const, error: parsed.error }),
    });
  });
  return turns;
}

function publishedOutcome(
  log: DeliberationLog,
  game: DeliberationGame,
  outcome: ImportedGame['outcome'],
): PublishedOutcome {
  const last = log.turns[log.turns.length - 1];
  const final = last ? parseDealTag(game.issues, last.publicAnswer) : null;
  return {
    deal: outcome?.deal ?? false,
    round: outcome?.round ?? null,
    utilities: game.parties.map(() => null),
    detail: {
      note: 'the log states no scores; the deal and utilities are Parley scoring its final deal',
      finished_rounds: log.finishedRounds,
      turns_in_log: log.turns.length,
      ...(final?.ok ? { last_deal: formatDeal(game.issues, final.deal) } : {}),
    },
  };
}
