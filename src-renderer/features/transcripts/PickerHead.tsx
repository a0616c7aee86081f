// The head of the screen without a game: the sweep, and the switch between the sweep's games
// and the search across every transcript.
import { useApp } from '../../state/hooks';

export function PickerHead({
  sweepId,
  view,
  search,
}: {
  sweepId: string | null;
  view: 'games' | 'search';
  /** The search words to keep when switching the sweep of the search view. */
  search?: string;
}) {
  const sweeps = useApp((s) => s.sweeps);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const go = (v: 'games' | 'search', sweep: string | null) =>
    navigate({
      screen: 'transcripts',
      gameId: null,
      sweepId: sweep,
      ...(v === 'search' ? { search: search ?? '' } : {}),
    });
  return (
    <div className="screen-head">
      <h1>Transcripts</h1>
      <div className="view-tabs segmented" role="group" aria-label="View">
        <button
          type="button"
          aria-pressed={view === 'games'}
          data-testid="view-games"
          onClick={() => go('games', sweepId ?? list.at(-1)?.id ?? null)}
        >
          Games
        </button>
        <button
          type="button"
          aria-pressed={view === 'search'}
          data-testid="view-search"
          onClick={() => go('search', sweepId)}
        >
          Search all transcripts
        </button>
      </div>
      <label>
        Sweep{' '}
        <select
          value={sweepId ?? ''}
          data-testid="picker-sweep"
          onChange={(e) => go(view, e.target.value === '' ? null : e.target.value)}
        >
          {view === 'search' && <option value="">every sweep</option>}
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
