/** The set with `key` ticked if it was not, unticked if it was: for Space on a row or a checkbox. */
export function toggled<K>(set: ReadonlySet<K>, key: K): Set<K> {
  const next = new Set(set);
  if (!next.delete(key)) next.add(key);
  return next;
}
