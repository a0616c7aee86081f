// The designer's file actions: start from the demo, reset, Load JSON (a sweep file the CLI runs)
// and Save JSON (exactly the document the form describes).
import { useRef, useState } from 'react';
import { formToDoc } from './form-model';
import { useApp, usePlatform } from '../../state/hooks';

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'sweep'
  );
}

export function DesignFileActions() {
  const form = useApp((s) => s.form);
  const loadDocText = useApp((s) => s.loadDocText);
  const loadDemoForm = useApp((s) => s.loadDemoForm);
  const resetForm = useApp((s) => s.resetForm);
  const notify = useApp((s) => s.notify);
  const platform = usePlatform();
  const fileInput = useRef<HTMLInputElement>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  return (
    <div className="actions">
      <button type="button" onClick={() => void loadDemoForm()}>
        Start from the demo
      </button>
      <button type="button" onClick={resetForm}>
        Reset
      </button>
      <button type="button" onClick={() => fileInput.current?.click()}>
        Load JSON…
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="load-json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          void file.text().then((text) => {
            const error = loadDocText(text);
            setLoadError(error ? `${file.name}: ${error}` : null);
          });
        }}
      />
      <button
        type="button"
        data-testid="save-json"
        onClick={() =>
          void platform
            .saveFile(`${slug(form.name)}.json`, `${JSON.stringify(formToDoc(form), null, 2)}\n`)
            .catch((err: unknown) => notify('error', `saving failed: ${String(err)}`))
        }
      >
        Save JSON…
      </button>
      {loadError && (
        <span className="error-inline" role="alert">
          {loadError}
        </span>
      )}
    </div>
  );
}
