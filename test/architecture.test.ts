import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import ts from "typescript";

// The shape the code base promises (README, "For developers"), checked so that it holds: the core
// never reaches a host, and cannot compile if it tries; each stage of the pipeline is a folder
// entered by its index; layout blocks do not reach into each other. The lint rule and the core's
// tsconfig are exercised on probes, so a rule that silently stopped matching would fail here.

const root = path.join(__dirname, "..");
const src = path.join(root, "src");
const core = path.join(src, "core");
/** The stages of the pipeline, each a folder of src/core entered by its index.ts. */
const stages = ["detection", "rules", "layout"] as const;

describe("architecture", () => {
  describe("the lint rule that keeps hosts out of the core", () => {
    const eslint = new ESLint({ cwd: root });

    /** The rules an ESLint error was reported by, for `code` linted as if it were the file at `file`. */
    async function errorsOf(code: string, file: string): Promise<string[]> {
      const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
      return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
    }

    it("refuses a host folder imported from deep in the core, as from src/core/rules", async () => {
      const errors = await errorsOf('import { describeError } from "../../excel/errors";\nexport const probe = describeError;\n', "src/core/rules/probe.ts");
      assert.deepEqual(errors, ["no-restricted-imports"]);
    });

    it("refuses every host folder, at any depth, type imports included", async () => {
      const imports = [
        ["src/core/probe.ts", "../excel/errors"],
        ["src/core/detection/probe.ts", "../../cli/pdf"],
        ["src/core/layout/probe.ts", "../../taskpane/dom"],
        ["src/core/rules/probe.ts", "../../commands/commands"],
      ];
      for (const [file, from] of imports) {
        assert.deepEqual(
          await errorsOf(`import type { X } from "${from}";\nexport type Y = X;\n`, file ?? ""),
          ["no-restricted-imports"],
          `${from} from ${file}`,
        );
      }
    });

    it("refuses Node built-ins, exceljs and Office.js packages in the core", async () => {
      for (const from of ["fs", "node:fs", "path", "node:path", "child_process", "exceljs", "@microsoft/office-js"]) {
        assert.deepEqual(await errorsOf(`import * as x from "${from}";\nexport const y = x;\n`, "src/core/rules/probe.ts"), ["no-restricted-imports"], from);
      }
    });

    it("refuses the host globals in the core", async () => {
      for (const name of ["document", "window", "process", "Excel", "Office"]) {
        assert.deepEqual(await errorsOf(`export const probe = ${name};\n`, "src/core/probe.ts"), ["no-restricted-globals"], name);
      }
    });

    it("applies Microsoft's Office Add-in rules to the adapter: a property read before load and sync is refused", async () => {
      const probe = [
        "export async function probe(context: Excel.RequestContext): Promise<unknown> {",
        '  const range = context.workbook.worksheets.getItem("KPIs").getRange("A1");',
        "  return range.values;",
        "}",
        "",
      ].join("\n");
      assert.deepEqual((await errorsOf(probe, "src/excel/probe.ts")).sort(), ["office-addins/call-sync-before-read", "office-addins/load-object-before-read"]);
    });

    it("passes the core's own modules and zod", async () => {
      const clean =
        'import { z } from "zod";\nimport { monthKey } from "../calendar";\nimport { rateResult } from "./rag";\nexport const probe = [z.string(), monthKey(0), rateResult];\n';
      assert.deepEqual(await errorsOf(clean, "src/core/rules/probe.ts"), []);
    });
  });

  describe("the core's own tsconfig (npm run typecheck:core)", () => {
    const probeFile = path.join(core, "architecture-probe.ts");
    const probe = [
      "export const title = document.title;",
      "export const env = process.env;",
      "export const bytes = Buffer.from([]);",
      "export type Cells = Excel.Range;",
      "",
    ].join("\n");
    let program: ts.Program;

    before(() => {
      const parsed = ts.getParsedCommandLineOfConfigFile(
        path.join(core, "tsconfig.json"),
        {},
        {
          ...ts.sys,
          onUnRecoverableConfigFileDiagnostic: (d) => {
            throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
          },
        },
      );
      if (!parsed) throw new Error("src/core/tsconfig.json could not be read");
      // The probe is compiled from memory beside the core's files, so nothing is written into src.
      const host = ts.createCompilerHost(parsed.options);
      const getSourceFile = host.getSourceFile.bind(host);
      host.getSourceFile = (file, language, ...rest) =>
        path.resolve(file) === probeFile ? ts.createSourceFile(file, probe, language) : getSourceFile(file, language, ...rest);
      const fileExists = host.fileExists.bind(host);
      host.fileExists = (file) => path.resolve(file) === probeFile || fileExists(file);
      program = ts.createProgram({ rootNames: [...parsed.fileNames, probeFile], options: parsed.options, host });
    });

    /** Type errors of the program, as "file: message", for the files `which` selects. */
    function errors(which: (file: string) => boolean): string[] {
      return ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file !== undefined && which(path.resolve(d.file.fileName)))
        .map((d) => `${path.relative(root, d.file?.fileName ?? "")}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    }

    it("compiles the core on its own, without DOM, Node or Office.js types", () => {
      assert.deepEqual(
        errors((file) => file !== probeFile),
        [],
      );
    });

    it("takes in the core and nothing else from the repository", () => {
      const own = program.getRootFileNames().filter((f) => path.resolve(f) !== probeFile);
      assert.ok(own.length > 40, `only ${own.length} files`);
      for (const file of own) assert.ok(path.resolve(file).startsWith(core + path.sep), file);
    });

    it("refuses document, process, Buffer and Excel in the core", () => {
      const found = errors((file) => file === probeFile).join("\n");
      for (const name of ["'document'", "'process'", "'Buffer'", "'Excel'"]) assert.ok(found.includes(name), `${name} compiled:\n${found}`);
    });
  });

  describe("one door per stage", () => {
    /** Every .ts file under a folder. */
    function filesUnder(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) return filesUnder(full);
        return name.endsWith(".ts") ? [full] : [];
      });
    }

    /** The files a source file imports from within the repository, resolved (a folder to its index.ts). */
    function importsOf(file: string): string[] {
      const text = readFileSync(file, "utf8");
      const specs = [...text.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gms)].map((m) => m[1] ?? "");
      return specs
        .filter((spec) => spec.startsWith("."))
        .map((spec) => {
          const target = path.resolve(path.dirname(file), spec);
          return existsSync(path.join(target, "index.ts")) ? path.join(target, "index.ts") : `${target}.ts`;
        });
    }

    /** The stage a file of src/core belongs to, or null for the root's nouns and pipeline.ts. */
    function stageOf(file: string): string | null {
      const [first, ...rest] = path.relative(core, file).split(path.sep);
      return rest.length > 0 && first !== undefined && (stages as readonly string[]).includes(first) ? first : null;
    }

    const sources = filesUnder(src);
    const name = (file: string): string => path.relative(root, file).split(path.sep).join("/");

    it("finds every import it checks", () => {
      for (const file of sources) for (const target of importsOf(file)) assert.ok(existsSync(target), `${name(file)} imports ${name(target)}`);
    });

    it("lets no stage import another stage: they meet only through the nouns at the root", () => {
      const crossings = sources.flatMap((file) => {
        const stage = stageOf(file);
        return stage === null
          ? []
          : importsOf(file)
              .filter((t) => stageOf(t) !== null && stageOf(t) !== stage)
              .map((t) => `${name(file)} → ${name(t)}`);
      });
      assert.deepEqual(crossings, []);
    });

    it("enters a stage from outside only by its index.ts", () => {
      const sideDoors = sources.flatMap((file) =>
        importsOf(file)
          .filter((t) => {
            const stage = stageOf(t);
            return stage !== null && stage !== stageOf(file) && t !== path.join(core, stage, "index.ts");
          })
          .map((t) => `${name(file)} → ${name(t)}`),
      );
      assert.deepEqual(sideDoors, []);
    });

    it("keeps the root's nouns free of the stages: only pipeline.ts imports them", () => {
      const upward = sources
        .filter((file) => path.dirname(file) === core && path.basename(file) !== "pipeline.ts")
        .flatMap((file) =>
          importsOf(file)
            .filter((t) => stageOf(t) !== null)
            .map((t) => `${name(file)} → ${name(t)}`),
        );
      assert.deepEqual(upward, []);
    });

    it("lets no layout block import another block: what they share lives in shared modules", () => {
      const layout = path.join(core, "layout");
      const index = readFileSync(path.join(layout, "index.ts"), "utf8");
      const blocks = [...index.matchAll(/import \{[^}]*\badd\w*(?:Block|Table)\b[^}]*\} from "\.\/([^"]+)"/g)].map((m) =>
        path.join(layout, `${m[1] ?? ""}.ts`),
      );
      assert.ok(blocks.length >= 8, `found only ${blocks.length} blocks`);
      const reaches = blocks.flatMap((block) =>
        importsOf(block)
          .filter((t) => blocks.includes(t))
          .map((t) => `${name(block)} → ${name(t)}`),
      );
      assert.deepEqual(reaches, []);
    });
  });
});
