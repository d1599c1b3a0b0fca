/** A binary max-heap of (id, key), ties broken by the smaller id so results are deterministic. */
export class MaxHeap {
  private ids: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  private above(a: number, b: number): boolean {
    return this.keys[a]! > this.keys[b]! || (this.keys[a] === this.keys[b] && this.ids[a]! < this.ids[b]!);
  }

  private swap(a: number, b: number): void {
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
    [this.keys[a], this.keys[b]] = [this.keys[b]!, this.keys[a]!];
  }

  push(id: number, key: number): void {
    this.ids.push(id);
    this.keys.push(key);
    for (let c = this.ids.length - 1; c > 0; ) {
      const p = (c - 1) >> 1;
      if (!this.above(c, p)) break;
      this.swap(c, p);
      c = p;
    }
  }

  peekKey(): number {
    return this.keys[0]!;
  }

  pop(): { id: number; key: number } | undefined {
    if (!this.ids.length) return undefined;
    const top = { id: this.ids[0]!, key: this.keys[0]! };
    const last = this.ids.length - 1;
    this.swap(0, last);
    this.ids.pop();
    this.keys.pop();
    for (let p = 0; ; ) {
      const l = 2 * p + 1,
        r = l + 1;
      let b = p;
      if (l < this.ids.length && this.above(l, b)) b = l;
      if (r < this.ids.length && this.above(r, b)) b = r;
      if (b === p) break;
      this.swap(p, b);
      p = b;
    }
    return top;
  }
}
