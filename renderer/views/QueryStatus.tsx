import type { Query } from '../store/use-query';

interface Props {
  query: Pick<Query<unknown>, 'data' | 'error'>;
  what: string;
  // For a part of a view that can simply appear when its data arrives.
  quiet?: boolean;
}

// Stands in for data that has not arrived, or says why it could not be loaded (or refreshed: the last data stays shown).
export function QueryStatus({ query, what, quiet = false }: Props) {
  if (query.error) {
    return (
      <p role="alert" className="error-text">
        Could not load {what}: {query.error}
      </p>
    );
  }
  return query.data === null && !quiet ? <p className="empty">Loading {what}…</p> : null;
}
