// The search across every transcript of the database: words, then filters by sweep, speaker's
// model, phase and visibility; the hits page by page, each opening its game at the turn.
import { useEffect, useState } from 'react';
import type { Phase } from '../../../src-shared/game';
import { PHASES } from '../../../src-shared/game';
import { LoadState } from '../../components/Loading';
import { useApp } from '../../state/hooks';
import { PickerHead } from './PickerHead';
import { SearchHits } from './SearchHits';
import type { SearchQuery } from './search-slice';
import { SEARCH_PAGE } from './search-slice';

interface Form {
  participantId: string;
  phase: Phase | '';
  visibility: '' | 'public' | 'private';
}

const NO_FORM: Form = { participantId: '', phase: '', visibility: '' };

function toQuery(text: string, sweepId: string | null, form: Form, offset: number): SearchQuery {
  return {
    text,
    offset,
    ...(sweepId ? { sweepId } : {}),
    ...(form.participantId ? { participantId: form.participantId } : {}),
    ...(form.phase ? { phases: [form.phase] } : {}),
    ...(form.visibility ? { visibility: form.visibility } : {}),
  };
}

export function TranscriptSearch({ sweepId, text }: { sweepId: string | null; text: string }) {
  const navigate = useApp((s) => s.navigate);
  const searchPage = useApp((s) => s.searchPage);
  const searchQuery = useApp((s) => s.searchQuery);
  const runSearch = useApp((s) => s.runSearch);
  // The words typed since the route's search last changed (a new route search replaces them).
  const [typed, setTyped] = useState({ for: text, value: text });
  const draft = typed.for === text ? typed.value : text;
  const setDraft = (value: string) => setTyped({ for: text, value });
  const [form, setForm] = useState<Form>(NO_FORM);
  const [offset, setOffset] = useState(0);

  useEffect(() => {
    if (text.trim() === '') return;
    void runSearch(toQuery(text, sweepId, form, offset));
  }, [text, sweepId, form, offset, runSearch]);

  const submit = () => {
    setOffset(0);
    navigate({ screen: 'transcripts', gameId: null, sweepId, search: draft.trim() });
  };
  const patch = (p: Partial<Form>) => {
    setOffset(0);
    setForm((f) => ({ ...f, ...p }));
  };
  const participants =
    searchPage.state === 'ready' ? searchPage.value.participants : ([] as string[]);
  return (
    <section className="picker transcript-search" aria-label="Search all transcripts">
      <PickerHead sweepId={sweepId} view="search" search={text} />
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          type="search"
          autoFocus
          aria-label="Words to find in every transcript"
          placeholder="Words to find (all of them; word* for a prefix)"
          data-testid="global-search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" data-testid="global-search-go">
          Search
        </button>
        <label>
          Speaker{' '}
          <select
            data-testid="search-speaker"
            value={form.participantId}
            onChange={(e) => patch({ participantId: e.target.value })}
          >
            <option value="">anyone</option>
            {participants.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Phase{' '}
          <select
            data-testid="search-phase"
            value={form.phase}
            onChange={(e) => patch({ phase: e.target.value as Form['phase'] })}
          >
            <option value="">any</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Visibility{' '}
          <select
            data-testid="search-visibility"
            value={form.visibility}
            onChange={(e) => patch({ visibility: e.target.value as Form['visibility'] })}
          >
            <option value="">public and private</option>
            <option value="public">public</option>
            <option value="private">private</option>
          </select>
        </label>
      </form>
      {text.trim() === '' || !searchQuery ? (
        <p className="muted">
          Finds turns in every game of the sweep (or of the database) that contain all the words,
          public messages and private reasoning alike. Open a hit to read it in its game; there,
          Enter and Shift+Enter step through the game's other matches.
        </p>
      ) : (
        <LoadState value={searchPage} what="the search">
          {(page) => (
            <>
              <p className="muted" data-testid="search-total" aria-live="polite">
                {page.total === 0
                  ? 'No turn has all these words.'
                  : `${page.total.toLocaleString('en-US')} turns in ${page.games.toLocaleString('en-US')} games` +
                    (page.total > SEARCH_PAGE
                      ? ` · showing ${offset + 1}–${offset + page.hits.length}`
                      : '')}
              </p>
              <SearchHits page={page} sweepId={sweepId} />
              {page.total > SEARCH_PAGE && (
                <nav className="picker-pages" aria-label="Pages of hits">
                  <button
                    type="button"
                    disabled={offset === 0}
                    onClick={() => setOffset(Math.max(0, offset - SEARCH_PAGE))}
                  >
                    ‹ previous {SEARCH_PAGE}
                  </button>
                  <button
                    type="button"
                    disabled={offset + SEARCH_PAGE >= page.total}
                    onClick={() => setOffset(offset + SEARCH_PAGE)}
                    data-testid="search-next-page"
                  >
                    next {SEARCH_PAGE} ›
                  </button>
                </nav>
              )}
            </>
          )}
        </LoadState>
      )}
    </section>
  );
}
