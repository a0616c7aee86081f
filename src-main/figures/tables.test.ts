import { describe, expect, it } from 'vitest';
import {
  escapeLatex,
  toCsv,
  toLatexBooktabs,
  toLatexMatrix,
  type TableColumn,
  type TableRow,
} from './tables';

const columns: TableColumn[] = [
  { key: 'model', header: 'Model_name' },
  { key: 'n', header: 'N', kind: 'number', digits: 0 },
  { key: 'share', header: 'Share (%)', kind: 'ci' },
];
const rows: TableRow[] = [
  { model: 'gpt-4o & "mini"', n: 30, share: { mean: 0.42, ciLow: 0.37, ciHigh: 0.47 } },
  { model: 'claude_3~5 #1', n: 28, share: { mean: -0.125, ciLow: -0.3, ciHigh: 0.05 } },
  { model: 'none', n: null, share: { mean: null } },
];

describe('escapeLatex', () => {
  it('escapes all ten special characters exactly once', () => {
    expect(escapeLatex('a & b % c $ d # e _ f { g } h ~ i ^ j \\ k')).toBe(
      'a \\& b \\% c \\$ d \\# e \\_ f \\{ g \\} h \\textasciitilde{} i \\textasciicircum{} j \\textbackslash{} k',
    );
  });
});

describe('toCsv', () => {
  it('writes full-precision numbers, splits CI columns and quotes where needed', () => {
    expect(toCsv(rows, columns)).toBe(
      [
        'Model_name,N,Share (%),Share (%) CI low,Share (%) CI high',
        '"gpt-4o & ""mini""",30,0.42,0.37,0.47',
        'claude_3~5 #1,28,-0.125,-0.3,0.05',
        'none,,,,',
        '',
      ].join('\n'),
    );
  });
});

describe('toLatexBooktabs', () => {
  it('writes a booktabs table with mean ± half CI in math mode', () => {
    expect(
      toLatexBooktabs(rows, columns, {
        caption: 'Share of surplus & N',
        label: 'tab:share',
        digits: 2,
      }),
    ).toBe(
      [
        '\\begin{table}[t]',
        '  \\centering',
        '  \\caption{Share of surplus \\& N}',
        '  \\label{tab:share}',
        '  \\begin{tabular}{lrr}',
        '    \\toprule',
        '    Model\\_name & N & Share (\\%) \\\\',
        '    \\midrule',
        '    gpt-4o \\& "mini" & 30 & $0.42 \\pm 0.05$ \\\\',
        '    claude\\_3\\textasciitilde{}5 \\#1 & 28 & $-0.13 \\pm 0.17$ \\\\',
        '    none & -- & -- \\\\',
        '    \\bottomrule',
        '  \\end{tabular}',
        '\\end{table}',
        '',
      ].join('\n'),
    );
  });

  it('writes mean [low, high] with text-mode minus signs when asked', () => {
    const latex = toLatexBooktabs(rows.slice(0, 2), columns.slice(2), {
      digits: 2,
      ciStyle: 'brackets',
    });
    expect(latex.split('\n').slice(6, 8)).toEqual([
      '    0.42 [0.37, 0.47] \\\\',
      '    $-$0.13 [$-$0.30, 0.05] \\\\',
    ]);
  });
});

describe('toLatexMatrix', () => {
  it('writes rows by capability, one column per level, and a LaTeX caption as given', () => {
    const latex = toLatexMatrix(
      {
        rowColumns: [{ key: 'c', header: 'Focal capability', kind: 'text' }],
        rows: [{ c: 0.2 }, { c: 0.8 }],
        across: { header: 'Competition level', values: ['0', '1'] },
        cells: [
          [{ mean: 40, ciLow: 38, ciHigh: 42 }, null],
          [
            { mean: 60.25, ciLow: 60, ciHigh: 61 },
            { mean: -1, ciLow: null, ciHigh: null },
          ],
        ],
      },
      { digits: 1, captionLatex: 'Utility: mean $\\pm$ half the 95\\% CI.', label: 'tab:m' },
    );
    expect(latex).toBe(
      [
        '\\begin{table}[t]',
        '  \\centering',
        '  \\caption{Utility: mean $\\pm$ half the 95\\% CI.}',
        '  \\label{tab:m}',
        '  \\begin{tabular}{lrr}',
        '    \\toprule',
        '     & \\multicolumn{2}{c}{Competition level} \\\\',
        '    \\cmidrule(lr){2-3}',
        '    Focal capability & 0 & 1 \\\\',
        '    \\midrule',
        '    0.2 & $40.0 \\pm 2.0$ & -- \\\\',
        '    0.8 & $60.3 \\pm 0.5$ & $-$1.0 \\\\',
        '    \\bottomrule',
        '  \\end{tabular}',
        '\\end{table}',
        '',
      ].join('\n'),
    );
  });

  it('spans both columns in small type past five levels', () => {
    const values = ['0', '0.2', '0.4', '0.6', '0.8', '1'];
    const latex = toLatexMatrix(
      {
        rowColumns: [{ key: 'c', header: 'c', kind: 'text' }],
        rows: [{ c: 'a' }],
        across: { header: 'Level', values },
        cells: [values.map(() => ({ mean: 1 }))],
      },
      { digits: 0, caption: '50% & more' },
    );
    expect(latex.split('\n').slice(0, 5)).toEqual([
      '\\begin{table*}[t]',
      '  \\centering',
      '  \\caption{50\\% \\& more}',
      '  \\small',
      '  \\setlength{\\tabcolsep}{4pt}',
    ]);
    expect(latex).toContain('\\end{table*}');
  });
});
