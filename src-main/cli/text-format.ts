// Plain-text rendering for the terminal: grids (the heatmap as a table) and transcripts.
import { agentName } from '../../games/types';
import type { TurnRecord } from '../../src-shared/game';
import type { GameRow } from '../store/types';

/** A labelled matrix as an aligned text table; null cells print as "-". */
export function formatGrid(opts: {
  title: string;
  corner: string;
  rowLabels: string[];
  colLabels: string[];
  values: (number | null)[][];
  digits?: number;
}): string {
  const digits = opts.digits ?? 1;
  const cells = opts.values.map((row) => row.map((v) => (v === null ? '-' : v.toFixed(digits))));
  const firstWidth = Math.max(opts.corner.length, ...opts.rowLabels.map((l) => l.length));
  const widths = opts.colLabels.map((label, j) =>
    Math.max(label.length, ...cells.map((row) => row[j].length)),
  );
  const line = (first: string, rest: string[]) =>
    [first.padEnd(firstWidth), ...rest.map((c, j) => c.padStart(widths[j]))].join('  ');
  const out = [opts.title, line(opts.corner, opts.colLabels)];
  out.push('-'.repeat(out[1].length));
  opts.rowLabels.forEach((label, i) => out.push(line(label, cells[i])));
  return out.join('\n');
}

const PHASE_LABEL: Record<string, string> = {
  setup: 'SETUP',
  discussion: 'DISCUSS',
  thinking: 'THINK',
  proposal: 'PROPOSE',
  listing: 'PROPOSALS',
  vote: 'VOTE',
  tally: 'TALLY',
  reflection: 'REFLECT',
};

/** A readable transcript: one block per round, private entries marked "[private]". */
export function formatTranscript(
  game: GameRow,
  turns: TurnRecord[],
  opts: { showPrivate: boolean },
): string {
  const out: string[] = [];
  const names = game.participants.map((p, i) => `${agentName(i)} = ${p.displayName ?? p.id}`);
  out.push(
    `Game ${game.id}  (${game.kind}, seed ${game.seed}, competition ${game.competitionLevel}, order ${game.order})`,
  );
  out.push(`Seats: ${names.join(', ')}`);
  out.push(`Status: ${game.status}${game.error ? ` (${game.error})` : ''}`);
  let round = -1;
  for (const t of turns) {
    if (t.visibility === 'private' && !opts.showPrivate) continue;
    if (t.round !== round) {
      round = t.round;
      out.push('', round === 0 ? '== Setup ==' : `== Round ${round} ==`);
    }
    const who = t.agent < 0 ? 'Moderator' : agentName(t.agent);
    const tags = [
      t.visibility === 'private' ? '[private]' : '',
      t.status !== 'ok' ? `[${t.status}]` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const head = `${PHASE_LABEL[t.phase] ?? t.phase} ${who}${t.attempt > 0 ? ` (attempt ${t.attempt + 1})` : ''}${tags ? ` ${tags}` : ''}`;
    const body = t.text
      .split('\n')
      .map((l) => `    ${l}`)
      .join('\n');
    out.push(`  ${head}`, body);
    if (t.error) out.push(`    ! ${t.error}`);
  }
  const o = game.outcome;
  out.push('');
  if (o) {
    out.push(
      o.deal
        ? `Outcome: deal in round ${o.round}; utilities ${o.utilities.map((u, i) => `${agentName(i)} ${u.toFixed(2)}`).join(', ')}`
        : 'Outcome: no deal; utilities 0 for all',
    );
  } else {
    out.push('Outcome: not finished');
  }
  return out.join('\n');
}
