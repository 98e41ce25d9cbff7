// Lint in layers: TypeScript's recommended rules everywhere, and the architecture's one hard rule:
// the pure core (src/core) never touches a host (Office.js, the DOM, exceljs, the file system).
import js from "@eslint/js";
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
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-globals": ["error", "Excel", "Office", "OfficeExtension", "document", "window", "process"],
      "no-restricted-imports": [
        "error",
        { patterns: ["exceljs", "fs", "node:*", "path", "child_process", "../excel/*", "../cli/*", "../taskpane/*"] },
      ],
    },
  },
  {
    files: ["**/*.cjs", "webpack.config.*"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
