// Shared sizing for paper figures: 1 SVG px = 1 pt at 72 per inch, text sizes from DESIGN.md 10,
// and a DejaVu Sans width estimate so layouts reserve room for labels before ECharts draws them.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { FONT_FAMILY } from './fonts';

export const PT_PER_INCH = 72;

/** Two-column conference page: one column 3.25 in (234 pt), full width 6.75 in (486 pt). */
export const FIGURE_WIDTH_PT = { column: 3.25 * PT_PER_INCH, full: 6.75 * PT_PER_INCH } as const;

export type FigureWidth = keyof typeof FIGURE_WIDTH_PT | number;

/** Text sizes in pt; nothing in a figure is smaller than 7 pt. */
export const FONT_PT = { title: 9, axisName: 8, tick: 7, annotation: 7, legend: 7 } as const;

export const INK = '#222222';

/** Line height of multi-line text, as a multiple of the font size. */
export const LINE_HEIGHT = 1.2;
export const MUTED_INK = '#555555';

export function resolveWidth(width: FigureWidth): number {
  return typeof width === 'number' ? width : FIGURE_WIDTH_PT[width];
}

// Advance widths of DejaVu Sans for ASCII 32..126 in 1/1000 em (read from the font files with
// fontkit), so layouts reserve exactly the room that resvg and the PDF will use.
// prettier-ignore
const DEJAVU_REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
// prettier-ignore
const DEJAVU_BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];

/**
 * Rendered width of text in DejaVu Sans at the given size (pt). Non-ASCII counts as 1 em: a safe
 * overestimate, and zrender derives line height from the width of a CJK character.
 */
export function textWidth(text: string, size: number, isBold = false): number {
  const table = isBold ? DEJAVU_BOLD : DEJAVU_REGULAR;
  let perMille = 0;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    perMille += code >= 32 && code < 127 ? table[code - 32] : 1000;
  }
  return (perMille / 1000) * size;
}

// Without a canvas, ECharts guesses text widths; legends and centred titles then overlap once
// DejaVu is drawn. Measuring with the real advance widths keeps its layout honest.
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => {
    const size = Number(/([\d.]+)px/.exec(font ?? '')?.[1] ?? 12);
    return { width: textWidth(text, size, /\bbold\b|\b[6-9]00\b/.test(font ?? '')) };
  },
});

/** Tick text for a category value: numbers lose float noise (0.30000000000000004 -> 0.3). */
export function formatCategory(value: number | string): string {
  return typeof value === 'number' ? String(Number(value.toPrecision(6))) : value;
}

export function baseTextStyle(fontFamily: string = FONT_FAMILY): {
  fontFamily: string;
  color: string;
} {
  return { fontFamily, color: INK };
}

/** Text style for an axis name, which may have been wrapped onto several lines. */
export const AXIS_NAME_STYLE = {
  fontSize: FONT_PT.axisName,
  lineHeight: FONT_PT.axisName * LINE_HEIGHT,
} as const;

/**
 * ECharts names classes, gradients and clip paths after process-wide counters (zr3-cls-41,
 * zr3-g0), so the same figure would differ with how many charts the process drew before it (the
 * app's long-running host versus a fresh `parley figures`). Renumber them in order of appearance.
 */
export function stableSvgIds(svg: string): string {
  const renamed = new Map<string, string>();
  const counts = new Map<string, number>();
  return svg.replace(/\bzr\d+-(cls-|[a-z]+)\d+\b/g, (name, kind: string) => {
    let next = renamed.get(name);
    if (next === undefined) {
      const k = counts.get(kind) ?? 0;
      counts.set(kind, k + 1);
      next = `zr0-${kind}${k}`;
      renamed.set(name, next);
    }
    return next;
  });
}

/**
 * Render an option to a standalone SVG string with ECharts' server-side renderer. The hover CSS
 * ECharts appends is dropped: it means nothing on paper and confuses SVG-to-PDF converters.
 */
export function renderOptionToSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return stableSvgIds(chart.renderToSVGString().replace(/<style\s*>[\s\S]*?<\/style>\s*/g, ''));
  } finally {
    chart.dispose();
  }
}

/** Greedy word wrap so a label fits maxWidth at the given size; a single long word stays whole. */
export function wrapText(text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && textWidth(`${last} ${word}`, size) <= maxWidth)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}
