// A stage is a named transform of the Doc that declares which layers it reads and writes; a pipeline
// checks at build time that every layer a stage reads was written by an earlier stage, so a misordered
// preset fails when it is built, not on the ten-thousandth article.
import type { Doc } from "./doc.js";

export type Layer = string;

export interface Stage {
  readonly name: string;
  readonly reads: readonly Layer[];
  readonly writes: readonly Layer[];
  run(doc: Doc): void;
}

/** Layers every Doc has from the start. */
export const INITIAL_LAYERS: readonly Layer[] = ["raw", "text", "meta"];

export class Pipeline {
  readonly stages: readonly Stage[];

  constructor(stages: Stage[]) {
    const have = new Set<Layer>(INITIAL_LAYERS);
    for (const s of stages) {
      for (const r of s.reads) if (!have.has(r)) throw new Error(`pipeline: stage "${s.name}" reads "${r}", which no earlier stage writes`);
      for (const w of s.writes) have.add(w);
    }
    this.stages = Object.freeze([...stages]);
    Object.freeze(this);
  }

  run(doc: Doc): Doc {
    for (const s of this.stages) s.run(doc);
    return doc;
  }
}
