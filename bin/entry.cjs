// Chooses what `kpi-dashboard` runs: the built command line (dist/cli/kpi-dashboard.cjs, made by
// `npm run build:cli` on install and by `npm run build`) when it is newer than every source file
// it was built from, as esbuild's metafile lists them; otherwise null, and the bin runs the
// TypeScript through tsx. So the built file saves tsx's start-up, and an edited source never
// runs stale.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

/** The built command line under `root` when it is up to date with its sources, else null. */
function builtEntry(root) {
  const bundle = path.join(root, "dist", "cli", "kpi-dashboard.cjs");
  try {
    const builtAt = fs.statSync(bundle).mtimeMs;
    const meta = JSON.parse(fs.readFileSync(path.join(root, "dist", "cli", "meta.json"), "utf8"));
    const inputs = Object.keys(meta.inputs ?? {});
    if (inputs.length === 0) return null;
    // esbuild names inputs relative to the folder it ran in: the project's root.
    for (const input of inputs) if (fs.statSync(path.join(root, input)).mtimeMs > builtAt) return null;
    return bundle;
  } catch {
    // Not built, built elsewhere, or a source gone: the TypeScript is always right.
    return null;
  }
}

module.exports = { builtEntry };
