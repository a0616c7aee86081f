// Models & Keys: the registry (shipped and user models) with scores, prices and sources, sortable
// and filterable, add/edit; and per-provider API key status with set and test.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ModelView } from '../../../src-shared/contract';
import { LoadState } from '../../components/Loading';
import { fmt } from '../../lib/format';
import { KeysPanel } from './KeysPanel';
import { ModelForm } from './ModelForm';
import { useApp } from '../../state/hooks';

type SortKey = 'displayName' | 'provider' | 'developer' | 'price' | `score:${string}`;

function sortValue(m: ModelView, key: SortKey): string | number | null {
  if (key.startsWith('score:')) return m.scores[key.slice(6)] ?? null;
  if (key === 'price')
    return m.prices ? m.prices.inputUsdPerMtok + m.prices.outputUsdPerMtok : null;
  return m[key as 'displayName' | 'provider' | 'developer'];
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export function ModelsScreen() {
  const models = useApp((s) => s.models);
  const loadModels = useApp((s) => s.loadModels);
  const [editing, setEditing] = useState<ModelView | 'new' | null>(null);
  // The button that opened the form gets focus back when it closes (Save, Cancel or Escape).
  const opener = useRef<HTMLElement | null>(null);
  const open = (target: ModelView | 'new') => {
    opener.current = document.activeElement as HTMLElement | null;
    setEditing(target);
  };
  const close = () => {
    setEditing(null);
    opener.current?.focus();
  };
  useEffect(() => {
    if (models.state === 'idle') void loadModels();
  }, [models.state, loadModels]);
  return (
    <section className="models" aria-label="Models and keys">
      <div className="screen-head">
        <h1>Models &amp; Keys</h1>
        <button type="button" data-testid="add-model" onClick={() => open('new')}>
          Add a model
        </button>
      </div>
      {editing && (
        <ModelForm
          key={editing === 'new' ? 'new' : editing.id}
          model={editing === 'new' ? null : editing}
          onDone={close}
        />
      )}
      <KeysPanel />
      <LoadState value={models} what="the model registry" retry={() => void loadModels()}>
        {(list) => <RegistryTable models={list} onEdit={open} />}
      </LoadState>
    </section>
  );
}

function RegistryTable({
  models,
  onEdit,
}: {
  models: ModelView[];
  onEdit: (m: ModelView) => void;
}) {
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({
    key: 'score:arena_elo',
    dir: -1,
  });
  const scoreNames = useMemo(
    () => [...new Set(models.flatMap((m) => Object.keys(m.scores)))].sort(),
    [models],
  );
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const shown = q
      ? models.filter((m) =>
          `${m.displayName} ${m.id} ${m.provider ?? ''} ${m.developer ?? ''}`
            .toLowerCase()
            .includes(q),
        )
      : models;
    return [...shown].sort((a, b) => {
      const x = sortValue(a, sort.key);
      const y = sortValue(b, sort.key);
      if (x === y) return a.displayName.localeCompare(b.displayName);
      if (x === null) return 1;
      if (y === null) return -1;
      return sort.dir * (x < y ? -1 : 1);
    });
  }, [models, query, sort]);
  const header = (key: SortKey, label: string, isNumeric = false) => (
    <th
      className={isNumeric ? 'num' : ''}
      aria-sort={sort.key === key ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort"
        onClick={() =>
          setSort({ key, dir: sort.key === key ? (-sort.dir as 1 | -1) : isNumeric ? -1 : 1 })
        }
      >
        {label}
        {sort.key === key ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}
      </button>
    </th>
  );
  if (models.length === 0)
    return (
      <p className="muted">
        The registry is empty. Add a model above, or import a CSV with `parley models import`.
      </p>
    );
  return (
    <section className="panel" aria-label="Model registry">
      <div className="toolbar">
        <h2>Registry</h2>
        <input
          type="search"
          placeholder="Filter models"
          aria-label="Filter models"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted">
          {rows.length} of {models.length} models · scores as published; click a header to sort
        </span>
      </div>
      <div className="table-scroll">
        <table className="grid registry-table" data-testid="registry">
          <thead>
            <tr>
              {header('displayName', 'Model')}
              {header('provider', 'Provider')}
              {header('developer', 'Developer')}
              {scoreNames.map((s) => (
                <th
                  key={s}
                  className="num"
                  aria-sort={
                    sort.key === `score:${s}` ? (sort.dir > 0 ? 'ascending' : 'descending') : 'none'
                  }
                >
                  <button
                    type="button"
                    className="sort"
                    onClick={() =>
                      setSort({
                        key: `score:${s}`,
                        dir: sort.key === `score:${s}` ? (-sort.dir as 1 | -1) : -1,
                      })
                    }
                  >
                    {s}
                    {sort.key === `score:${s}` ? (sort.dir > 0 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
              {header('price', '$/Mtok in · out', true)}
              <th>Sources</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id} data-testid={`model-${m.id}`}>
                <td>
                  {m.displayName}
                  {m.reasoning && (
                    <span className="pill pill-reasoning" title="thinks by default">
                      reasoning
                    </span>
                  )}
                  {m.source === 'user' && <span className="pill pill-user">user</span>}
                  <div className="muted small">{m.id}</div>
                </td>
                <td>
                  {m.provider}
                  {m.model && m.model !== m.id ? (
                    <div className="muted small">{m.model}</div>
                  ) : null}
                </td>
                <td>{m.developer ?? <span className="muted">–</span>}</td>
                {scoreNames.map((s) => (
                  <td key={s} className="num">
                    {m.scores[s] === undefined ? (
                      <span className="muted">–</span>
                    ) : (
                      fmt(m.scores[s], Number.isInteger(m.scores[s]) ? 0 : 1)
                    )}
                  </td>
                ))}
                <td className="num">
                  {m.prices ? (
                    `${fmt(m.prices.inputUsdPerMtok, 2)} · ${fmt(m.prices.outputUsdPerMtok, 2)}`
                  ) : (
                    <span className="muted">–</span>
                  )}
                </td>
                <td className="sources">
                  {m.sources.length === 0 || (m.sources.length === 1 && m.sources[0] === 'user') ? (
                    <span className="muted">{m.source === 'user' ? 'added by you' : '–'}</span>
                  ) : (
                    <details>
                      <summary>{m.sources.length} sources</summary>
                      <ul>
                        {m.sources.map((u) => (
                          <li key={u}>
                            <a href={u} target="_blank" rel="noreferrer noopener" title={u}>
                              {hostOf(u)}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td>
                  <button type="button" className="link" onClick={() => onEdit(m)}>
                    edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
