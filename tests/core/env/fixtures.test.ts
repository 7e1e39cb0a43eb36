import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  detectEnvFormat,
  diffEnvironments,
  packageKey,
  parseEnvironment,
  type EnvFormat,
  type IdentifiedEnvironment,
} from "../../../src/core/env";

const dir = join(__dirname, "../../fixtures/env");
const read = (name: string): string => readFileSync(join(dir, name), "utf8");

function parsed(name: string, format?: EnvFormat): IdentifiedEnvironment & { warningCount: number } {
  const r = parseEnvironment(read(name), format);
  if (!r.ok) throw new Error(`${name}: ${r.issues.map((i) => i.message).join("; ")}`);
  return { ...r.value, warningCount: r.warnings.length };
}

function version(env: IdentifiedEnvironment, name: string): string | undefined {
  return env.packages.find((p) => packageKey(p.name) === packageKey(name))?.version;
}

describe("environment fixtures as the real tools print them", () => {
  it.each([
    ["pip-freeze.txt", "requirements"],
    ["uv-pip-freeze.txt", "requirements"],
    ["pip-freeze-editable.txt", "requirements"],
    ["poetry-export.txt", "requirements"],
    ["conda-env-export.yml", "conda-yaml"],
    ["conda-list-export.txt", "conda-list"],
    ["r-session-info.txt", "r-session-info"],
    ["r-session-info-knitr.md", "r-session-info"],
    ["renv.lock", "renv-lock"],
  ])("%s is detected as %s", (file, format) => {
    expect(detectEnvFormat(read(file))).toBe(format);
  });

  it("pip freeze: every line a package, torch's CPU build has no CUDA", () => {
    const env = parsed("pip-freeze.txt");
    expect(env.packages).toHaveLength(read("pip-freeze.txt").trim().split("\n").length);
    expect(version(env, "numpy")).toBe("2.1.3");
    expect(version(env, "torch")).toBe("2.13.0+cpu");
    expect(env.interpreters.cuda).toBeUndefined();
    expect(env.warningCount).toBe(0);
  });

  it("uv pip freeze of the same venv: the same versions under normalized names, plus pip and setuptools", () => {
    const pip = parsed("pip-freeze.txt");
    const uv = parsed("uv-pip-freeze.txt");
    expect(uv.packages.some((p) => p.name === "typing-extensions")).toBe(true);
    expect(pip.packages.some((p) => p.name === "typing_extensions")).toBe(true);
    for (const p of pip.packages) expect(version(uv, p.name)).toBe(p.version);
    expect(diffEnvironments(pip, uv).summary).toBe("pip 23.2.1 added, setuptools 84.2.1 added");
  });

  it("pip freeze with an editable install takes name and version from pip's comment", () => {
    const env = parsed("pip-freeze-editable.txt");
    const editable = env.packages.find((p) => p.source.startsWith("editable"));
    expect(editable).toEqual({ manager: "pip", name: "catdog-utils", version: "0.3.0", source: "editable /tmp/mypkg" });
    expect(version(env, "PyYAML")).toBe("6.0.2");
  });

  it("poetry export: markers and --hash continuation lines are not packages", () => {
    const env = parsed("poetry-export.txt");
    expect(env.packages.map((p) => p.name).sort()).toEqual([
      "certifi",
      "charset-normalizer",
      "idna",
      "numpy",
      "pyyaml",
      "requests",
      "urllib3",
    ]);
    expect(version(env, "numpy")).toBe("2.1.3");
    expect(env.warningCount).toBe(0);
  });

  it("conda env export: conda packages, the pip list, python and CUDA", () => {
    const env = parsed("conda-env-export.yml");
    expect(env.interpreters).toEqual({ python: "3.10.14", cuda: "12.1" });
    expect(env.packages.find((p) => p.name === "pytorch")).toEqual({
      manager: "conda",
      name: "pytorch",
      version: "2.3.1",
      source: "build py3.10_cuda12.1_cudnn8.9.2_0",
    });
    expect(env.packages.find((p) => p.name === "scikit-learn")).toEqual({
      manager: "pip",
      name: "scikit-learn",
      version: "1.5.1",
      source: "pypi",
    });
    expect(env.packages).toHaveLength(38);
  });

  it("conda list --export: pypi_0 builds are pip packages", () => {
    const env = parsed("conda-list-export.txt");
    expect(env.interpreters).toEqual({ python: "3.11.9", cuda: "12.1" });
    expect(env.packages.find((p) => p.name === "pillow")?.manager).toBe("pip");
    expect(env.packages).toHaveLength(29);
  });

  it("sessionInfo: R version, attached and namespace packages, base packages left to R", () => {
    const env = parsed("r-session-info.txt");
    expect(env.interpreters).toEqual({ r: "4.3.1" });
    expect(version(env, "caret")).toBe("6.0-94");
    expect(version(env, "data.table")).toBe("1.14.8");
    expect(env.packages.find((p) => p.name === "stats")).toBeUndefined();
    expect(env.packages).toHaveLength(5 + 57);
    expect(env.warningCount).toBe(0);
  });

  it("sessionInfo inside knitr output (## prefix)", () => {
    const env = parsed("r-session-info-knitr.md");
    expect(env.interpreters.r).toBe("4.4.1");
    expect(version(env, "ranger")).toBe("0.16.0");
    expect(env.packages).toHaveLength(3 + 31);
  });

  it("renv.lock: versions, CRAN and GitHub sources, R version", () => {
    const env = parsed("renv.lock");
    expect(env.interpreters).toEqual({ r: "4.3.1" });
    expect(env.packages.find((p) => p.name === "ranger")?.source).toBe("CRAN");
    expect(env.packages.find((p) => p.name === "catdogs")?.source).toBe(
      "github:ana-ml/catdogs@9f3c2a1d4b5e6f708192a3b4c5d6e7f809123456",
    );
    expect(env.packages).toHaveLength(7);
  });
});
