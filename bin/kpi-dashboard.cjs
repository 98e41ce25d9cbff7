#!/usr/bin/env node
// The command line: built (about half a second faster to start) when the build is up to date with
// the sources, else the TypeScript straight through tsx, so it works right after `npm install`
// and after any edit. See bin/entry.cjs.
"use strict";
const path = require("node:path");
const { builtEntry } = require("./entry.cjs");

const built = builtEntry(path.join(__dirname, ".."));
if (built) {
  require(built);
} else {
  require("tsx/cjs");
  require("../src/cli/main.ts");
}
