// Arguments shared by the analysis commands: a sweep reference and a number option.
import type { Store } from '../store/types';
import { CliError, EXIT_BAD_INPUT, resolveDbPath } from './common';

/** The id of the sweep `ref` names (id, prefix or name); a CliError listing the known ones. */
export function sweepId(store: Store, ref: string, db?: string): string {
  const sweep = store.findSweep(ref);
  if (!sweep) {
    const known = store.listSweeps().map((s) => `${s.id.slice(0, 8)}  ${s.name}`);
    throw new CliError(
      `no sweep matches "${ref}" in ${resolveDbPath(db)}` +
        (known.length ? `; known sweeps:\n  ${known.join('\n  ')}` : ' (it has no sweeps)'),
      EXIT_BAD_INPUT,
    );
  }
  return sweep.id;
}

export function parseNumberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v))
    throw new CliError(`${name} must be a number, got "${text}"`, EXIT_BAD_INPUT);
  return v;
}
