// The shell: navigation, the current screen, the status line and the shortcuts help.
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { isTyping } from '../lib/keyboard';
import { formatHash, SCREENS, screenRoute } from '../lib/route';
import { useApp } from '../state/hooks';
import { ErrorBoundary } from './ErrorBoundary';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';

// One chunk per screen: the first load fetches the shell and the screen it opens on.
const DesignScreen = lazy(() =>
  import('../features/design/DesignScreen').then((m) => ({ default: m.DesignScreen })),
);
const RunsScreen = lazy(() =>
  import('../features/runs/RunsScreen').then((m) => ({ default: m.RunsScreen })),
);
const ResultsScreen = lazy(() =>
  import('../features/results/ResultsScreen').then((m) => ({ default: m.ResultsScreen })),
);
const TranscriptScreen = lazy(() =>
  import('../features/transcripts/TranscriptScreen').then((m) => ({
    default: m.TranscriptScreen,
  })),
);
const CompareScreen = lazy(() =>
  import('../features/compare/CompareScreen').then((m) => ({ default: m.CompareScreen })),
);
const ModelsScreen = lazy(() =>
  import('../features/models/ModelsScreen').then((m) => ({ default: m.ModelsScreen })),
);

export function App() {
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const currentSweep = useApp(
    (s) => ('sweepId' in s.route ? s.route.sweepId : null) ?? s.resultsQuery?.sweepId ?? null,
  );
  const [isHelpOpen, setHelpOpen] = useState(false);
  // Focus goes back where it was when the help opened (the ? button or the page) once it closes.
  const helpOpener = useRef<HTMLElement | null>(null);
  const openHelp = useCallback(() => {
    helpOpener.current = document.activeElement as HTMLElement | null;
    setHelpOpen(true);
  }, []);
  const closeHelp = useCallback(() => {
    setHelpOpen(false);
    helpOpener.current?.focus();
    helpOpener.current = null;
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey) return;
      if (e.key === '?') {
        e.preventDefault();
        if (isHelpOpen) closeHelp();
        else openHelp();
      } else if (e.key === 'Escape') {
        if (isHelpOpen) closeHelp();
      } else if (e.altKey) {
        const tab = SCREENS.find((s) => s.key === e.key);
        if (tab) navigate(screenRoute(tab.screen, currentSweep));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, currentSweep, isHelpOpen, openHelp, closeHelp]);

  return (
    <div className="app">
      {/* The first Tab stop of every screen: past the navigation, into the screen itself. The
          hash is the router's, so the link moves focus itself rather than follow its href. */}
      <a
        className="skip-link"
        href="#main"
        data-testid="skip-link"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="topbar">
        <span className="brand">Parley</span>
        <nav aria-label="Main">
          {SCREENS.map((s) => (
            <a
              key={s.screen}
              href={`#/${s.screen}`}
              aria-current={route.screen === s.screen ? 'page' : undefined}
              title={`Alt+${s.key}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(screenRoute(s.screen, currentSweep));
              }}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <button
          type="button"
          className="ghost help-button"
          onClick={openHelp}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </header>
      <main id="main" tabIndex={-1} className="screen" data-screen={route.screen}>
        <ErrorBoundary
          name={SCREENS.find((s) => s.screen === route.screen)?.label ?? route.screen}
          resetKey={formatHash(route)}
        >
          <Suspense
            fallback={
              <div className="loading" aria-busy="true">
                Loading…
              </div>
            }
          >
            {route.screen === 'design' && <DesignScreen />}
            {route.screen === 'runs' && <RunsScreen />}
            {route.screen === 'results' && <ResultsScreen route={route} />}
            {route.screen === 'transcripts' && <TranscriptScreen route={route} />}
            {route.screen === 'models' && <ModelsScreen />}
            {route.screen === 'compare' && <CompareScreen route={route} />}
          </Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
      {isHelpOpen && <ShortcutsHelp onClose={closeHelp} />}
    </div>
  );
}
