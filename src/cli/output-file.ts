import { randomBytes } from "node:crypto";
import { promises as fs, unlinkSync } from "node:fs";
import path from "node:path";

/**
 * Writing the command line's output files safely: never over the input, whatever name the input
 * goes by (a symbolic or hard link, a relative path), and never half-written. The new file is
 * written beside the target under a temporary name and renamed into place only once complete;
 * a rename is atomic on one file system, so a run that is interrupted or fails leaves the old
 * file (or none) and never a damaged one. Renaming also replaces a link at the target rather
 * than writing through it, so even a hard link to the input could not change the input's bytes.
 */

/** Temporary files being written, removed if the process is told to stop (see `removePendingFiles`). */
const pending = new Set<string>();

/** True when two paths name one file: the same real path, or the same device and inode (a hard link). False when either does not exist. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [realA, realB] = await Promise.all([fs.realpath(a).catch(() => null), fs.realpath(b).catch(() => null)]);
  if (realA === null || realB === null) return false;
  if (realA === realB) return true;
  const [statA, statB] = await Promise.all([fs.stat(realA, { bigint: true }).catch(() => null), fs.stat(realB, { bigint: true }).catch(() => null)]);
  return statA !== null && statB !== null && statA.dev === statB.dev && statA.ino === statB.ino;
}

/**
 * Writes `target` through a temporary file beside it: `write` writes the temporary file, which is
 * then renamed over the target. When `write` (or the rename) fails, the temporary file is removed
 * and the target is as it was; the error is passed on.
 */
export async function writeFileAtomically(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  pending.add(temporary);
  try {
    await write(temporary);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  } finally {
    pending.delete(temporary);
  }
}

/** Removes the temporary files still being written; for a process told to stop (Ctrl+C), before it exits. */
export function removePendingFiles(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Not written yet, or already gone.
    }
  }
  pending.clear();
}
