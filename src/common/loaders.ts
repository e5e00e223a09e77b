import DataLoader from "dataloader";

/**
 * A DataLoader that also answers synchronously for keys the request already holds (primed or
 * loaded before). Rows that name an object read earlier then resolve without a promise, which
 * lets GraphQL complete the whole row synchronously.
 */
export class KeyedLoader<K, V> extends DataLoader<K, V | null> {
  private readonly known: Map<K, V | null>;

  constructor(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K) {
    const known = new Map<K, V | null>();
    super(async (keys) => {
      const byKey = new Map((await fetch(keys)).map((v) => [keyOf(v), v]));
      return keys.map((k) => {
        const v = byKey.get(k) ?? null;
        known.set(k, v);
        return v;
      });
    });
    this.known = known;
  }

  override prime(key: K, value: V | null | PromiseLike<V | null> | Error): this {
    if (!(value instanceof Error) && !isPromiseLike(value)) this.known.set(key, value);
    return super.prime(key, value);
  }

  /** The value at once when this request holds it, else a promise of it. */
  get(key: K): V | null | Promise<V | null> {
    return this.known.has(key) ? this.known.get(key)! : this.load(key);
  }
}

function isPromiseLike(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as PromiseLike<unknown> | null)?.then === "function";
}

/** Puts rows a statement already read into a loader, so naming them costs no further statement. */
export function primeAll<K, V>(loader: KeyedLoader<K, V>, values: readonly V[], keyOf: (v: V) => K): void {
  for (const v of values) loader.prime(keyOf(v), v);
}

/** Applies `f` to a value or, when it is still loading, to the promised value. */
export function andThen<T, R>(value: T | Promise<T>, f: (v: T) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** One row per key (null when missing), in key order: DataLoader's contract. */
export function oneEach<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K): KeyedLoader<K, V> {
  return new KeyedLoader(fetch, keyOf);
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
