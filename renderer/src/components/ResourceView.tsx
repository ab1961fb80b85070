import type { ReactNode } from 'react';
import type { Resource } from '../state/resource';
import { LoadError } from './LoadError';
import { Loading } from './Loading';

interface Props<T> {
  resource: Resource<T>;
  onRetry: () => void;
  loadingLabel?: string;
  errorTitle?: string;
  children: (data: T) => ReactNode;
}

/** Renders the loading, error or ready state of one resource the same way everywhere. */
export function ResourceView<T>({ resource, onRetry, loadingLabel, errorTitle, children }: Props<T>) {
  switch (resource.status) {
    case 'loading':
      return <Loading label={loadingLabel} />;
    case 'error':
      return <LoadError title={errorTitle} message={resource.message} onRetry={onRetry} />;
    case 'ready':
      return <>{children(resource.data)}</>;
  }
}
