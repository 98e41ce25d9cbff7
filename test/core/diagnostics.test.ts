import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { diagnostic, diagnosticCodes, type DiagnosticCode } from "../../src/core/diagnostics";

const root = path.join(__dirname, "..", "..");
const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];

/** The rows of the README's table of diagnostic codes: code, severity, meaning. */
function readmeCodes(): string[][] {
  const readme = readFileSync(path.join(root, "README.md"), "utf8");
  const section = readme.split("### Diagnostic codes")[1]?.split("\n## ")[0] ?? "";
  return section
    .split("\n")
    .filter((line) => /^\| `[^`]+` \|/.test(line))
    .map((line) =>
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/^`|`$/g, "")),
    );
}

/** Every TypeScript file of the core, but the one that lists the codes. */
function coreSources(dir = path.join(root, "src", "core")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return coreSources(full);
    return entry.name.endsWith(".ts") && full !== path.join(root, "src", "core", "diagnostics.ts") ? [readFileSync(full, "utf8")] : [];
  });
}

describe("diagnostics", () => {
  it("takes a diagnostic's severity from its code", () => {
    assert.deepEqual(diagnostic("text-not-a-number", "KPIs", "C7", "words"), {
      code: "text-not-a-number",
      severity: "warning",
      sheet: "KPIs",
      cell: "C7",
      message: "words",
    });
    assert.equal(diagnostic("sheet-unreadable", "KPIs", null, "words").severity, "error");
    assert.equal(diagnostic("no-polarity", "KPIs", "D7", "words").severity, "info");
  });

  it("names every code in kebab-case", () => {
    for (const code of codes) assert.match(code, /^[a-z]+(-[a-z]+)*$/, code);
  });

  it("lists in the README exactly the codes there are, in the same order, with the same severity and meaning", () => {
    const table = readmeCodes();
    assert.deepEqual(
      table,
      codes.map((code) => [code, diagnosticCodes[code].severity, diagnosticCodes[code].meaning]),
    );
  });

  it("has no code that the core never gives", () => {
    const sources = coreSources().join("\n");
    const unused = codes.filter((code) => !sources.includes(`"${code}"`));
    assert.deepEqual(unused, []);
  });
});
