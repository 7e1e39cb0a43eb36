/**
 * The seeds' dogs-vs-cats example as runs, shared by the Experiments tests of core, the Excel
 * layer and the pane: exp1 is one hidden layer on 1,000 images, exp2 two layers on 2,000 images,
 * three seeds each, so a verdict and its confound can be asserted on the same data everywhere.
 */
export const SEEDS_HEADER = ["run_id", "experiment", "n_images", "layers", "seed", "status", "accuracy", "val_loss"];

export const SEEDS_RUNS: (string | number)[][] = [
  ["e1-s1", "exp1", 1000, 1, 1, "finished", 0.71, 0.6],
  ["e1-s2", "exp1", 1000, 1, 2, "finished", 0.73, 0.58],
  ["e1-s3", "exp1", 1000, 1, 3, "finished", 0.72, 0.59],
  ["e2-s1", "exp2", 2000, 2, 1, "finished", 0.8, 0.5],
  ["e2-s2", "exp2", 2000, 2, 2, "finished", 0.82, 0.48],
  ["e2-s3", "exp2", 2000, 2, 3, "finished", 0.81, 0.49],
];
