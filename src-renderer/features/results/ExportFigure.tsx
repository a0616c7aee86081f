// "Export…" beside a results chart: the host draws the figure with the renderer of `parley figures`
// (vector PDF with embedded fonts, SVG, 300 dpi PNG; the heatmap's cell table as CSV or LaTeX) and
// the platform saves it (the native dialog on desktop, a download in the browser).
import { useState } from 'react';
import type { ExportFormat, ExportWidth, ResultMetric } from '../../../src-shared/contract';
import { errorMessage } from '../../api/errors';
import { usePlatform } from '../../state/hooks';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF (vector)',
  svg: 'SVG',
  png: 'PNG (300 dpi)',
  csv: 'Cell table (CSV)',
  tex: 'Cell table (LaTeX)',
};

export const WIDTH_LABELS: Record<ExportWidth, string> = {
  column: 'One column (3.25 in)',
  full: 'Full width (6.75 in)',
};

const isTable = (format: ExportFormat) => format === 'csv' || format === 'tex';

export interface ExportFigureProps {
  figure: 'heatmap' | 'curves' | 'concession' | 'matchup';
  sweepId: string;
  metric: ResultMetric;
  /** The capability axis the chart shows (the grid's own). */
  capabilityMetric: string | null;
  /** The concession curves' opponent. */
  opponent?: string;
}

export function ExportFigure({
  figure,
  sweepId,
  metric,
  capabilityMetric,
  opponent,
}: ExportFigureProps) {
  const platform = usePlatform();
  const formats: ExportFormat[] =
    figure === 'heatmap' ? ['pdf', 'svg', 'png', 'csv', 'tex'] : ['pdf', 'svg', 'png'];
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [width, setWidth] = useState<ExportWidth>('column');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** What happened to the last export, shown until the next one. */
  const [done, setDone] = useState<string | null>(null);
  const id = `export-${figure}`;

  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const file = await platform.api.invoke('results:exportFigure', {
        sweepId,
        figure: isTable(format) ? 'table' : figure,
        metric,
        ...(capabilityMetric ? { capabilityMetric } : {}),
        ...(opponent ? { opponent } : {}),
        format,
        width,
      });
      const result = await platform.saveFile(file.fileName, file.content, {
        encoding: file.encoding,
        mime: file.mime,
      });
      const saved = result.saved
        ? `Saved ${result.path ?? file.fileName}`
        : 'Not saved (cancelled)';
      setDone(file.notes.length ? `${saved}. Note: ${file.notes.join('; ')}.` : saved);
    } catch (err) {
      setError(`Export failed: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="figure-export"
      role="group"
      aria-label={`Export the ${figure}`}
      data-testid={id}
      data-state={busy ? 'busy' : error ? 'error' : 'idle'}
      aria-busy={busy}
    >
      <span className="figure-export-title">Export the {figure}</span>
      <label>
        Format
        <select
          data-testid={`${id}-format`}
          value={format}
          disabled={busy}
          onChange={(e) => setFormat(e.target.value as ExportFormat)}
        >
          {formats.map((f) => (
            <option key={f} value={f}>
              {FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Width
        <select
          data-testid={`${id}-width`}
          value={width}
          disabled={busy || isTable(format)}
          onChange={(e) => setWidth(e.target.value as ExportWidth)}
        >
          {(['column', 'full'] as const).map((w) => (
            <option key={w} value={w}>
              {WIDTH_LABELS[w]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        data-testid={`${id}-button`}
        disabled={busy}
        onClick={() => void run()}
        title={`Export the ${isTable(format) ? 'cell table' : figure} as drawn by \`parley figures\``}
      >
        {busy ? 'Exporting…' : 'Export…'}
      </button>
      {done && !error && (
        <span className="muted" role="status" data-testid={`${id}-done`}>
          {done}
        </span>
      )}
      {error && (
        <span className="error-inline" role="alert" data-testid={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
