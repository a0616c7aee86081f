// The hosts besides the provider's own that its key may go to (a gateway, a local proxy). A
// model whose base URL is elsewhere pauses its games instead of sending the key there.
import { useState } from 'react';
import type { KeyStatus } from '../../../src-shared/contract';
import { useApp } from '../../state/hooks';

export function AllowedHosts({ status }: { status: KeyStatus }) {
  const allowHost = useApp((s) => s.allowHost);
  const [draft, setDraft] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = status.provider;
  const hosts = status.allowedHosts ?? [];
  return (
    <div className="allowed-hosts" data-testid={`allowed-hosts-${p}`}>
      <span className="muted">
        {hosts.length > 0 ? `also sent to: ${hosts.join(', ')}` : 'sent only to the official host'}
      </span>
      <form
        className="inline-edit"
        onSubmit={(e) => {
          e.preventDefault();
          setBusy(true);
          void allowHost(p, draft).then((err) => {
            setBusy(false);
            setError(err);
            if (!err) setDraft('');
          });
        }}
      >
        <input
          type="text"
          spellCheck={false}
          placeholder="another host"
          title="e.g. gateway.example.com or 127.0.0.1:8080"
          aria-label={`another host the ${p} key may go to`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={isBusy || draft.trim().length === 0}>
          Allow
        </button>
      </form>
      {error && (
        <div className="error-inline" role="alert">
          {error}
        </div>
      )}
    </div>
  );
}
