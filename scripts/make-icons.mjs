#!/usr/bin/env node
// Renders assets/svg/*.svg to the PNG sizes the manifest declares, with Debian's Chromium.
// Run by hand after changing an SVG: `node scripts/make-icons.mjs`. The PNGs are committed.
import { readFileSync, readdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { launchOptions } from "./chromium.mjs";

const sizes = { icon: [16, 32, 64, 80, 128], validate: [16, 32, 80], best: [16, 32, 80] };
const browser = await chromium.launch(launchOptions);
const page = await browser.newPage();
for (const file of readdirSync("assets/svg").filter((f) => f.endsWith(".svg"))) {
  const name = file.replace(/\.svg$/, "");
  const svg = readFileSync(`assets/svg/${file}`, "utf8");
  for (const size of sizes[name] ?? []) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.locator("svg").screenshot({ path: `assets/${name}-${size}.png`, omitBackground: true });
  }
}
await browser.close();
console.log("icons written to assets/");
