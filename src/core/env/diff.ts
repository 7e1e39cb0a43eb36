/**
 * What changed between two environments, ordered by how likely each change moves a result:
 * interpreters first, then CUDA and GPU libraries, then ML frameworks and numerical cores,
 * then everything else.
 */
import { packageKey } from "./names";
import type { EnvPackage, Environment, Interpreters } from "./types";
import { compareVersions } from "./versions";

export type EnvChangeKind = "interpreter" | "upgraded" | "downgraded" | "added" | "removed" | "changed";

/** One change; `from`/`to` are versions (or sources for `changed`), absent on the side that lacks it. */
export interface EnvChange {
  kind: EnvChangeKind;
  /** Package name as written in the newer side (or the older one when removed), or `python`/`R`/`CUDA`. */
  name: string;
  from?: string;
  to?: string;
  /** 0 interpreter, 1 CUDA/GPU, 2 ML framework, 3 numerical core, 4 other. */
  impact: 0 | 1 | 2 | 3 | 4;
}

/** The changes and a one-line summary ("torch 2.3.1 -> 2.4.0, numpy added, python 3.10 -> 3.11"). */
export interface EnvDiff {
  changes: EnvChange[];
  summary: string;
  /** Packages present on both sides with the same version and source. */
  unchanged: number;
}

const GPU = /^(?:cuda|cudatoolkit|cudnn|nccl|nvidia-|pytorch-cuda|cupy|triton)/;

/** ML frameworks: a change here often changes the numbers. */
const FRAMEWORKS = new Set([
  "torch",
  "pytorch",
  "torchvision",
  "torchaudio",
  "tensorflow",
  "tensorflow-gpu",
  "tf-keras",
  "keras",
  "jax",
  "jaxlib",
  "flax",
  "optax",
  "scikit-learn",
  "xgboost",
  "lightgbm",
  "catboost",
  "transformers",
  "accelerate",
  "tokenizers",
  "lightning",
  "pytorch-lightning",
  "onnxruntime",
  "caret",
  "tidymodels",
  "parsnip",
  "ranger",
  "glmnet",
  "randomforest",
  "e1071",
  "lme4",
  "brms",
  "rstan",
  "mgcv",
]);

/** The numerical libraries under the frameworks. */
const NUMERICAL = new Set([
  "numpy",
  "scipy",
  "pandas",
  "mkl",
  "openblas",
  "libblas",
  "blas",
  "statsmodels",
  "datasets",
  "rcpp",
  "rcppeigen",
  "rcpparmadillo",
  "matrix",
  "mass",
  "survival",
  "data-table",
  "dplyr",
]);

/** Interpreters are compared through `interpreters`, not again as packages. */
const INTERPRETER_PACKAGES = new Set(["python", "r-base"]);

function impactOf(name: string): 1 | 2 | 3 | 4 {
  const key = packageKey(name);
  if (GPU.test(key)) return 1;
  if (FRAMEWORKS.has(key)) return 2;
  return NUMERICAL.has(key) ? 3 : 4;
}

const KIND_ORDER: Record<EnvChangeKind, number> = {
  interpreter: 0,
  upgraded: 1,
  downgraded: 1,
  changed: 2,
  added: 3,
  removed: 3,
};

/** Index by comparison key; when a name appears twice (conda and its pip list), the later wins. */
function byKey(packages: readonly EnvPackage[]): Map<string, EnvPackage> {
  const map = new Map<string, EnvPackage>();
  for (const p of packages) {
    const key = packageKey(p.name);
    if (!INTERPRETER_PACKAGES.has(key)) map.set(key, p);
  }
  return map;
}

const INTERPRETER_LABEL: Record<keyof Interpreters, string> = { python: "python", r: "R", cuda: "CUDA" };

/** Describes one change in a few words, as the summary and the pane show it. */
export function describeChange(c: EnvChange): string {
  switch (c.kind) {
    case "added":
      return c.to ? `${c.name} ${c.to} added` : `${c.name} added`;
    case "removed":
      return `${c.name} removed`;
    case "changed":
      return `${c.name} ${c.from ?? ""} -> ${c.to ?? ""} (same version, other source)`.replace(/\s+/g, " ");
    default:
      return `${c.name} ${c.from ?? "none"} -> ${c.to ?? "none"}`;
  }
}

/**
 * Compares environment `a` (before) with `b` (after). Packages are matched by name ignoring
 * case and `-`/`_`/`.`; a version that is not a plain version on either side (`>=1.0`) counts
 * as changed rather than guessed up or down.
 */
export function diffEnvironments(
  a: Pick<Environment, "packages" | "interpreters">,
  b: Pick<Environment, "packages" | "interpreters">,
): EnvDiff {
  const changes: EnvChange[] = [];
  for (const k of ["python", "r", "cuda"] as const) {
    const from = a.interpreters[k];
    const to = b.interpreters[k];
    if (from === to) continue;
    const change: EnvChange = { kind: "interpreter", name: INTERPRETER_LABEL[k], impact: 0 };
    if (from !== undefined) change.from = from;
    if (to !== undefined) change.to = to;
    changes.push(change);
  }
  const before = byKey(a.packages);
  const after = byKey(b.packages);
  let unchanged = 0;
  for (const [key, pb] of after) {
    const pa = before.get(key);
    const impact = impactOf(pb.name);
    if (!pa) {
      changes.push(
        pb.version
          ? { kind: "added", name: pb.name, to: pb.version, impact }
          : { kind: "added", name: pb.name, impact },
      );
      continue;
    }
    if (pa.version === pb.version) {
      if (pa.source === pb.source) unchanged++;
      else
        changes.push({
          kind: "changed",
          name: pb.name,
          from: pa.source || "(none)",
          to: pb.source || "(none)",
          impact,
        });
      continue;
    }
    const order = compareVersions(pa.version, pb.version);
    const kind: EnvChangeKind = order === null || order === 0 ? "changed" : order < 0 ? "upgraded" : "downgraded";
    changes.push({ kind, name: pb.name, from: pa.version || "(unpinned)", to: pb.version || "(unpinned)", impact });
  }
  for (const [key, pa] of before) {
    if (!after.has(key)) changes.push({ kind: "removed", name: pa.name, from: pa.version, impact: impactOf(pa.name) });
  }
  changes.sort(
    (x, y) =>
      x.impact - y.impact ||
      KIND_ORDER[x.kind] - KIND_ORDER[y.kind] ||
      packageKey(x.name).localeCompare(packageKey(y.name)),
  );
  const summary = changes.length === 0 ? "no difference" : changes.map(describeChange).join(", ");
  return { changes, summary, unchanged };
}
