import type { Grid } from "../../src/core/index";

/**
 * A sheet as people keep it (values as Excel's Range.values returns them): a merged title in
 * row 1, a blank row, a note, the header on row 4 with units, numbers typed as text, a decimal
 * comma, a percent string, an Excel error, a blank row inside the data and a note under it.
 */
export const MESSY: Grid = [
  ["Image classifier runs (Q2)", "", "", "", "", "", "", "", ""],
  ["", "", "", "", "", "", "", "", ""],
  ["owner: Ana", "", "", "", "", "", "", "", ""],
  ["Run ID", "model", "lr [1e-3]", "layers", "seed", "status", "accuracy", "val_loss (nats)", "started"],
  ["r1", "mlp", 1, 1, 1, "finished", 0.91, 0.31, 45413],
  ["r2", "mlp", 1, 1, 2, "finished", "0,92", 0.3, 45413],
  ["r3", "cnn", 2, 2, 1, "finished", "93%", 0.25, 45414],
  ["", "", "", "", "", "", "", "", ""],
  ["r4", "cnn", 2, 2, 2, "running", "#DIV/0!", 0.27, 45414],
  ["r5", "cnn", "2", 2, 3, "Finished", 0.94, 0.24, 45415],
  ["", "", "", "", "", "", "", "", ""],
  ["Remember to rerun r4 on the big GPU", "", "", "", "", "", "", "", ""],
];
