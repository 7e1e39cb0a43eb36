#!/usr/bin/env node
// `runsheet` command: the bundled CLI built by `npm run build` (esbuild -> dist/cli.cjs).
const { existsSync } = require("node:fs");
const { join } = require("node:path");

const bundle = join(__dirname, "..", "dist", "cli.cjs");
if (!existsSync(bundle)) {
  process.stderr.write("runsheet: dist/cli.cjs is missing; run `npm run build` (or `npm run build:cli`) first.\n");
  process.exit(2);
}
require(bundle);
