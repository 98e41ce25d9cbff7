// Lint in layers: TypeScript's recommended rules everywhere, the architecture's one hard rule (the
// pure core, src/core, never touches a host: Office.js, the DOM, exceljs, the file system), and
// Microsoft's Office Add-in rules where Office.js is used.
import js from "@eslint/js";
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "out/**", "assets/**", "bin/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Spreading an array into a call passes each item as an argument: past about 125,000 items the
    // stack overflows (a large sheet's indicators were once lost to `push(...)`). Where data of any
    // size flows (the core, both adapters, the benchmark) use appendAll, maxOf and minOf
    // (src/core/append.ts) or a loop. The task pane's el(...) children are lists it draws, each
    // capped (diagnostics at DIAGNOSTICS_SHOWN), and tests spread fixed word lists.
    files: ["src/core/**/*.ts", "src/cli/**/*.ts", "src/excel/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression > SpreadElement",
          message: "No spread arguments: an unbounded array overflows the stack. Use appendAll/maxOf/minOf from src/core/append.ts or a loop.",
        },
        { selector: "NewExpression > SpreadElement", message: "No spread arguments: an unbounded array overflows the stack. Use a loop." },
      ],
    },
  },
  {
    // Patterns, not paths: a host folder is refused at any depth ("../excel/errors" from src/core,
    // "../../excel/errors" from src/core/rules), and anything that is not one of the core's own
    // modules or zod is refused by name, so a new package or Node built-in needs a decision here.
    // test/architecture.test.ts proves that a forbidden import fails this rule.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeExtension", "document", "window", "navigator", "process", "Buffer", "require", "__dirname"],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)(excel|cli|taskpane|commands)(/|$)",
              message: "The core never imports a host (src/excel, src/cli, src/taskpane, src/commands): the hosts call the core.",
            },
            {
              regex: "^(?!\\.{1,2}/|zod$)",
              message: "The core imports only its own modules and zod: no Node built-ins (fs, path, node:*), exceljs or Office.js.",
            },
          ],
        },
      ],
    },
  },
  {
    // Microsoft's Office Add-in rules (eslint-plugin-office-addins, its "recommended" set) where
    // Office.js is used: load before read, sync after load, isNullObject for null objects, no sync
    // in a loop. Its formatting and React rules are not taken (the plugin bundles them); the
    // plugin's own typescript-eslint is overridden in package.json to ours, since the one it pins
    // does not load in ESLint 10. Where a rule cannot see the add-in's queue-then-read pattern,
    // the line says why it is off there.
    files: ["src/excel/**/*.ts", "src/taskpane/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "warn",
      "office-addins/no-empty-load": "warn",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.*"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
