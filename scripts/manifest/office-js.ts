/**
 * Distribution check: every add-in page the manifest points at (task pane, function file) must
 * load Office.js from Microsoft's CDN in the build that gets deployed. The Office documentation
 * requires the CDN reference for add-ins distributed through AppSource or centralized deployment,
 * so hosts get the current library and its fixes:
 * https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";
import type { ManifestProblem } from "./structure";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * URL pathnames of the pages Office loads as add-in pages: `SourceLocation` (by value or resid)
 * and `FunctionFile`. Support and learn-more pages are ordinary web pages and need no office.js.
 */
export function manifestPages(xml: string): string[] {
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, "text/xml");
  const list = doc.documentElement ? doc.documentElement.getElementsByTagName("*") : null;
  const all: Element[] = [];
  for (let i = 0; list && i < list.length; i++) {
    const el = list.item(i);
    if (el) all.push(el);
  }
  const urls = new Map<string, string>();
  for (const el of all.filter((e) => e.localName === "Url" && (e.parentNode as Element | null)?.localName === "Urls"))
    urls.set(el.getAttribute("id") ?? "", el.getAttribute("DefaultValue") ?? "");
  const pages = new Set<string>();
  for (const el of all.filter((e) => e.localName === "SourceLocation" || e.localName === "FunctionFile")) {
    const value = el.getAttribute("DefaultValue") || urls.get(el.getAttribute("resid") ?? "");
    if (!value) continue;
    try {
      pages.add(decodeURIComponent(new URL(value).pathname));
    } catch {
      // Not a URL: the structure check reports it.
    }
  }
  return [...pages].sort();
}

/** The `src` of every script that loads office.js, in document order (quoted or not, as minified HTML has it). */
export function officeJsSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? "")
    .filter((src) => /(^|\/)office\.js$/.test(src));
}

/** Problems with the built pages in `distDir` that a production deployment would ship. */
export function checkOfficeJsReferences(xml: string, distDir: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (message: string) => problems.push({ severity: "error", line: null, message });
  for (const page of manifestPages(xml)) {
    const file = join(distDir, page);
    if (!existsSync(file)) {
      add(`${page} is not in ${distDir}: run \`npm run build\` before validating for production.`);
      continue;
    }
    const sources = officeJsSources(readFileSync(file, "utf8"));
    if (sources.length === 0) add(`${page} does not load office.js; reference ${OFFICE_JS_CDN}.`);
    for (const src of sources.filter((s) => s !== OFFICE_JS_CDN)) {
      add(
        `${page} loads office.js from "${src}"; a distributed add-in must reference Microsoft's CDN (${OFFICE_JS_CDN}). Build with \`npm run build\`, not a local-copy build.`,
      );
    }
  }
  return problems;
}
