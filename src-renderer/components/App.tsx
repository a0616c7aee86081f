// The shell: navigation, the current screen, the status line and the shortcuts help.
import { useEffect, useState } from 'react';
import { isTyping } from '../lib/keyboard';
import { SCREENS, screenRoute } from '../lib/route';
import { useApp } from '../state/hooks';
import { DesignScreen } from '../features/design/DesignScreen';
import { ModelsScreen } from '../features/models/ModelsScreen';
import { ResultsScreen } from '../features/results/ResultsScreen';
import { RunsScreen } from '../features/runs/RunsScreen';
import { TranscriptScreen } from '../features/transcripts/TranscriptScreen';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StatusBar } from './StatusBar';

export function App() {
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const currentSweep = useApp(
    (s) => ('sweepId' in s.route ? s.route.sweepId : null) ?? s.resultsQuery?.sweepId ?? null,
  );
  const [isHelpOpen, setHelpOpen] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e) || e.ctrlKey || e.metaKey) return;
      if (e.key === '?') {
        e.preventDefault();
        setHelpOpen((v) => !v);
      } else if (e.key === 'Escape') setHelpOpen(false);
      else if (e.altKey) {
        const tab = SCREENS.find((s) => s.key === e.key);
        if (tab) navigate(screenRoute(tab.screen, currentSweep));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, currentSweep]);

  return (
    <div className="app">
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
          onClick={() => setHelpOpen(true)}
          aria-label="Keyboard shortcuts"
        >
          ?
        </button>
      </header>
      <main className="screen" data-screen={route.screen}>
        {route.screen === 'design' && <DesignScreen />}
        {route.screen === 'runs' && <RunsScreen />}
        {route.screen === 'results' && <ResultsScreen route={route} />}
        {route.screen === 'transcripts' && <TranscriptScreen route={route} />}
        {route.screen === 'models' && <ModelsScreen />}
      </main>
      <StatusBar />
      {isHelpOpen && <ShortcutsHelp onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
