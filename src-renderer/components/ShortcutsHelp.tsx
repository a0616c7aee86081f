const SHORTCUTS: [string, string][] = [
  ['?', 'show or hide this help'],
  ['Alt+1 … Alt+6', 'Design, Runs, Results, Transcripts, Models & Keys, Compare'],
  ['← → ↑ ↓ / Enter', 'move in the comparison table / open a cell’s pairs'],
  ['j / ↓', 'next round (transcript)'],
  ['k / ↑', 'previous round (transcript)'],
  [']', 'next game (transcript)'],
  ['[', 'previous game (transcript)'],
  ['/', 'search the transcript'],
  ['n / Shift+N', 'next / previous search match (transcript)'],
  ['p', 'private messages only, on and off (transcript)'],
  ['↑ ↓ / Enter / PgUp PgDn', 'move in a game list / open the game / turn its page'],
  ['Esc', 'close this help; leave the search box'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="overlay" role="presentation" onClick={onClose}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts"
        onClick={(e) => e.stopPropagation()}
        // A modal keeps Tab inside; Close is its only control.
        onKeyDown={(e) => {
          if (e.key === 'Tab') e.preventDefault();
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="grid compact">
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
