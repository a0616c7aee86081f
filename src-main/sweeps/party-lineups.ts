// Line-ups of lineup.mode "parties" (deliberation): a model per party of the game folder, read
// from the folder's parties (config.txt order), with the focal party's model varying over
// lineup.focalModels: the capability axis of a capability x incentive grid.
import type { DeliberationParams } from '../../games/deliberation/definition';
import { DELIBERATION_ROLES } from '../../games/deliberation/types';
import type { ParticipantSpec } from '../../src-shared/participant';
import type { Sweep, SweepIssue } from '../../src-shared/sweep';
import type { Cell } from './cells';
import type { Lineup } from './lineups';

type PartiesLineup = Extract<Sweep['lineup'], { mode: 'parties' }>;
type Lookup = (id: string, path: string) => ParticipantSpec | undefined;

/** Resolve and build the line-ups; problems go to `issues`. Cells carry the folder's parties. */
export function buildPartyLineups(
  sweep: Sweep,
  cells: readonly Cell[],
  lookup: Lookup,
  issues: SweepIssue[],
): Lineup[] {
  const lineup = sweep.lineup as PartiesLineup;
  if (sweep.game.kind !== 'deliberation') {
    issues.push({
      path: 'lineup.mode',
      message: `"parties" seats the parties of a deliberation game folder; use "lineups" for ${sweep.game.kind}`,
    });
    return [];
  }
  // No cells: the folder or the competition axis is already reported.
  const parties = (cells[0]?.params as DeliberationParams | undefined)?.data?.parties;
  if (!parties) return [];
  const names = parties.map((p) => p.name);
  const before = issues.length;
  const focal = names.indexOf(lineup.focalParty);
  if (focal < 0)
    issues.push({
      path: 'lineup.focalParty',
      message: `no party named "${lineup.focalParty}" in the folder (parties: ${names.join(', ')})`,
    });
  for (const name of Object.keys(lineup.byParty)) {
    if (!names.includes(name))
      issues.push({
        path: `lineup.byParty.${name}`,
        message: `no party named "${name}" in the folder (parties: ${names.join(', ')})`,
      });
    else if (name === lineup.focalParty)
      issues.push({
        path: `lineup.byParty.${name}`,
        message: "the focal party's model comes from lineup.focalModels; remove it here",
      });
  }
  for (const role of Object.keys(lineup.byRole))
    if (!(DELIBERATION_ROLES as readonly string[]).includes(role))
      issues.push({
        path: `lineup.byRole.${role}`,
        message: `unknown role "${role}"; one of ${DELIBERATION_ROLES.join(', ')}`,
      });

  const resolved = new Map<string, ParticipantSpec | undefined>();
  const resolve = (id: string, path: string) => {
    if (!resolved.has(path)) resolved.set(path, lookup(id, path));
    return resolved.get(path);
  };
  const others = parties.map((p, i) => {
    if (i === focal) return undefined;
    if (lineup.byParty[p.name] !== undefined)
      return resolve(lineup.byParty[p.name], `lineup.byParty.${p.name}`);
    if (lineup.byRole[p.role] !== undefined)
      return resolve(lineup.byRole[p.role], `lineup.byRole.${p.role}`);
    if (lineup.models !== undefined) return resolve(lineup.models, 'lineup.models');
    issues.push({
      path: 'lineup.models',
      message: `party "${p.name}" (role ${p.role}) has no model: name one in lineup.byParty, lineup.byRole or lineup.models`,
    });
    return undefined;
  });

  const seen = new Map<string, number>();
  const focalSpecs = lineup.focalModels.map((id, j) => {
    const at = seen.get(id);
    if (at !== undefined) {
      issues.push({
        path: `lineup.focalModels[${j}]`,
        message: `duplicate focal model "${id}" (also at lineup.focalModels[${at}])`,
      });
      return undefined;
    }
    seen.set(id, j);
    return resolve(id, `lineup.focalModels[${j}]`);
  });
  if (issues.length > before || focal < 0) return [];

  const out: Lineup[] = [];
  focalSpecs.forEach((spec, j) => {
    if (!spec) return;
    const seats = parties.map((_, i) => (i === focal ? spec : others[i]!));
    // The focal seat is the first seat of the focal model (planned-game.ts focalSeatOf).
    const earlier = seats.findIndex((s) => s.id === spec.id);
    if (earlier < focal) {
      issues.push({
        path: `lineup.focalModels[${j}]`,
        message:
          `"${spec.id}" also plays ${names[earlier]}, seated before the focal party ${lineup.focalParty}, ` +
          `and the focal seat is the first seat of the focal model; give ${names[earlier]} another ` +
          `participant id (a copy of "${spec.id}" under its own id plays the same model)`,
      });
      return;
    }
    out.push({ focal: spec, seats, path: `lineup.focalModels[${j}]` });
  });
  return out;
}
