// Keeps one screen's failure inside that screen: the navigation, the status line and every
// form's state (held in the store, not in the screen) survive, and the screen can be retried.
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

interface Props {
  /** Names the screen in the message, e.g. "Design". */
  name: string;
  /** A change of key (e.g. the route) clears the error and renders the screen again. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`The ${this.props.name} screen failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="error-box" role="alert" data-testid="screen-error">
        <strong>The {this.props.name} screen hit an error.</strong> {error.message} Your work in
        other screens and this screen&apos;s form are kept.
        <button type="button" onClick={() => this.setState({ error: null })}>
          Show the screen again
        </button>
      </div>
    );
  }
}
