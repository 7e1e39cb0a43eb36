/**
 * Structural checks of an Office add-in XML manifest that the XSD does not enforce
 * (see ../shared/office-manifest-xsd/README.md "Known limits"):
 * - every `resid` is defined, in the resource kind its element needs
 *   (https://learn.microsoft.com/en-us/javascript/api/manifest/resources);
 * - ids are unique (control, group and resource ids);
 * - URLs are https (localhost allowed for development only);
 * - icon files exist and have the declared pixel sizes; an Icon has 16, 32 and 80
 *   (https://learn.microsoft.com/en-us/javascript/api/manifest/icon);
 * - an ExecuteFunction action has a FunctionFile and its function name is registered with
 *   `Office.actions.associate` in src/commands
 *   (https://learn.microsoft.com/en-us/javascript/api/manifest/action#functionname).
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, type Element } from "@xmldom/xmldom";

export interface ManifestProblem {
  severity: "error" | "warning";
  line: number | null;
  message: string;
}

export interface StructureOptions {
  /** Folder whose `assets/` holds the icons and whose `src/commands` registers functions. */
  rootDir: string;
  /** Production check: localhost URLs become errors. */
  production?: boolean;
}

type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

/** Which resource kind a `resid` on an element of this local name must point to. */
function expectedKind(el: Element): ResourceKind | null {
  switch (el.localName) {
    case "Image":
      return "Images";
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
    case "Url":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      // Supertip and GetStarted descriptions alike are long strings.
      return "LongStrings";
    default:
      return null;
  }
}

function lineOf(el: Element): number | null {
  const line = (el as unknown as { lineNumber?: number }).lineNumber;
  return typeof line === "number" ? line : null;
}

function elements(root: Element): Element[] {
  const out: Element[] = [];
  const all = root.getElementsByTagName("*");
  for (let i = 0; i < all.length; i++) {
    const el = all.item(i);
    if (el) out.push(el);
  }
  return out;
}

/** Reads width and height from a PNG's IHDR chunk; null when the file is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Function names registered with Office.actions.associate("name", ...) under src/commands. */
export function registeredFunctionNames(rootDir: string): Set<string> {
  const names = new Set<string>();
  const dir = join(rootDir, "src", "commands");
  if (!existsSync(dir)) return names;
  for (const file of readdirSync(dir, { recursive: true }).map(String)) {
    if (!/\.(ts|tsx|js)$/.test(file)) continue;
    const text = readFileSync(join(dir, file), "utf8");
    for (const m of text.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)) names.add(m[1]!);
  }
  return names;
}

function isLocalhost(url: URL): boolean {
  return url.hostname === "localhost" || url.hostname === "127.0.0.1";
}

/** Runs every structural check on the manifest text; returns the problems found (empty when valid). */
export function checkManifestStructure(xml: string, options: StructureOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const add = (severity: ManifestProblem["severity"], el: Element | null, message: string) =>
    problems.push({ severity, line: el ? lineOf(el) : null, message });

  const parseErrors: string[] = [];
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== "warning") parseErrors.push(msg);
    },
  }).parseFromString(xml, "text/xml");
  const root = doc.documentElement;
  if (parseErrors.length > 0 || !root) {
    return [
      {
        severity: "error",
        line: null,
        message: `manifest is not well-formed XML: ${parseErrors.join("; ") || "no root element"}`,
      },
    ];
  }
  const all = elements(root);

  // Resources: id -> kind, with duplicate detection across all kinds.
  const resources = new Map<string, { kind: ResourceKind; value: string; el: Element }>();
  for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"] as const) {
    for (const container of all.filter(
      (e) => e.localName === kind && (e.parentNode as Element | null)?.localName === "Resources",
    )) {
      for (const item of elements(container)) {
        const id = item.getAttribute("id");
        if (!id) continue;
        if (resources.has(id))
          add("error", item, `resource id "${id}" is defined twice; give each resource its own id.`);
        resources.set(id, { kind, value: item.getAttribute("DefaultValue") ?? "", el: item });
      }
    }
  }

  // Every resid is defined, in the right kind.
  const usedResids = new Set<string>();
  for (const el of all) {
    const resid = el.getAttribute("resid");
    if (!resid) continue;
    usedResids.add(resid);
    const res = resources.get(resid);
    const kind = expectedKind(el);
    if (!res) {
      add(
        "error",
        el,
        `<${el.localName} resid="${resid}"> refers to no resource; define it under <Resources>/<bt:${kind ?? "..."}>.`,
      );
    } else if (kind && res.kind !== kind) {
      add(
        "error",
        el,
        `<${el.localName} resid="${resid}"> needs a resource in bt:${kind}, but "${resid}" is in bt:${res.kind}.`,
      );
    }
  }
  for (const [id, res] of resources) {
    if (!usedResids.has(id)) add("warning", res.el, `resource "${id}" is defined but never used.`);
  }

  // Unique control and group ids.
  const ids = new Map<string, Element>();
  for (const el of all.filter((e) => ["Control", "Group", "Menu", "Item"].includes(e.localName ?? ""))) {
    const id = el.getAttribute("id");
    if (!id) continue;
    if (ids.has(id)) add("error", el, `id "${id}" is used by two <${el.localName}> elements; ids must be unique.`);
    ids.set(id, el);
  }

  // URLs: https, localhost only for development.
  const urlElements = all.filter(
    (e) =>
      ["IconUrl", "HighResolutionIconUrl", "SupportUrl", "SourceLocation"].includes(e.localName ?? "") &&
      e.getAttribute("DefaultValue"),
  );
  const urlValues: { el: Element; value: string }[] = urlElements.map((el) => ({
    el,
    value: el.getAttribute("DefaultValue") ?? "",
  }));
  for (const res of resources.values())
    if (res.kind === "Urls" || res.kind === "Images") urlValues.push({ el: res.el, value: res.value });
  for (const { el, value } of urlValues) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      add("error", el, `"${value}" is not a URL.`);
      continue;
    }
    if (url.protocol !== "https:")
      add("error", el, `"${value}" must use https: Office loads add-in pages and icons over https only.`);
    else if (isLocalhost(url) && options.production)
      add("error", el, `"${value}" points at localhost; a production manifest needs the deployed host.`);
  }

  // Icons: files exist and have the declared sizes.
  const localAsset = (value: string): string | null => {
    try {
      const url = new URL(value);
      return isLocalhost(url) ? join(options.rootDir, decodeURIComponent(url.pathname)) : null;
    } catch {
      return null;
    }
  };
  const checkIcon = (el: Element, value: string, size: number | null) => {
    const file = localAsset(value);
    if (!file) return;
    if (!existsSync(file)) {
      add("error", el, `icon file ${file.slice(options.rootDir.length + 1)} for "${value}" does not exist.`);
      return;
    }
    const dims = pngSize(readFileSync(file));
    if (!dims) add("error", el, `icon ${value} is not a PNG file.`);
    else if (size !== null && (dims.width !== size || dims.height !== size)) {
      add("error", el, `icon ${value} is ${dims.width}x${dims.height} px but is declared as ${size}x${size}.`);
    }
  };
  for (const el of all.filter((e) => e.localName === "IconUrl"))
    checkIcon(el, el.getAttribute("DefaultValue") ?? "", 32);
  for (const el of all.filter((e) => e.localName === "HighResolutionIconUrl"))
    checkIcon(el, el.getAttribute("DefaultValue") ?? "", 64);
  for (const icon of all.filter((e) => e.localName === "Icon")) {
    const images = elements(icon).filter((e) => e.localName === "Image");
    const sizes = new Set(images.map((i) => Number(i.getAttribute("size"))));
    for (const required of [16, 32, 80]) {
      if (!sizes.has(required)) add("error", icon, `<Icon> lacks the required ${required} px image.`);
    }
    for (const img of images) {
      const res = resources.get(img.getAttribute("resid") ?? "");
      if (res?.kind === "Images") checkIcon(img, res.value, Number(img.getAttribute("size")));
    }
  }

  // ExecuteFunction: FunctionFile present in the form factor, function registered in src/commands.
  const registered = registeredFunctionNames(options.rootDir);
  for (const action of all.filter(
    (e) => e.localName === "Action" && (e.getAttribute("xsi:type") ?? "").endsWith("ExecuteFunction"),
  )) {
    let formFactor: Element | null = action.parentNode as Element | null;
    while (formFactor && !/FormFactor$/.test(formFactor.localName ?? ""))
      formFactor = formFactor.parentNode as Element | null;
    const hasFunctionFile = formFactor ? elements(formFactor).some((e) => e.localName === "FunctionFile") : false;
    if (!hasFunctionFile)
      add("error", action, "an ExecuteFunction button needs a <FunctionFile resid=...> in its form factor.");
    const name =
      elements(action)
        .find((e) => e.localName === "FunctionName")
        ?.textContent?.trim() ?? "";
    if (!name) add("error", action, "ExecuteFunction has no <FunctionName>.");
    else if (!registered.has(name)) {
      add(
        "error",
        action,
        `function "${name}" is not registered: add Office.actions.associate("${name}", ...) in src/commands.`,
      );
    }
  }
  return problems;
}
