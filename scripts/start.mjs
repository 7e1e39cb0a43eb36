#!/usr/bin/env node
// `npm start`: serves the task pane, the ribbon commands and the playground with webpack-dev-server.
// HTTPS with the Office dev certificates where they can be installed and trusted; otherwise
// (CI, root without sudo on Linux) plain http on localhost, said in one line.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { platform } from "node:os";

const require = createRequire(import.meta.url);
const { devCertificates, port } = require("./dev-server-options.cjs");

function canTrustCertificates() {
  if (process.env.CI || process.env.RUNSHEET_HTTP === "1") return false;
  if (platform() !== "linux") return true;
  return spawnSync("sh", ["-c", "command -v sudo"], { stdio: "ignore" }).status === 0;
}

let https = Boolean(devCertificates());
if (!https && canTrustCertificates()) {
  const result = spawnSync("npx", ["--no-install", "office-addin-dev-certs", "install"], { stdio: "inherit" });
  https = result.status === 0 && Boolean(devCertificates());
}
const scheme = https ? "https" : "http";
if (!https) {
  console.log(
    "RunSheet: no trusted Office dev certificates here (no sudo or CI), so serving plain http on localhost; Excel sideloading needs https (see README).",
  );
}

const env = { ...process.env, ...(https ? {} : { RUNSHEET_HTTP: "1" }) };
const server = spawn("npx", ["--no-install", "webpack", "serve", "--mode", "development"], { stdio: "inherit", env });
const base = `${scheme}://localhost:${port}`;
setTimeout(() => {
  console.log(`\n  Playground (task pane on a simulated workbook): ${base}/playground.html`);
  console.log(`  Task pane page (for Excel):                     ${base}/taskpane.html`);
  console.log(`  Sideload manifest:                              ${base}/manifest.xml  (file: ./manifest.xml)\n`);
}, 4000);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
