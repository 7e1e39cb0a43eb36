/**
 * validate()'s runs in column form: typed cells in shared blocks, the Excel rows, ids and
 * replicate groups in arrays. The Run objects callers see are made once, the first time someone
 * asks for them: a validation whose result is only its issues never builds 100,000 objects.
 */
import { CompactRun, type Run, type RunLayout, type RunValue } from "./runs";
import { grownInt32 } from "./typed-arrays";

/** Shared by every run without invalid cells (most of them); frozen so no caller can write into it. */
export const NO_INVALID: Record<string, string> = Object.freeze({}) as Record<string, string>;

/** How a run is named: its id text, or `row N` when it has none (""). */
export function runName(id: string, excelRow: number): string {
  return id === "" ? `row ${excelRow}` : id;
}

/** The runs of one validation, by index (0-based, in sheet order). */
export class RunStore {
  private readonly blocks: (readonly RunValue[])[] = [];
  private rows: Int32Array = new Int32Array(1024);
  private groups: Int32Array = new Int32Array(1024);
  /** The id text, or "" when the run is named by its row. */
  private readonly ids: string[] = [];
  private readonly invalid = new Map<number, Record<string, string>>();
  /** Number of runs. */
  count = 0;

  /**
   * @param layout Where each column sits in a run's cells.
   * @param blockRows Runs per block: run i sits in block i / blockRows, at (i % blockRows) * width.
   */
  constructor(
    readonly layout: RunLayout,
    private readonly blockRows: number,
  ) {}

  /** Registers the next block of cells (filled in order, blockRows runs each). */
  addBlock(block: readonly RunValue[]): void {
    this.blocks.push(block);
  }

  /** Adds the next run; its cells sit at the next place of the current block. */
  add(excelRow: number, id: string, invalid: Record<string, string>, group: number): void {
    const i = this.count++;
    this.rows = grownInt32(this.rows, i + 1);
    this.groups = grownInt32(this.groups, i + 1);
    this.rows[i] = excelRow;
    this.groups[i] = group;
    this.ids.push(id);
    if (invalid !== NO_INVALID) this.invalid.set(i, invalid);
  }

  /** The Excel row of run `i`. */
  excelRow(i: number): number {
    return this.rows[i] ?? 0;
  }

  /** The id of run `i` as Run.id gives it: its id text, or `row N`. */
  idOf(i: number): string {
    return runName(this.ids[i] ?? "", this.excelRow(i));
  }

  /** The runs as objects, a new array on each call (validate's result keeps the first). */
  runs(): Run[] {
    const out: Run[] = [];
    const width = this.layout.width;
    for (let i = 0; i < this.count; i++) {
      const b = width === 0 ? 0 : Math.floor(i / this.blockRows);
      out.push(
        new CompactRun(
          this.excelRow(i),
          this.idOf(i),
          this.invalid.get(i) ?? NO_INVALID,
          this.groups[i] ?? 0,
          this.blocks[b] ?? [],
          (i - b * this.blockRows) * width,
          this.layout,
        ),
      );
    }
    return out;
  }
}
