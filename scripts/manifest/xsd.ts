/**
 * Offline XSD validation of the manifest with xmllint compiled to WebAssembly, against the Office
 * schemas in ../shared/office-manifest-xsd (kept outside the repo; see its README). Returns null
 * when the schema folder is absent, so a user's own clone skips this step with a message.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { validateXML } from "xmllint-wasm";
import type { ManifestProblem } from "./structure";

export const ROOT_SCHEMA = "OfficeAppManifestV1_1.xsd";

/** Validates `xml` against the XSDs in `xsdDir`; null when the folder or its root schema is missing. */
export async function validateAgainstXsd(xml: string, xsdDir: string): Promise<ManifestProblem[] | null> {
  if (!existsSync(join(xsdDir, ROOT_SCHEMA))) return null;
  const others = readdirSync(xsdDir).filter((f) => f.endsWith(".xsd") && f !== ROOT_SCHEMA);
  const result = await validateXML({
    xml: { fileName: "manifest.xml", contents: xml },
    schema: { fileName: ROOT_SCHEMA, contents: readFileSync(join(xsdDir, ROOT_SCHEMA), "utf8") },
    preload: others.map((f) => ({ fileName: f, contents: readFileSync(join(xsdDir, f), "utf8") })),
  });
  return result.errors.map((e) => ({
    severity: "error" as const,
    line: e.loc?.lineNumber ?? null,
    message: `XSD: ${e.message.trim()}`,
  }));
}
