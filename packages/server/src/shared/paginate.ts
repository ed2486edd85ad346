/** A page of a list and the size of the whole list, the one shape every list route answers. */
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export type PageRequest = { page: number; pageSize: number };

/**
 * List-plus-count. The two run one after the other, never together: inside a transaction they
 * share one connection, and node-postgres refuses a second query on a busy connection.
 */
export async function paginate<T>(
  { page, pageSize }: PageRequest,
  rows: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<Paged<T>> {
  const items = await rows(pageSize, (page - 1) * pageSize);
  const total = await count();
  return { items, total, page, pageSize };
}
