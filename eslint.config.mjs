// ESLint 9 flat config. The layering of ../shared/STYLE.md is enforced here:
// core is pure, only src/excel touches Excel.*, the task pane goes through src/excel.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const officeAddinRules = {
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/call-sync-after-load": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "error",
  "office-addins/no-navigational-load": "error",
  "office-addins/no-office-initialize": "error",
  "office-addins/test-for-null-using-isNullObject": "error",
};

/** Patterns every layer but src/excel (and the simulator that stands in for Excel) must not import. */
const uiLibraries = [
  { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "src/core is pure TypeScript: no React." },
  { group: ["@fluentui/*"], message: "src/core is pure TypeScript: no Fluent UI." },
  { group: ["office-js", "@microsoft/office-js", "@microsoft/office-js/*"], message: "src/core must not use Office." },
];
const layerImports = (...layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}`, `**/${layer}/*`, `**/${layer}/**`],
    message: `This layer must not import from src/${layer} (see STYLE.md layering).`,
  }));

export default defineConfig([
  {
    ignores: [
      "dist/**",
      "build/**",
      "node_modules/**",
      "coverage/**",
      "playwright-report/**",
      "test-results/**",
      "tests/fixtures/**",
      "tests/lint-fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...officeAddinRules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [...uiLibraries, ...layerImports("excel", "taskpane", "playground", "commands", "sim", "cli")] },
      ],
      "no-restricted-globals": [
        "error",
        "Excel",
        "Office",
        "OfficeExtension",
        "document",
        "window",
        "navigator",
        "localStorage",
      ],
    },
  },
  {
    files: ["src/taskpane/**/*.{ts,tsx}", "src/playground/**/*.{ts,tsx}", "src/commands/**/*.ts"],
    rules: {
      // Only src/excel may call Excel.*; the UI reaches the workbook through it.
      "no-restricted-globals": [
        "error",
        { name: "Excel", message: "Call the workbook through src/excel, not Excel.* directly." },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='Excel']",
          message: "Call the workbook through src/excel, not Excel.* directly.",
        },
        {
          selector: "TSQualifiedName[left.name='Excel']",
          message: "Excel types belong to src/excel; use its exported types.",
        },
      ],
    },
  },
  {
    // Tests read the simulator's plain inspection helpers (sim.getText, sim.getValues), which the
    // office-addins heuristics mistake for proxy objects; the rules stay on for all of src/.
    files: ["tests/**/*.{ts,tsx}"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
    },
  },
  {
    // The office-addins rule only recognises a variable named `context`; this catches any name.
    files: ["src/excel/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name='sync'][arguments.length=0]",
          message: "sync() inside a loop: queue the work for all items, then sync once (see STYLE.md).",
        },
        {
          selector:
            "CallExpression[callee.property.name='forEach'] CallExpression[callee.property.name='sync'][arguments.length=0]",
          message: "sync() inside a forEach callback: queue the work for all items, then sync once.",
        },
      ],
    },
  },
  {
    // Ribbon commands run without the pane loaded: they may use src/excel and src/core, never pane code.
    files: ["src/commands/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: layerImports("taskpane", "playground", "sim", "cli") },
      ],
    },
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [...uiLibraries, ...layerImports("excel", "taskpane", "playground", "sim")] },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // CommonJS by necessity: webpack.config.js (the name every add-in developer expects) and its helpers.
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
]);
