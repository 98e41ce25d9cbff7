#!/usr/bin/env node
// Runs the TypeScript command line directly through tsx, so the command works right after `npm install`.
require("tsx/cjs");
require("../src/cli/main.ts");
