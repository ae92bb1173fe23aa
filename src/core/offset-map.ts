// Maps offsets of a derived text (cleaned, repaired, extracted from HTML) back to the raw input.
// Offsets are JavaScript string indices (UTF-16 code units). A map is built from segments in text order:
// each segment either copies a run of raw characters one-to-one, or stands for text that has no
// one-to-one raw counterpart (an inserted space, a decoded entity, a normalized character).

interface Segment {
  /** start of the segment in the derived text */
  textStart: number;
  /** start of the raw range the segment comes from */
  rawStart: number;
  /** length in the derived text */
  textLength: number;
  /** length of the raw range */
  rawLength: number;
  /** true when characters map one-to-one (a copy) */
  copy: boolean;
}

export interface OffsetMap {
  /** length of the derived text */
  readonly length: number;
  /** raw offset of the character at derived offset i (for span starts) */
  toRawStart(i: number): number;
  /** raw offset just after the character before derived offset i (for exclusive span ends) */
  toRawEnd(i: number): number;
}

export class SegmentMap implements OffsetMap {
  readonly length: number;
  private readonly segs: readonly Segment[];
  private readonly rawLength: number;

  constructor(segs: Segment[], rawLength: number) {
    this.segs = segs;
    const last = segs[segs.length - 1];
    this.length = last ? last.textStart + last.textLength : 0;
    this.rawLength = rawLength;
  }

  private find(i: number): number {
    // last segment whose textStart <= i
    let lo = 0;
    let hi = this.segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.segs[mid]!.textStart <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toRawStart(i: number): number {
    if (this.segs.length === 0) return 0;
    if (i >= this.length) return this.rawLength;
    let k = this.find(i);
    let s = this.segs[k]!;
    // a zero-length or inserted segment has no raw character of its own: use the next real one
    while (!s.copy && s.rawLength === 0 && k + 1 < this.segs.length) s = this.segs[++k]!;
    if (s.copy) return s.rawStart + Math.min(i - s.textStart, s.rawLength);
    return s.rawStart;
  }

  toRawEnd(i: number): number {
    if (this.segs.length === 0 || i <= 0) return 0;
    let k = this.find(i - 1);
    let s = this.segs[k]!;
    while (!s.copy && s.rawLength === 0 && k > 0) s = this.segs[--k]!;
    if (s.copy) return s.rawStart + Math.min(i - s.textStart, s.rawLength);
    return s.rawStart + s.rawLength;
  }
}

/** Builds a SegmentMap while the derived text is written left to right. */
export class OffsetMapBuilder {
  private readonly segs: Segment[] = [];
  private readonly parts: string[] = [];
  private textPos = 0;

  constructor(private readonly source: string) {}

  /** Copies source[rawStart, rawEnd) unchanged. */
  copy(rawStart: number, rawEnd: number): this {
    if (rawEnd <= rawStart) return this;
    const last = this.segs[this.segs.length - 1];
    const len = rawEnd - rawStart;
    if (last && last.copy && last.rawStart + last.rawLength === rawStart && last.textStart + last.textLength === this.textPos) {
      last.rawLength += len;
      last.textLength += len;
    } else {
      this.segs.push({ textStart: this.textPos, rawStart, textLength: len, rawLength: len, copy: true });
    }
    this.parts.push(this.source.slice(rawStart, rawEnd));
    this.textPos += len;
    return this;
  }

  /** Writes `text` in place of source[rawStart, rawEnd) (rawEnd === rawStart for a pure insertion). */
  replace(rawStart: number, rawEnd: number, text: string): this {
    if (text.length === 0 && rawEnd === rawStart) return this;
    this.segs.push({ textStart: this.textPos, rawStart, textLength: text.length, rawLength: rawEnd - rawStart, copy: false });
    this.parts.push(text);
    this.textPos += text.length;
    return this;
  }

  build(): { text: string; map: OffsetMap } {
    return { text: this.parts.join(""), map: new SegmentMap(this.segs, this.source.length) };
  }
}

/** The identity map over a text of the given length. */
export function identityMap(length: number): OffsetMap {
  return {
    length,
    toRawStart: (i) => Math.max(0, Math.min(i, length)),
    toRawEnd: (i) => Math.max(0, Math.min(i, length)),
  };
}

/** outer maps text2 -> text1, inner maps text1 -> raw: the result maps text2 -> raw. */
export function composeMaps(outer: OffsetMap, inner: OffsetMap): OffsetMap {
  return {
    length: outer.length,
    toRawStart: (i) => inner.toRawStart(outer.toRawStart(i)),
    toRawEnd: (i) => inner.toRawEnd(outer.toRawEnd(i)),
  };
}
