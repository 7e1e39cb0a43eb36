#!/usr/bin/env node
/**
 * `npm run validate`: offline manifest validation (the online `office-addin-manifest validate`
 * needs a service this machine cannot reach; it stays available as `npm run validate:online`).
 * Usage: tsx scripts/validate-manifest.ts [manifest.xml] [--production [--dist DIR]] [--xsd DIR]
 * `--production` also checks that the built pages (DIR, default dist/ beside the manifest) load
 * office.js from Microsoft's CDN.
 */
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { checkOfficeJsReferences } from "./manifest/office-js";
import { checkManifestStructure } from "./manifest/structure";
import { validateAgainstXsd } from "./manifest/xsd";

const args = process.argv.slice(2);
const production = args.includes("--production");
const xsdFlag = args.indexOf("--xsd");
const xsdDir = resolve(
  xsdFlag >= 0 ? (args[xsdFlag + 1] ?? "") : resolve(process.cwd(), "..", "shared", "office-manifest-xsd"),
);
const valueOf = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
const manifestPath = resolve(
  args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--xsd" && args[i - 1] !== "--dist") ?? "manifest.xml",
);
const distDir = resolve(valueOf("--dist") ?? join(dirname(manifestPath), "dist"));

async function main(): Promise<number> {
  let xml: string;
  try {
    xml = readFileSync(manifestPath, "utf8");
  } catch (e) {
    console.error(`cannot read ${manifestPath}: ${(e as Error).message}`);
    return 2;
  }
  const problems = checkManifestStructure(xml, { rootDir: dirname(manifestPath), production });
  if (production) problems.push(...checkOfficeJsReferences(xml, distDir));
  const xsd = await validateAgainstXsd(xml, xsdDir);
  if (xsd === null) console.log(`XSD step skipped: ${xsdDir} is absent (the schemas live outside the repo).`);
  else problems.push(...xsd);

  for (const p of problems) console.log(`${p.severity}: manifest.xml${p.line ? `:${p.line}` : ""} ${p.message}`);
  const errors = problems.filter((p) => p.severity === "error").length;
  console.log(
    errors === 0
      ? `manifest is valid (${xsd === null ? "structure" : "XSD and structure"})`
      : `${errors} manifest error(s)`,
  );
  return errors === 0 ? 0 : 1;
}

void main().then((code) => process.exit(code));
