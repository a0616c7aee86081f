// A button that keeps keyboard focus when what it does stops being available (a busy request, a
// sweep that just ended): a `disabled` button drops focus to the page, so while it has focus it
// is only marked aria-disabled (announced as unavailable, presses ignored). Once focus leaves,
// it is disabled for real and drops out of the Tab order.
import { useState } from 'react';
import type { ReactNode } from 'react';

interface Props {
  /** True when a press would do nothing now. */
  isUnavailable: boolean;
  onPress: () => void;
  children: ReactNode;
  title?: string;
  testId?: string;
}

export function SteadyButton({ isUnavailable, onPress, children, title, testId }: Props) {
  const [hasFocus, setFocus] = useState(false);
  return (
    <button
      type="button"
      title={title}
      data-testid={testId}
      disabled={isUnavailable && !hasFocus}
      aria-disabled={isUnavailable || undefined}
      onFocus={() => setFocus(true)}
      onBlur={() => setFocus(false)}
      onClick={() => {
        if (!isUnavailable) onPress();
      }}
    >
      {children}
    </button>
  );
}
