import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { FilterShape, ListQuery, ListQueryDefinition } from './listQuery.ts';

export interface ListQueryState<Q> {
  query: Q;
  /** Changes some values; any change but paging itself goes back to page 1. */
  update(patch: Partial<Q>): void;
  /** Back to the defaults (other parameters in the URL, such as a tab, stay). */
  reset(): void;
}

/** The current list query, read from and written to the URL. */
export function useListQuery<F extends FilterShape, S extends string = never>(
  definition: ListQueryDefinition<F, S>,
): ListQueryState<ListQuery<F, S>> & { definition: ListQueryDefinition<F, S> } {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => definition.parse(params), [definition, params]);
  return {
    definition,
    query,
    update: (patch) => setParams(definition.toSearchParams({ ...query, page: 1, ...patch }, params)),
    reset: () => setParams(definition.toSearchParams(definition.defaults, params)),
  };
}
