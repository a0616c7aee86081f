// The transcript reader: a virtualised round-by-round timeline (thousands of messages stay
// smooth), phase colours, private content marked and filterable, each round's votes as a table,
// the agents' private preferences and utilities, search, and keyboard navigation.
import { useEffect, useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { GameSummary, Transcript } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { isTyping } from '../../lib/keyboard';
import { useGameTitle } from '../design/use-game-title';
import { fmt } from '../../lib/format';
import type { Route } from '../../lib/route';
import { markAfterPaint } from '../../lib/perf';
import { buildTimeline, neighbourRound } from './timeline';
import type { TimelineRow } from './timeline';
import { useApp } from '../../state/hooks';
import { AgentsPanel } from './AgentsPanel';
import { ImportNote } from './ImportNote';
import { GamePicker } from './GamePicker';
import { RoundTableView } from './RoundTableView';
import { TranscriptFilterBar } from './TranscriptFilterBar';
import { TurnRow } from './TurnRow';

type TranscriptRoute = Extract<Route, { screen: 'transcripts' }>;

export function TranscriptScreen({ route }: { route: TranscriptRoute }) {
  const transcript = useApp((s) => s.transcript);
  const loadTranscript = useApp((s) => s.loadTranscript);
  const gameList = useApp((s) => s.gameList);
  const gameListSweep = useApp((s) => s.gameListSweep);
  const loadGameList = useApp((s) => s.loadGameList);
  const { gameId, sweepId } = route;

  useEffect(() => {
    if (gameId) void loadTranscript(gameId);
  }, [gameId, loadTranscript]);
  useEffect(() => {
    if (sweepId && gameListSweep !== sweepId) void loadGameList(sweepId);
  }, [sweepId, gameListSweep, loadGameList]);

  if (!gameId) return <GamePicker sweepId={sweepId} />;
  const games = gameList.state === 'ready' && gameListSweep === sweepId ? gameList.value : [];
  return (
    <LoadState value={transcript} what="the transcript" retry={() => void loadTranscript(gameId)}>
      {(t) =>
        t.game.id === gameId ? <Reader transcript={t} games={games} sweepId={sweepId} /> : null
      }
    </LoadState>
  );
}

function Reader({
  transcript,
  games,
  sweepId,
}: {
  transcript: Transcript;
  games: GameSummary[];
  sweepId: string | null;
}) {
  const filters = useApp((s) => s.filters);
  const setFilters = useApp((s) => s.setFilters);
  const navigate = useApp((s) => s.navigate);
  const gameTitle = useGameTitle();
  const { game, outcome } = transcript;
  const nAgents = game.participants.length;
  const timeline = useMemo(
    () => buildTimeline(transcript.turns, filters, nAgents),
    [transcript.turns, filters, nAgents],
  );
  const seatLabels = game.participants.map((p) => p.label);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  // The virtualizer is a mutable object by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: timeline.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(timeline.rows[i]),
    getItemKey: (i) => timeline.rows[i].key,
    overscan: 8,
  });
  const position = games.findIndex((g) => g.id === game.id);
  useEffect(() => markAfterPaint('parley:transcript-painted'), [game.id]);
  const openGame = (g: GameSummary | undefined) =>
    g && navigate({ screen: 'transcripts', gameId: g.id, sweepId });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      const top =
        virtualizer.getVirtualItems().find((v) => v.end > (virtualizer.scrollOffset ?? 0) + 1)
          ?.index ?? 0;
      let target: number | null = null;
      if (e.key === 'j' || e.key === 'ArrowDown') target = neighbourRound(timeline, top, 1);
      else if (e.key === 'k' || e.key === 'ArrowUp') target = neighbourRound(timeline, top, -1);
      else if (e.key === ']') openGame(games[position + 1]);
      else if (e.key === '[') openGame(games[position - 1]);
      else if (e.key === '/') searchRef.current?.focus();
      else return;
      e.preventDefault();
      if (target !== null) virtualizer.scrollToIndex(target, { align: 'start' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section
      className="reader"
      aria-label="Transcript"
      data-testid="transcript"
      data-game={game.id}
    >
      <header className="reader-head">
        <div className="reader-title">
          <h1>
            {gameTitle(game.kind)} · {game.participants.map((p) => p.label).join(' vs ')}
          </h1>
          <div className="muted">
            competition {fmt(game.competitionLevel, 2)} · seed {game.seed} · run {game.runIndex + 1}{' '}
            · {game.order.replace('_', ' ')} ·{' '}
            <span className={`pill pill-${game.status}`}>{game.status}</span>{' '}
            {outcome ? (outcome.deal ? `deal in round ${outcome.round}` : 'no deal') : ''}
            {game.error ? <span className="bad"> · {game.error}</span> : null}
          </div>
        </div>
        <div className="actions">
          <button
            type="button"
            disabled={position <= 0}
            onClick={() => openGame(games[position - 1])}
            title="Previous game ( [ )"
          >
            ‹ prev
          </button>
          <span className="muted">
            {position >= 0 ? `game ${position + 1} of ${games.length}` : ''}
          </span>
          <button
            type="button"
            disabled={position < 0 || position >= games.length - 1}
            onClick={() => openGame(games[position + 1])}
            title="Next game ( ] )"
          >
            next ›
          </button>
        </div>
      </header>
      <div className="reader-body">
        <aside className="reader-side">
          <AgentsPanel transcript={transcript} />
          <ImportNote transcript={transcript} />
          {transcript.rules && (
            <details className="rules">
              <summary>Public rules</summary>
              <div className="text">{transcript.rules}</div>
            </details>
          )}
        </aside>
        <div className="reader-main">
          <TranscriptFilterBar
            filters={filters}
            setFilters={setFilters}
            agents={nAgents}
            shown={timeline.shown}
            total={timeline.total}
            searchRef={searchRef}
          />
          <div
            ref={scrollRef}
            className="timeline"
            data-testid="timeline"
            tabIndex={0}
            aria-label="Timeline (j/k: next/previous round)"
          >
            {timeline.rows.length === 0 ? (
              <p className="muted empty-line">
                {timeline.total === 0
                  ? 'No turns recorded yet: the game has not started.'
                  : 'No message matches these filters.'}
              </p>
            ) : (
              <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((v) => (
                  <div
                    key={v.key}
                    data-index={v.index}
                    ref={virtualizer.measureElement}
                    className="vrow"
                    style={{ transform: `translateY(${v.start}px)` }}
                  >
                    <Row
                      row={timeline.rows[v.index]}
                      seatLabels={seatLabels}
                      query={filters.query}
                    />
                  </div>
                ))}
              </div>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

function estimate(row: TimelineRow): number {
  if (row.kind === 'round') return 36;
  if (row.kind === 'table') return 60 + 28 * row.table.proposals.length;
  return 56 + 18 * Math.min(12, Math.ceil(row.turn.text.length / 110));
}

function Row({
  row,
  seatLabels,
  query,
}: {
  row: TimelineRow;
  seatLabels: string[];
  query: string;
}) {
  if (row.kind === 'round')
    return <h2 className="round-head">{row.round === 0 ? 'Setup' : `Round ${row.round}`}</h2>;
  if (row.kind === 'table') return <RoundTableView table={row.table} />;
  return <TurnRow turn={row.turn} seatLabels={seatLabels} query={query} />;
}
