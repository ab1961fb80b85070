import { Component, type ReactNode } from 'react';
import { LoadError } from '../components/LoadError';
import { errorMessage } from '../state/resource';

interface State {
  error: unknown;
}

/** Keeps one broken view from blanking the whole window; Retry renders it again. */
export class ViewErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <LoadError
          title="This view failed to load"
          message={errorMessage(this.state.error)}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
