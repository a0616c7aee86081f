// API keys per provider: status only ('set' / 'missing' / 'works' / 'error'). A key typed here
// goes to the host's keychain and is never shown again, nor sent back to the page.
import { useEffect, useState } from 'react';
import type { KeyStatus } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { useApp } from '../../state/hooks';
import { AllowedHosts } from './AllowedHosts';

const STATUS_TEXT: Record<KeyStatus['status'], string> = {
  set: 'set, not tested',
  missing: 'missing',
  works: 'works',
  error: 'failed',
};

function KeyRow({ status }: { status: KeyStatus }) {
  const setKey = useApp((s) => s.setKey);
  const testKey = useApp((s) => s.testKey);
  const [draft, setDraft] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const p = status.provider;
  if (p === 'local') {
    // Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) take no key; each model names its
    // server by baseUrl, so there is nothing to set or test here.
    return (
      <tr data-testid={`key-${p}`} data-status="not-needed">
        <th scope="row">{p}</th>
        <td>
          <span className="pill pill-key-set">no key needed</span>
        </td>
        <td className="muted">
          local servers (Ollama, vLLM, LM Studio) are reached by each model’s base URL
        </td>
        <td />
      </tr>
    );
  }
  return (
    <tr data-testid={`key-${p}`} data-status={status.status}>
      <th scope="row">{p}</th>
      <td>
        <span className={`pill pill-key-${status.status}`}>{STATUS_TEXT[status.status]}</span>
      </td>
      <td className="muted">
        {status.source ? `from ${status.source}` : ''}
        {status.detail ? `${status.source ? ' · ' : ''}${status.detail}` : ''}
      </td>
      <td>
        <form
          className="inline-edit"
          onSubmit={(e) => {
            e.preventDefault();
            setBusy(true);
            void setKey(p, draft).then((err) => {
              setBusy(false);
              setError(err);
              if (!err) setDraft('');
            });
          }}
        >
          <input
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={status.status === 'missing' ? 'paste a key' : 'replace the key'}
            aria-label={`${p} API key`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <button type="submit" disabled={isBusy || draft.trim().length === 0}>
            Set
          </button>
          <button
            type="button"
            disabled={isBusy || status.status === 'missing'}
            onClick={() => {
              setBusy(true);
              void testKey(p).then(() => setBusy(false));
            }}
          >
            Test
          </button>
        </form>
        {error && (
          <div className="error-inline" role="alert">
            {error}
          </div>
        )}
        <AllowedHosts status={status} />
      </td>
    </tr>
  );
}

export function KeysPanel() {
  const keys = useApp((s) => s.keys);
  const loadKeys = useApp((s) => s.loadKeys);
  useEffect(() => {
    if (keys.state === 'idle') void loadKeys();
  }, [keys.state, loadKeys]);
  return (
    <section className="panel" aria-label="API keys" data-testid="keys">
      <h2>API keys</h2>
      <p className="hint">
        Keys are kept in the operating system’s keychain (or read from environment variables) by the
        Parley process. This page can set and test a key but never read it back.
      </p>
      <LoadState value={keys} what="key status" retry={() => void loadKeys()}>
        {(list) => (
          <table className="grid keys-table">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Status</th>
                <th>Where</th>
                <th>Set or test</th>
              </tr>
            </thead>
            <tbody>
              {list.map((k) => (
                <KeyRow key={k.provider} status={k} />
              ))}
            </tbody>
          </table>
        )}
      </LoadState>
    </section>
  );
}
