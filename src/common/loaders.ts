import DataLoader from "dataloader";

/** One row per key (null when missing), in key order: DataLoader's contract. */
export function oneEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((v) => [keyOf(v), v]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Many rows per key (empty when none), in key order. */
export function manyEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => {
    const byKey = new Map<K, V[]>(keys.map((k) => [k, []]));
    for (const v of await fetch(keys)) byKey.get(keyOf(v))?.push(v);
    return keys.map((k) => byKey.get(k)!);
  });
}

/** Loads keys that carry arguments: keys with equal `groupOf` are fetched together. */
export function byArgs<K, V>(groupOf: (k: K) => string, fetch: (keys: K[]) => Promise<V[]>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    async (keys) => {
      const out = new Array<V>(keys.length);
      const groups = new Map<string, number[]>();
      keys.forEach((k, i) => groups.set(groupOf(k), [...(groups.get(groupOf(k)) ?? []), i]));
      for (const idx of groups.values()) {
        const values = await fetch(idx.map((i) => keys[i]!));
        idx.forEach((i, j) => (out[i] = values[j]!));
      }
      return out;
    },
    { cacheKeyFn: (k) => JSON.stringify(k) },
  );
}
