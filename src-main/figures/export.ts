// Writes a rendered SVG figure as SVG, 300 dpi PNG or vector PDF with embedded DejaVu fonts; every
// format carries its provenance inside the file and in a sidecar `<outPath>.json`.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { FONT_FAMILY, locateFonts, type FigureFonts } from './fonts';
import { PT_PER_INCH } from './layout';
import { insertPngText, setPngDpi } from './png-chunks';

/** Where a figure came from: enough to regenerate it from the database. */
export interface Provenance {
  sweepIds: string[];
  query: unknown;
  parleyVersion: string;
  /** ISO 8601; also becomes the PDF CreationDate so a PDF is reproducible from its inputs. */
  createdAt: string;
  spec?: unknown;
}

export type FigureFormat = 'svg' | 'png' | 'pdf';

export interface ExportOptions {
  format: FigureFormat;
  widthIn: number;
  heightIn: number;
  provenance: Provenance;
  outPath: string;
  /** PDF Title; defaults to "Parley figure". */
  title?: string;
}

export interface ExportResult {
  figurePath: string;
  sidecarPath: string;
  /** Elements svg-to-pdfkit could not convert (PDF only); empty for ECharts output. */
  warnings: string[];
}

export const PNG_DPI = 300;
export const PNG_PROVENANCE_KEY = 'parley:provenance';
const PDF_REGULAR = 'DejaVuSans';
const PDF_BOLD = 'DejaVuSans-Bold';

/** Compact JSON with every non-ASCII character escaped, so it fits Latin-1 PNG text and XML alike. */
function provenanceJson(provenance: Provenance): string {
  return JSON.stringify(provenance).replace(
    /[\u0080-\uffff]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Replace the root element's width and height (the viewBox keeps the drawing's own units). */
export function setSvgSize(svg: string, width: string, height: string): string {
  return svg.replace(/<svg\b[^>]*>/, (root) => {
    const sized = root.replace(/\s(width|height)="[^"]*"/g, '');
    return sized.replace(/^<svg\b/, `<svg width="${width}" height="${height}"`);
  });
}

/** Size of an SVG from its root width/height attributes, in user units (pt for Parley figures). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)/.exec(root)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error('SVG root has no numeric width and height');
  return { width, height };
}

function withMetadata(svg: string, provenance: Provenance): string {
  const metadata = `<metadata id="parley-provenance">${escapeXml(provenanceJson(provenance))}</metadata>`;
  return svg.replace(/<svg\b[^>]*>/, (root) => `${root}\n${metadata}`);
}

/**
 * svg-to-pdfkit ignores paint-order, so ECharts' halo strokes on label text would be painted over
 * the fill and light labels would vanish; text needs no stroke in a static figure.
 */
export function stripTextStrokes(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) =>
    tag
      .replace(
        /\s(?:paint-order|stroke|stroke-width|stroke-linejoin|stroke-opacity|stroke-miterlimit)="[^"]*"/g,
        '',
      )
      .replace(
        /style="([^"]*)"/,
        (_m, style: string) =>
          `style="${style.replace(/(?:^|;)\s*(?:paint-order|stroke[\w-]*)\s*:[^;]*/g, '')}"`,
      ),
  );
}

function renderPng(
  svg: string,
  widthIn: number,
  heightIn: number,
  fonts: FigureFonts,
  provenance: Provenance,
): Buffer {
  const sized = setSvgSize(svg, String(widthIn * PT_PER_INCH), String(heightIn * PT_PER_INCH));
  const resvg = new Resvg(sized, {
    fitTo: { mode: 'width', value: Math.round(widthIn * PNG_DPI) },
    background: 'white',
    font: {
      fontFiles: [fonts.regular, fonts.bold],
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
    },
  });
  const png = Buffer.from(resvg.render().asPng());
  return insertPngText(setPngDpi(png, PNG_DPI), PNG_PROVENANCE_KEY, provenanceJson(provenance));
}

function renderPdf(
  svg: string,
  opts: ExportOptions,
  fonts: FigureFonts,
  warnings: string[],
): Promise<Buffer> {
  const createdAt = new Date(opts.provenance.createdAt);
  if (Number.isNaN(createdAt.getTime()))
    throw new Error(`provenance.createdAt is not a date: ${opts.provenance.createdAt}`);
  const width = opts.widthIn * PT_PER_INCH;
  const height = opts.heightIn * PT_PER_INCH;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    info: {
      Title: opts.title ?? 'Parley figure',
      Author: 'Parley',
      Subject: provenanceJson(opts.provenance),
      Keywords: opts.provenance.sweepIds.join(', '),
      Creator: `Parley ${opts.provenance.parleyVersion}`,
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(PDF_REGULAR, fonts.regular);
  doc.registerFont(PDF_BOLD, fonts.bold);
  SVGtoPDF(doc, stripTextStrokes(svg), 0, 0, {
    width,
    height,
    assumePt: true,
    preserveAspectRatio: 'xMidYMid meet',
    // Every family maps to the embedded DejaVu files, so no PDF falls back to a standard font.
    fontCallback: (_family, isBold) => (isBold ? PDF_BOLD : PDF_REGULAR),
    warningCallback: (message) => warnings.push(message),
  });
  doc.end();
  return done;
}

/**
 * Write `svg` to `outPath` in the chosen format plus `<outPath>.json` holding the provenance.
 * Sizes are in inches: 3.25 x h for one column, 6.75 x h for full width.
 */
export async function exportFigure(svg: string, opts: ExportOptions): Promise<ExportResult> {
  if (!(opts.widthIn > 0 && opts.heightIn > 0))
    throw new Error('widthIn and heightIn must be positive');
  await mkdir(dirname(opts.outPath), { recursive: true });
  const warnings: string[] = [];
  let bytes: Buffer | string;
  if (opts.format === 'svg') {
    bytes = withMetadata(
      setSvgSize(svg, `${opts.widthIn}in`, `${opts.heightIn}in`),
      opts.provenance,
    );
  } else if (opts.format === 'png') {
    bytes = renderPng(svg, opts.widthIn, opts.heightIn, locateFonts(), opts.provenance);
  } else {
    bytes = await renderPdf(svg, opts, locateFonts(), warnings);
  }
  const sidecarPath = `${opts.outPath}.json`;
  await writeFile(opts.outPath, bytes);
  await writeFile(sidecarPath, JSON.stringify(opts.provenance, null, 2) + '\n');
  return { figurePath: opts.outPath, sidecarPath, warnings };
}
