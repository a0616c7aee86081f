// A game's display name from games:catalog (the game's own `title`), for any screen; the kind
// itself until the catalog has arrived.
import { useEffect } from 'react';
import type { GameKind } from '../../../src-shared/game';
import { useApp } from '../../state/hooks';

export function useGameTitle(): (kind: GameKind) => string {
  const catalog = useApp((s) => s.catalog);
  const loadCatalog = useApp((s) => s.loadCatalog);
  useEffect(() => {
    if (catalog.state === 'idle') void loadCatalog();
  }, [catalog.state, loadCatalog]);
  return (kind) =>
    (catalog.state === 'ready' ? catalog.value.find((g) => g.kind === kind)?.title : undefined) ??
    kind;
}
