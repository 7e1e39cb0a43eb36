// Entries: taskpane (runs inside Excel), commands (ribbon function file), playground (the task pane
// beside a simulated workbook, for browsers without Excel).
//
// Office.js: a production build (`npm run build`, what gets distributed) references Microsoft's
// CDN, as an add-in must for AppSource and centralized deployment ("reference the Office
// JavaScript API library from its CDN"):
// https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn
// The dev server and `--env officeJs=local` builds (the browser tests, closed networks) copy it
// from @microsoft/office-js into dist/assets/office and load it from the add-in's own origin.
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { devServerOptions } = require("./scripts/dev-server-options.cjs");

const officeDist = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
// Only what office.js loads at run time: the loader, its host mapping table, the Excel host
// scripts and the locale string files. Debug builds and other hosts stay out (the package is 86 MB).
const officeFiles = ["office.js", "o15apptofilemappingtable.js", "excel*.js", "*/**"];

/** The CDN reference the Office documentation requires for distributed add-ins. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "assets/office/office.js";

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode !== "production";
  const localOffice = dev || env.officeJs === "local";
  const templateParameters = { officeJs: localOffice ? OFFICE_JS_LOCAL : OFFICE_JS_CDN };
  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      playground: "./src/playground/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
      // exceljs pulls Node built-ins in its node build; its browser build needs none of them.
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is `npm run typecheck`; the loader only transpiles, which keeps builds fast.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: "all" },
      runtimeChunk: "single",
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        title: "RunSheet",
        chunks: ["taskpane"],
        templateParameters,
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        templateParameters,
      }),
      // The playground renders the same pane, so it shares the pane's page template, without Office.js.
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/taskpane/taskpane.html",
        title: "RunSheet playground: the task pane on a simulated workbook",
        chunks: ["playground"],
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        templateContent: () =>
          '<!doctype html><meta charset="utf-8"><title>RunSheet</title><meta http-equiv="refresh" content="0; url=playground.html"><a href="playground.html">Open the RunSheet playground</a>',
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest*.xml", to: "[name][ext]" },
          ...(localOffice ? officeFiles : []).map((glob) => ({
            from: glob,
            context: officeDist,
            to: "assets/office/",
            globOptions: { ignore: ["**/*.debug.js", "**/*-vsdoc.js"] },
            // Already minified: keep Terser away from them, or production builds take minutes.
            info: { minimized: true },
          })),
        ],
      }),
    ],
    devServer: devServerOptions(),
    stats: dev ? "minimal" : "normal",
  };
};
