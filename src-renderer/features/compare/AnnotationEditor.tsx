// A game's tags and note, edited in place and saved to the store (Enter saves the tags,
// Ctrl+Enter or the button saves the note). Errors name the bad tag, as the host reports it.
import { useState } from 'react';
import type { Annotation } from '../../../src-shared/contract';
import { TAG_PATTERN } from '../../../src-shared/contract';
import { useApp } from '../../state/hooks';

export function parseTags(text: string): { tags: string[]; bad: string[] } {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim().toLowerCase())
    .filter(Boolean);
  const tags = [...new Set(words)].sort();
  return { tags, bad: tags.filter((t) => !TAG_PATTERN.test(t)) };
}

export function AnnotationEditor({ gameId, side }: { gameId: string; side: 'a' | 'b' }) {
  const saved: Annotation | undefined = useApp((s) => s.annotations[gameId]);
  const saveTags = useApp((s) => s.saveTags);
  const saveNote = useApp((s) => s.saveNote);
  const [tagText, setTagText] = useState('');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // A newly loaded or saved annotation replaces the fields (React's "adjust state on a prop
  // change" pattern, without an effect's extra render).
  const [shown, setShown] = useState<Annotation | undefined>(undefined);
  if (saved !== shown) {
    setShown(saved);
    setTagText(saved?.tags.join(' ') ?? '');
    setNote(saved?.note ?? '');
  }

  const submitTags = async () => {
    const { tags, bad } = parseTags(tagText);
    if (bad.length > 0)
      return setStatus({
        kind: 'error',
        text: `“${bad[0]}” is not a tag: use 1-40 lowercase letters, digits or - _ : .`,
      });
    const error = await saveTags(gameId, tags);
    setStatus(error ? { kind: 'error', text: error } : { kind: 'ok', text: 'Tags saved.' });
  };
  const submitNote = async () => {
    const error = await saveNote(gameId, note);
    setStatus(error ? { kind: 'error', text: error } : { kind: 'ok', text: 'Note saved.' });
  };
  const id = `annot-${side}`;
  return (
    <div className="annotation" data-testid={id}>
      <label htmlFor={`${id}-tags`}>Tags</label>
      <div className="annotation-row">
        <input
          id={`${id}-tags`}
          data-testid={`${id}-tags`}
          value={tagText}
          placeholder="e.g. odd-deal check"
          onChange={(e) => setTagText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void submitTags();
            }
          }}
        />
        <button type="button" data-testid={`${id}-save-tags`} onClick={() => void submitTags()}>
          Save tags
        </button>
      </div>
      <label htmlFor={`${id}-note`}>
        Note{' '}
        {saved?.noteUpdatedAt && (
          <span className="muted small">
            saved {saved.noteUpdatedAt.slice(0, 16).replace('T', ' ')}
          </span>
        )}
      </label>
      <textarea
        id={`${id}-note`}
        data-testid={`${id}-note`}
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submitNote();
          }
        }}
      />
      <div className="annotation-row">
        <button type="button" data-testid={`${id}-save-note`} onClick={() => void submitNote()}>
          Save note
        </button>
        <span className="muted small">Ctrl+Enter saves the note</span>
        {status && (
          <span
            role={status.kind === 'error' ? 'alert' : 'status'}
            className={status.kind === 'error' ? 'bad small' : 'small'}
            data-testid={`${id}-status`}
          >
            {status.text}
          </span>
        )}
      </div>
    </div>
  );
}
