/**
 * A statement prepared the first time it is used rather than when its feature is set up. The core
 * sets up every feature at start, and a helper such as the debt ledger is set up by a dozen of
 * them; preparing all their statements then cost the first screen tens of milliseconds for work
 * that most sessions reach late or never. Preparing is the same either way, moved to the first call,
 * and the statement is kept for every call after it.
 */
export function preparedOnUse<S>(prepare: () => S): () => S {
  let statement: S | undefined;
  return () => (statement ??= prepare());
}
