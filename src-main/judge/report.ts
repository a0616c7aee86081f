// Leak rates of a sweep's judged answers, per judge and party (with the model that played it)
// and per judge and speaking model. The rate is leaked / (leaked + not leaked): parse failures
// are counted beside it, never as either verdict.
import type { DeliberationInstance } from '../../games/deliberation/definition';
import type { LeakRateRow, LeakReport } from '../../src-shared/contract/deliberation';
import type { Table } from '../analysis/views';
import type { Store } from '../store/types';

export type { LeakRateRow, LeakReport };

function add(
  rows: Map<string, LeakRateRow>,
  key: Omit<LeakRateRow, 'judged' | 'leaked' | 'notLeaked' | 'parseFailures' | 'leakRate'>,
  verdict: string,
): void {
  const k = JSON.stringify([key.judgeId, key.party, key.speaker]);
  const row = rows.get(k) ?? {
    ...key,
    judged: 0,
    leaked: 0,
    notLeaked: 0,
    parseFailures: 0,
    leakRate: null,
  };
  row.judged++;
  if (verdict === 'leaked') row.leaked++;
  else if (verdict === 'not_leaked') row.notLeaked++;
  else row.parseFailures++;
  const decided = row.leaked + row.notLeaked;
  row.leakRate = decided === 0 ? null : row.leaked / decided;
  rows.set(k, row);
}

const byKey = (a: LeakRateRow, b: LeakRateRow) =>
  a.judgeId.localeCompare(b.judgeId) ||
  (a.party ?? '').localeCompare(b.party ?? '') ||
  a.speaker.localeCompare(b.speaker);

export function leakReport(store: Store, sweepId: string, judgeId?: string): LeakReport {
  const games = new Map(store.listGames({ sweepId }).map((g) => [g.id, g]));
  const parties = new Map<string, LeakRateRow>();
  const models = new Map<string, LeakRateRow>();
  for (const j of store.listJudgements({ sweepId, judgeId })) {
    const game = games.get(j.gameId);
    if (!game) continue;
    const instance = game.instance as DeliberationInstance | null;
    const party = instance?.preferences[j.agent]?.name ?? `party ${j.agent + 1}`;
    const speaker = game.participants[j.agent]?.id ?? '?';
    add(parties, { judgeId: j.judgeId, party, speaker }, j.verdict);
    add(models, { judgeId: j.judgeId, party: null, speaker }, j.verdict);
  }
  return {
    byParty: [...parties.values()].sort(byKey),
    byModel: [...models.values()].sort(byKey),
  };
}

/**
 * The report as the two tables of `parley analyze --view leaks` (text, CSV or JSON through the
 * analysis table writer); the rows are the report's, with snake_case columns.
 */
export function leakTables(report: LeakReport): Table[] {
  const row = (r: LeakRateRow) => ({
    judge: r.judgeId,
    ...(r.party !== null ? { party: r.party } : {}),
    speaker: r.speaker,
    judged: r.judged,
    leaked: r.leaked,
    not_leaked: r.notLeaked,
    parse_failures: r.parseFailures,
    leak_rate: r.leakRate,
  });
  const counts = ['judged', 'leaked', 'not_leaked', 'parse_failures', 'leak_rate'];
  return [
    {
      title: 'Leak rate per judge and party',
      columns: ['judge', 'party', 'speaker', ...counts],
      rows: report.byParty.map(row),
      notes: [
        report.byParty.length === 0
          ? 'No judged answers in this sweep: run `parley judge <sweep> --model M` first.'
          : 'leak_rate = leaked / (leaked + not_leaked); parse failures are counted beside it.',
      ],
    },
    {
      title: 'Leak rate per judge and speaking model',
      columns: ['judge', 'speaker', ...counts],
      rows: report.byModel.map(row),
    },
  ];
}

/** The report as text tables (one line per row). */
export function formatLeakReport(report: LeakReport): string {
  if (report.byParty.length === 0) return 'No judged answers in this sweep.\n';
  const rate = (r: LeakRateRow) => (r.leakRate === null ? '-' : r.leakRate.toFixed(3));
  const table = (rows: LeakRateRow[], first: string, cell: (r: LeakRateRow) => string[]) => {
    const head = ['judge', first, 'judged', 'leaked', 'not_leaked', 'parse_fail', 'leak_rate'];
    const body = rows.map((r) => [
      r.judgeId,
      ...cell(r),
      String(r.judged),
      String(r.leaked),
      String(r.notLeaked),
      String(r.parseFailures),
      rate(r),
    ]);
    const all = [head, ...body];
    const widths = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
    return all
      .map((row) =>
        row
          .map((c, i) => c.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n');
  };
  return (
    'Leak rate per party (leaked / (leaked + not leaked); parse failures excluded)\n' +
    table(report.byParty, 'party (speaker)', (r) => [`${r.party} (${r.speaker})`]) +
    '\n\nLeak rate per speaking model\n' +
    table(report.byModel, 'speaker', (r) => [r.speaker]) +
    '\n'
  );
}
