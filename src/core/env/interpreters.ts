/** Interpreter and CUDA versions read off a package list, when a format does not state them. */
import { packageKey } from "./names";
import type { EnvPackage, Interpreters } from "./types";
import { majorMinor } from "./versions";

/** Conda package names that carry the CUDA version itself. */
const CONDA_CUDA = ["cuda-version", "cudatoolkit", "pytorch-cuda", "cuda-runtime", "cuda-cudart"];

/**
 * The CUDA version an environment was built for: a conda CUDA package, PyPI's
 * `nvidia-cuda-runtime-cu12` wheel, or a PyTorch local label (`2.4.0+cu121` -> 12.1).
 * Undefined when nothing shows one (CPU builds, `+cpu`).
 */
export function cudaFromPackages(packages: readonly EnvPackage[]): string | undefined {
  const byKey = new Map(packages.map((p) => [packageKey(p.name), p] as const));
  for (const name of CONDA_CUDA) {
    const p = byKey.get(name);
    if (p && /^\d/.test(p.version)) return majorMinor(p.version);
  }
  for (const p of packages) {
    if (/^nvidia-cuda-runtime-cu\d+$/.test(packageKey(p.name)) && /^\d/.test(p.version)) return majorMinor(p.version);
  }
  for (const p of packages) {
    const m = /\+cu(\d+)(\d)$/.exec(p.version);
    if (m && ["torch", "pytorch", "torchvision", "torchaudio", "jaxlib"].includes(packageKey(p.name)))
      return `${m[1]}.${m[2]}`;
  }
  return undefined;
}

/** Fills in the CUDA version from the packages when the interpreters do not have one. */
export function withCuda(interpreters: Interpreters, packages: readonly EnvPackage[]): Interpreters {
  if (interpreters.cuda !== undefined) return interpreters;
  const cuda = cudaFromPackages(packages);
  return cuda === undefined ? interpreters : { ...interpreters, cuda };
}
