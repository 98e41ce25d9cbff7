import { buildUsage, parseBuildArgs, runBuild, UsageError } from "./build-command";
import { removePendingFiles } from "./output-file";
import { WorkbookReadError } from "./xlsx-reader";

/**
 * The command line's entry point: `kpi-dashboard build ...`. A thin shell over build-command.ts
 * that turns every failure into one line on stderr and an exit code.
 */

const usage = `kpi-dashboard: turn a council's indicator worksheets into a RAG-rated Performance Dashboard.\n${buildUsage}\n`;

function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Runs the command line with its arguments (without "node" and the script) and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(usage);
    return command === undefined ? 2 : 0;
  }
  if (command !== "build") {
    process.stderr.write(`kpi-dashboard: unknown command "${command}". ${buildUsage}\n`);
    return 2;
  }
  try {
    const options = parseBuildArgs(rest);
    return await runBuild(options, {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      today: today(),
      now: new Date().toISOString(),
    });
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookReadError) {
      process.stderr.write(`kpi-dashboard: ${error.message}\n`);
      return 2;
    }
    // Not the user's fault: still one line, so the message is not lost in a trace.
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`kpi-dashboard: unexpected error: ${message}\n`);
    return 1;
  }
}

// Stopped with Ctrl+C (or killed politely): leave no half-written temporary file beside the output.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    removePendingFiles();
    process.stderr.write(`kpi-dashboard: stopped (${signal}); nothing was written.\n`);
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`kpi-dashboard: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
