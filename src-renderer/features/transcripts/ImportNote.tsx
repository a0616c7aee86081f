// An imported game's provenance in the reader: the source file, the outcome it published beside
// Parley's recomputed one, and every flag where the two differ.
import type { Transcript } from '../../../src-shared/contract';
import { agentName, fmt } from '../../lib/format';

export function ImportNote({ transcript }: { transcript: Transcript }) {
  const { imported, outcome } = transcript;
  if (!imported) return null;
  const { published } = imported;
  return (
    <section className="import-note" data-testid="import-note" aria-label="Imported game">
      <h3>
        Imported <span className="muted">({imported.format})</span>
        {imported.flags.length > 0 && (
          <span className="pill pill-flag" title="The published outcome and Parley's differ">
            {imported.flags.length === 1 ? 'flag' : `${imported.flags.length} flags`}
          </span>
        )}
        {imported.isTruncated && <span className="pill pill-flag">truncated</span>}
      </h3>
      <div className="muted small source" title={imported.sourceFile}>
        {imported.sourceFile}
      </div>
      <table className="compare">
        <thead>
          <tr>
            <th />
            <th>published</th>
            <th>Parley</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>deal</td>
            <td>{published.deal ? `round ${published.round}` : 'none'}</td>
            <td>{outcome ? (outcome.deal ? `round ${outcome.round}` : 'none') : '–'}</td>
          </tr>
          {published.utilities.map((u, i) => (
            <tr key={i}>
              <td>{agentName(i)}</td>
              <td className="num">{fmt(u, 3)}</td>
              <td className="num">{fmt(outcome?.utilities[i], 3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {imported.flags.length > 0 && (
        <ul className="warnings">
          {imported.flags.map((f) => (
            <li key={f.code}>{f.message}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
