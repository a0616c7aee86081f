import { useApp } from '../state/hooks';

export function StatusBar() {
  const connection = useApp((s) => s.connection);
  const info = useApp((s) => s.info);
  const notice = useApp((s) => s.notice);
  const clearNotice = useApp((s) => s.clearNotice);
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`conn conn-${connection}`} data-testid="connection" data-state={connection}>
        {connection === 'open'
          ? 'connected'
          : connection === 'connecting'
            ? 'connecting…'
            : 'disconnected, retrying…'}
      </span>
      {info.state === 'ready' && (
        <span className="muted" title={info.value.dbPath}>
          {info.value.mode === 'web' ? 'browser' : 'desktop'} · {info.value.dbPath} · v
          {info.value.version}
        </span>
      )}
      {notice && (
        <span
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
          <button type="button" className="link" onClick={clearNotice} aria-label="Dismiss">
            ×
          </button>
        </span>
      )}
    </footer>
  );
}
