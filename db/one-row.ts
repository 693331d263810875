/**
 * The one row a query must return: an insert or update `… returning` of a row that exists, or a
 * lookup of a row this request already holds (locked, or reached through a foreign key). Where
 * `const [row] = await …` would pass `undefined` on and fail later with "cannot read properties
 * of undefined", this fails at the query, naming what was missing. For lookups where "not
 * found" is an answer (a 404, a validation message), destructure and check instead.
 */
export async function oneRow<T>(query: PromiseLike<T[]>, what: string): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error(`Expected ${what}, but the query returned no row.`);
  return row;
}
