// Index access in tests, under noUncheckedIndexedAccess: the element a test has just built or
// asserted, or a failure naming what was missing — instead of `undefined` passed on and a
// "cannot read properties of undefined" several lines later. (Query results: `oneRow`, db/one-row.ts.)

/** The first element; fails naming `what` when there is none. */
export function first<T>(items: readonly T[], what: string): T {
  return at(items, 0, what);
}

/** The element at index (negative counts from the end); fails naming `what` when there is none. */
export function at<T>(items: readonly T[], index: number, what = `element ${index}`): T {
  const item = items.at(index);
  if (item === undefined) throw new Error(`Expected ${what} (index ${index} of ${items.length}), but there is none.`);
  return item;
}

/** A value the test has just made sure of (a map entry, a find): fails naming `what` when it is undefined. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Expected ${what}, but it is undefined.`);
  return value;
}
