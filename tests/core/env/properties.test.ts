import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ENV_FORMATS,
  environmentId,
  parseCondaList,
  parseCondaYaml,
  parseEnvironment,
  parseRenvLock,
  parseRequirements,
  parseRSessionInfo,
  type EnvParseResult,
} from "../../../src/core/env";

const PARSERS: [string, (t: string) => EnvParseResult][] = [
  ["requirements", parseRequirements],
  ["conda-yaml", parseCondaYaml],
  ["conda-list", parseCondaList],
  ["r-session-info", parseRSessionInfo],
  ["renv-lock", parseRenvLock],
];

/** Text from the characters the formats care about, so fuzzing reaches their branches. */
const tricky = fc
  .array(
    fc.constantFrom(
      "numpy",
      "==",
      "=",
      "1.2.3",
      ">=",
      "@",
      " ",
      "\n",
      "\r\n",
      "\\\n",
      "#",
      "-e ",
      "[x]",
      ";",
      "--hash=sha256:ab",
      "dependencies:\n",
      "  - ",
      "pip:\n",
      "      - ",
      "{",
      "}",
      "[",
      "]",
      ":",
      '"',
      ",",
      "R version 4.3.1",
      "[1] ",
      "other attached packages:\n",
      "dplyr_1.1.3",
      '"Packages"',
      '"Version"',
      "\t",
      "\uFEFF",
      "é",
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const anyText = fc.oneof(fc.string({ maxLength: 200 }), tricky);

function linesOf(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

describe("environment parsers, fuzzed", () => {
  it.each(PARSERS)("%s never throws and every issue points inside the text", (_name, parse) => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parse(text);
        const issues = r.ok ? r.warnings : r.issues;
        if (!r.ok) expect(issues.length).toBeGreaterThan(0);
        for (const i of issues) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(linesOf(text));
          expect(i.column).toBeGreaterThanOrEqual(1);
          expect(i.message.length).toBeGreaterThan(0);
        }
        if (r.ok) expect(r.value.packages.length + Object.keys(r.value.interpreters).length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });

  it("the detected format's parser gives an id or issues for any text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parseEnvironment(text);
        if (r.ok) expect(r.value.id).toMatch(/^env-[0-9a-f]{12}$/);
        else expect(r.issues[0]?.severity).toBe("error");
      }),
      { numRuns: 300 },
    );
  });

  it("knows five formats", () => {
    expect(ENV_FORMATS).toHaveLength(5);
  });
});

const pkgName = fc.stringMatching(/^[a-z][a-z0-9]{0,8}$/);
const pkgVersion = fc.tuple(fc.nat(30), fc.nat(30), fc.nat(30)).map(([a, b, c]) => `${a}.${b}.${c}`);
const pins = fc.uniqueArray(fc.tuple(pkgName, pkgVersion), { minLength: 1, maxLength: 15, selector: ([n]) => n });

describe("environment id", () => {
  it("is stable across package order, blank lines, spacing and line endings", () => {
    fc.assert(
      fc.property(pins, fc.integer(), fc.constantFrom("\n", "\r\n"), (list, seed, eol) => {
        const text = list.map(([n, v]) => `${n}==${v}`).join("\n");
        const shuffled = [...list].sort(
          (x, y) => ((x[0].charCodeAt(0) * seed) % 7) - ((y[0].charCodeAt(0) * seed) % 7),
        );
        const messy = `\n  ${shuffled.map(([n, v]) => `${n} == ${v}   `).join(`${eol}${eol}`)}\n\n`;
        const a = parseEnvironment(text, "requirements");
        const b = parseEnvironment(messy, "requirements");
        expect(a.ok && b.ok).toBe(true);
        if (a.ok && b.ok) expect(b.value.id).toBe(a.value.id);
      }),
    );
  });

  it("changes when one version changes", () => {
    fc.assert(
      fc.property(pins, (list) => {
        const [first, ...rest] = list;
        if (!first) return;
        const a = parseEnvironment(list.map(([n, v]) => `${n}==${v}`).join("\n"), "requirements");
        const b = parseEnvironment(
          [[first[0], `${first[1]}.1`], ...rest].map(([n, v]) => `${n}==${v}`).join("\n"),
          "requirements",
        );
        if (a.ok && b.ok) expect(b.value.id).not.toBe(a.value.id);
        else expect.unreachable("both parse");
      }),
    );
  });

  it("treats PyYAML and pyyaml as one name but not another python as the same", () => {
    const a = {
      packages: [{ manager: "pip" as const, name: "PyYAML", version: "6.0.2", source: "" }],
      interpreters: {},
    };
    const b = {
      packages: [{ manager: "pip" as const, name: "pyyaml", version: "6.0.2", source: "" }],
      interpreters: {},
    };
    expect(environmentId(a)).toBe(environmentId(b));
    expect(environmentId({ ...a, interpreters: { python: "3.11" } })).not.toBe(environmentId(a));
  });
});
