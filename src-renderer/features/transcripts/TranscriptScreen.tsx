// The transcript reader: a virtualised round-by-round timeline (thousands of messages stay
// smooth), phase colours, private content marked and filterable, each round's votes as a table,
// the agents' private preferences and utilities, search with next/previous, a running game
// followed turn by turn, and keyboard navigation. Without a game: the picker or the search.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Transcript } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { isTyping } from '../../lib/keyboard';
import type { Route } from '../../lib/route';
import { markAfterPaint } from '../../lib/perf';
import { buildTimeline, neighbourRound, NO_FILTERS, rowOfSeq, stepMatch } from './timeline';
import type { TimelineRow } from './timeline';
import { useApp } from '../../state/hooks';
import { AgentsPanel } from './AgentsPanel';
import { DeliberationReader } from './deliberation/DeliberationReader';
import { ImportNote } from './ImportNote';
import { GamePicker } from './GamePicker';
import { ReaderHeader } from './ReaderHeader';
import { RoundTableView } from './RoundTableView';
import { TranscriptFilterBar } from './TranscriptFilterBar';
import { TranscriptSearch } from './TranscriptSearch';
import { TurnRow } from './TurnRow';
import { useLiveFollow } from './use-live-follow';
import './transcripts.css';

type TranscriptRoute = Extract<Route, { screen: 'transcripts' }>;

export function TranscriptScreen({ route }: { route: TranscriptRoute }) {
  const transcript = useApp((s) => s.transcript);
  const loadTranscript = useApp((s) => s.loadTranscript);
  const gameListSweep = useApp((s) => s.gameListSweep);
  const loadGameList = useApp((s) => s.loadGameList);
  const { gameId, sweepId } = route;

  useEffect(() => {
    if (gameId) void loadTranscript(gameId);
  }, [gameId, loadTranscript]);
  useEffect(() => {
    if (sweepId && gameListSweep !== sweepId) void loadGameList(sweepId);
  }, [sweepId, gameListSweep, loadGameList]);

  if (!gameId) {
    return route.search !== undefined && route.search !== null ? (
      <TranscriptSearch sweepId={sweepId} text={route.search} />
    ) : (
      <GamePicker sweepId={sweepId} />
    );
  }
  return (
    <LoadState value={transcript} what="the transcript" retry={() => void loadTranscript(gameId)}>
      {(t) =>
        t.game.id !== gameId ? null : t.game.kind === 'deliberation' ? (
          <DeliberationReader transcript={t} route={route} />
        ) : (
          <Reader transcript={t} route={route} />
        )
      }
    </LoadState>
  );
}

function Reader({ transcript, route }: { transcript: Transcript; route: TranscriptRoute }) {
  const filters = useApp((s) => s.filters);
  const setFilters = useApp((s) => s.setFilters);
  const navigate = useApp((s) => s.navigate);
  const gameList = useApp((s) => s.gameList);
  const gameListSweep = useApp((s) => s.gameListSweep);
  const gameListOffset = useApp((s) => s.gameListQuery.offset);
  const gameListTotal = useApp((s) => s.gameListTotal);
  const neighbourGame = useApp((s) => s.neighbourGame);
  const { game } = transcript;
  const sweepId = route.sweepId;
  const nAgents = game.participants.length;
  const timeline = useMemo(
    () => buildTimeline(transcript.turns, filters, nAgents),
    [transcript.turns, filters, nAgents],
  );
  const seatLabels = game.participants.map((p) => p.label);
  const scrollRef = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [match, setMatch] = useState<number | null>(null);
  const [target, setTarget] = useState<number | null>(route.turn ?? null);
  // The virtualizer is a mutable object by design; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: timeline.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => estimate(timeline.rows[i], expanded),
    getItemKey: (i) => timeline.rows[i].key,
    overscan: 8,
  });
  const rows = gameList.state === 'ready' && gameListSweep === sweepId ? gameList.value : [];
  const at = rows.findIndex((g) => g.id === game.id);
  const position = at >= 0 ? { index: gameListOffset + at, total: gameListTotal } : null;
  useEffect(() => markAfterPaint('parley:transcript-painted'), [game.id]);

  // A new search starts from the reading position.
  useEffect(() => setMatch(null), [filters]);
  // A link to a turn (a search hit) opens the game there, with its words marked.
  const pendingScroll = useRef<{ seq: number; query: string } | null>(null);
  useEffect(() => {
    if (route.turn === undefined || route.turn === null) return;
    setFilters({ ...NO_FILTERS, query: route.q ?? '' });
    setTarget(route.turn);
    pendingScroll.current = { seq: route.turn, query: route.q ?? '' };
  }, [game.id, route.turn, route.q, setFilters]);
  useEffect(() => {
    const pending = pendingScroll.current;
    // Wait for the timeline of the link's own filters.
    if (pending === null || filters.query !== pending.query) return;
    const row = rowOfSeq(timeline, pending.seq);
    if (row === null) return;
    pendingScroll.current = null;
    virtualizer.scrollToIndex(row, { align: 'center' });
    const m = timeline.matches.indexOf(row);
    setMatch(m >= 0 ? m : null);
  }, [timeline, filters.query, virtualizer]);

  const topRow = () =>
    virtualizer.getVirtualItems().find((v) => v.end > (virtualizer.scrollOffset ?? 0) + 1)?.index ??
    0;
  const onStepMatch = (direction: 1 | -1) => {
    const next = stepMatch(timeline.matches, match, direction, topRow());
    if (next === null) return;
    setMatch(next);
    setTarget(null);
    const row = timeline.rows[timeline.matches[next]];
    if (row.kind === 'turn' && row.turn.phase === 'setup')
      setExpanded((s) => new Set(s).add(row.turn.seq));
    virtualizer.scrollToIndex(timeline.matches[next], { align: 'center' });
  };
  const onStepGame = async (direction: 1 | -1) => {
    const g = await neighbourGame(game.id, direction);
    if (g) navigate({ screen: 'transcripts', gameId: g.id, sweepId });
  };
  const scrollToEnd = useCallback(() => {
    if (timeline.rows.length > 0)
      virtualizer.scrollToIndex(timeline.rows.length - 1, { align: 'end' });
  }, [timeline.rows.length, virtualizer]);
  const live = useLiveFollow(
    scrollRef,
    game.status === 'running',
    transcript.turns.length,
    scrollToEnd,
  );
  const toggle = (seq: number) =>
    setExpanded((s) => {
      const next = new Set(s);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey || e.altKey) return;
      let rowTarget: number | null = null;
      if (e.key === 'j' || e.key === 'ArrowDown') rowTarget = neighbourRound(timeline, topRow(), 1);
      else if (e.key === 'k' || e.key === 'ArrowUp')
        rowTarget = neighbourRound(timeline, topRow(), -1);
      else if (e.key === ']') void onStepGame(1);
      else if (e.key === '[') void onStepGame(-1);
      else if (e.key === '/') searchRef.current?.focus();
      else if (e.key === 'n' || e.key === 'N') onStepMatch(e.shiftKey ? -1 : 1);
      else if (e.key === 'p')
        setFilters({ visibility: filters.visibility === 'private' ? 'all' : 'private' });
      else return;
      e.preventDefault();
      if (rowTarget !== null) virtualizer.scrollToIndex(rowTarget, { align: 'start' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const currentRow = match === null ? null : timeline.matches[match];
  return (
    <section
      className="reader"
      aria-label="Transcript"
      data-testid="transcript"
      data-game={game.id}
    >
      <ReaderHeader
        transcript={transcript}
        sweepId={sweepId}
        position={position}
        onStep={(d) => void onStepGame(d)}
      />
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
            match={match}
            matchCount={timeline.matches.length}
            onStepMatch={onStepMatch}
          />
          <div className="timeline-wrap">
            <div
              ref={scrollRef}
              className="timeline"
              data-testid="timeline"
              tabIndex={0}
              onScroll={live.onScroll}
              aria-label="Timeline (j/k: next/previous round, n/N: next/previous match, p: private only)"
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
                        isCurrent={v.index === currentRow}
                        target={target}
                        expanded={expanded}
                        onToggle={toggle}
                      />
                    </div>
                  ))}
                </div>
              )}
            </div>
            {live.unseen > 0 && (
              <button
                type="button"
                className="jump-newest"
                data-testid="jump-newest"
                onClick={live.jumpToNewest}
              >
                ↓ Jump to newest ({live.unseen} new)
              </button>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}

function estimate(row: TimelineRow, expanded: ReadonlySet<number>): number {
  if (row.kind === 'round') return 36;
  if (row.kind === 'table') return 60 + 28 * row.table.proposals.length;
  if (row.turn.phase === 'setup' && !expanded.has(row.turn.seq)) return 84;
  return 56 + 18 * Math.min(12, Math.ceil(row.turn.text.length / 110));
}

function Row({
  row,
  seatLabels,
  query,
  isCurrent,
  target,
  expanded,
  onToggle,
}: {
  row: TimelineRow;
  seatLabels: string[];
  query: string;
  isCurrent: boolean;
  target: number | null;
  expanded: ReadonlySet<number>;
  onToggle: (seq: number) => void;
}) {
  if (row.kind === 'round')
    return <h2 className="round-head">{row.round === 0 ? 'Setup' : `Round ${row.round}`}</h2>;
  if (row.kind === 'table') return <RoundTableView table={row.table} />;
  return (
    <TurnRow
      turn={row.turn}
      seatLabels={seatLabels}
      query={query}
      isCurrent={isCurrent}
      isTarget={row.turn.seq === target}
      expanded={expanded.has(row.turn.seq) || (isCurrent && row.turn.phase === 'setup')}
      onToggle={() => onToggle(row.turn.seq)}
    />
  );
}
