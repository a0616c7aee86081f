// The transcript reader of a deliberation game (DESIGN 3.6, 4.3): the parties with their roles,
// incentives and private scores, the turn schedule, and turn by turn the private scratchpad and
// plan (marked private), the public answer and its deal scored by every party.
import { useEffect, useMemo, useState } from 'react';
import type { DeliberationView, Transcript } from '../../../../src-shared/contract';
import { errorMessage } from '../../../api/errors';
import { LoadState } from '../../../components/Loading';
import { isTyping } from '../../../lib/keyboard';
import type { Route } from '../../../lib/route';
import { useApp, usePlatform } from '../../../state/hooks';
import type { Loadable } from '../../../state/types';
import { ImportNote } from '../ImportNote';
import { ReaderHeader } from '../ReaderHeader';
import { DeliberationTurnCard } from './DeliberationTurnCard';
import { deliberationTurns } from './deliberation-turns';
import { OutcomeLine } from './OutcomeLine';
import { PartiesPanel } from './PartiesPanel';
import { TurnSchedule } from './TurnSchedule';
import './deliberation.css';

type TranscriptRoute = Extract<Route, { screen: 'transcripts' }>;

/** The game's deliberation view, fetched again as turns arrive. */
function useDeliberationView(gameId: string, turns: number): Loadable<DeliberationView> {
  const { api } = usePlatform();
  const [view, setView] = useState<Loadable<DeliberationView>>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    api
      .invoke('games:deliberation', { gameId })
      .then((value) => live && setView({ state: 'ready', value }))
      .catch((err: unknown) => live && setView({ state: 'error', error: errorMessage(err) }));
    return () => {
      live = false;
    };
  }, [api, gameId, turns]);
  return view;
}

export function DeliberationReader({
  transcript,
  route,
}: {
  transcript: Transcript;
  route: TranscriptRoute;
}) {
  const { game } = transcript;
  const view = useDeliberationView(game.id, transcript.turns.length);
  const navigate = useApp((s) => s.navigate);
  const gameList = useApp((s) => s.gameList);
  const gameListSweep = useApp((s) => s.gameListSweep);
  const gameListOffset = useApp((s) => s.gameListQuery.offset);
  const gameListTotal = useApp((s) => s.gameListTotal);
  const neighbourGame = useApp((s) => s.neighbourGame);
  const [showPrivate, setShowPrivate] = useState(true);
  const sweepId = route.sweepId;
  const rows = gameList.state === 'ready' && gameListSweep === sweepId ? gameList.value : [];
  const at = rows.findIndex((g) => g.id === game.id);
  const position = at >= 0 ? { index: gameListOffset + at, total: gameListTotal } : null;
  const onStep = async (direction: 1 | -1) => {
    const g = await neighbourGame(game.id, direction);
    if (g) navigate({ screen: 'transcripts', gameId: g.id, sweepId });
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== ']' && e.key !== '[') return;
      e.preventDefault();
      void onStep(e.key === ']' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section
      className="reader delib-reader"
      aria-label="Transcript"
      data-testid="transcript"
      data-game={game.id}
      data-view="deliberation"
    >
      <ReaderHeader
        transcript={transcript}
        sweepId={sweepId}
        position={position}
        onStep={(d) => void onStep(d)}
      />
      <LoadState value={view} what="the deliberation">
        {(v) => (
          <DeliberationBody
            view={v}
            transcript={transcript}
            showPrivate={showPrivate}
            setShowPrivate={setShowPrivate}
          />
        )}
      </LoadState>
    </section>
  );
}

function DeliberationBody({
  view,
  transcript,
  showPrivate,
  setShowPrivate,
}: {
  view: DeliberationView;
  transcript: Transcript;
  showPrivate: boolean;
  setShowPrivate: (v: boolean) => void;
}) {
  const turns = useMemo(
    () => deliberationTurns(transcript.turns, view.deals),
    [transcript.turns, view.deals],
  );
  const seatLabels = transcript.game.participants.map((p) => p.label);
  const [target, setTarget] = useState<number | null>(null);
  const jump = (turn: number) => {
    setTarget(turn);
    document.getElementById(`delib-turn-${turn}`)?.scrollIntoView({ block: 'start' });
  };
  return (
    <div className="reader-body">
      <aside className="reader-side">
        <PartiesPanel view={view} transcript={transcript} />
        <ImportNote transcript={transcript} />
      </aside>
      <div className="reader-main">
        <OutcomeLine view={view} onJump={jump} />
        <TurnSchedule view={view} onJump={jump} />
        <div className="filters">
          <label>
            <input
              type="checkbox"
              checked={showPrivate}
              onChange={(e) => setShowPrivate(e.target.checked)}
              data-testid="show-private"
            />{' '}
            Show private scratchpads and plans
          </label>
          <span className="count muted">
            {turns.length} of {view.schedule.length} turns played
          </span>
        </div>
        <div className="timeline delib-timeline" data-testid="timeline" tabIndex={0}>
          {turns.length === 0 ? (
            <p className="muted empty-line">No turns recorded yet: the game has not started.</p>
          ) : (
            turns.map((t) => (
              <DeliberationTurnCard
                key={t.turn}
                entry={t}
                view={view}
                seatLabels={seatLabels}
                showPrivate={showPrivate}
                isTarget={t.turn === target}
              />
            ))
          )}
        </div>
      </div>
    </div>
  );
}
