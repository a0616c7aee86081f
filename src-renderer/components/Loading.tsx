// One way to show a request's state: a quiet loading line, or an error that says what to do.
import type { ReactNode } from 'react';
import type { Loadable } from '../state/types';

export function LoadState<T>({
  value,
  what,
  retry,
  children,
}: {
  value: Loadable<T>;
  what: string;
  retry?: () => void;
  children: (v: T) => ReactNode;
}) {
  if (value.state === 'ready') return <>{children(value.value)}</>;
  if (value.state === 'error') {
    return (
      <div className="error-box" role="alert">
        <strong>Could not load {what}.</strong> {value.error}
        {retry && (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="loading" aria-busy="true">
      Loading {what}…
    </div>
  );
}
