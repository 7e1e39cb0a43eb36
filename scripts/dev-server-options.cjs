// Dev server options: https with the Office add-in dev certificates when they are installed
// (~/.office-addin-dev-certs), otherwise plain http on localhost. office-addin-dev-certs cannot
// trust its CA without sudo (root shells, CI), and its getHttpsServerOptions() then rejects, so
// the three files are read directly (see ../shared/TOOLCHAIN.md).
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const port = Number(process.env.npm_package_config_dev_server_port || process.env.PORT || 3000);

function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  try {
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
  } catch {
    return null;
  }
}

function devServerOptions() {
  const certs = process.env.RUNSHEET_HTTP === "1" ? null : devCertificates();
  return {
    port,
    host: "localhost",
    hot: false,
    liveReload: true,
    open: false,
    headers: { "Access-Control-Allow-Origin": "*" },
    static: false,
    client: { overlay: { errors: true, warnings: false } },
    server: certs ? { type: "https", options: certs } : { type: "http" },
  };
}

module.exports = { devServerOptions, devCertificates, port };
