/**
 * A Map used as a least-recently-used cache (a Map keeps insertion order): reading an
 * entry moves it last, so the first entries are the ones to evict.
 */
export function touch<K, V>(map: Map<K, V> | undefined, key: K): V | undefined {
  const hit = map?.get(key);
  if (hit !== undefined) {
    map!.delete(key); // most recently used goes last
    map!.set(key, hit);
  }
  return hit;
}
