// The reader without a game: the sweep's games in the shared game list (filtered, sorted and
// paged on the host, so any game of a sweep of any size is reached). The list's page is kept in
// the store, so the way back from a transcript returns to it and [ and ] walk on from it.
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { GameList } from '../../components/GameList';
import { FIRST_PAGE } from '../../lib/game-list-query';
import { useApp } from '../../state/hooks';
import { PickerHead } from './PickerHead';

export function GamePicker({ sweepId }: { sweepId: string | null }) {
  const sweeps = useApp((s) => s.sweeps);
  const gameListSweep = useApp((s) => s.gameListSweep);
  const gameListQuery = useApp((s) => s.gameListQuery);
  const setGameListQuery = useApp((s) => s.setGameListQuery);
  const navigate = useApp((s) => s.navigate);
  const list = sweeps.state === 'ready' ? sweeps.value : [];
  const chosen = sweepId ?? list.at(-1)?.id ?? null;

  useEffect(() => {
    if (!sweepId && chosen)
      navigate({ screen: 'transcripts', gameId: null, sweepId: chosen }, { replace: true });
  }, [sweepId, chosen, navigate]);

  if (sweeps.state === 'ready' && list.length === 0) return <EmptyState />;
  return (
    <section className="picker" aria-label="Pick a game">
      <PickerHead sweepId={chosen} view="games" />
      {chosen && (
        <GameList
          key={chosen}
          sweepId={chosen}
          query={gameListSweep === chosen ? gameListQuery : FIRST_PAGE}
          onQueryChange={(q) => setGameListQuery(chosen, q)}
        />
      )}
    </section>
  );
}
