// A Map that forgets everything when it grows past its bound: path components and glued words repeat across
// thousands of sibling variants, so remembering the recent ones saves most of the tokenizing work.
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max = 50_000) {}

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  set(key: K, value: V): V {
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
    return value;
  }
}
