/**
 * What queued calls add to the request `context.sync()` sends, for the writer's budget (Excel on
 * the web refuses a request over 5 MB). The client serializes every object it creates as an
 * object path plus an action that instantiates it, every range also keeps a reference (two more
 * actions), and every property set or method call is an action of its own; the payload is the
 * JSON of all of these. So the size of a request follows from how many ranges, other objects and
 * actions it holds, plus the text of its arguments.
 *
 * The figures are upper bounds of what Microsoft's office.js client (@microsoft/office-js
 * 1.1.110) writes, measured through it: test/excel/request-size.test.ts checks, for every kind of
 * call the writer makes, that the estimate is never below the real serialized bytes and not far
 * above them.
 */

/** Bytes every request starts with: its own framing and the path to the workbook and worksheet, which each request repeats. */
export const requestBaseBytes = 1000;
/** Bytes per range created (its path, its instantiation, and the reference the client keeps). */
export const rangeBytes = 340;
/** Bytes per other object reached (a navigation such as `format.fill`, or an object a method returns). */
export const objectBytes = 130;
/** Bytes per action (a property set or a method call), before its arguments. */
export const actionBytes = 150;

/**
 * The client splits a values, numberFormat or formulas array of more than this many cells into row
 * chunks (its setRangePropertiesInBulk), each a range of its own made from two more.
 */
export const bulkChunkCells = 1500;

/** Estimated request bytes of calls that create `ranges` ranges, reach `objects` other objects and make `actions` actions with `text` bytes of arguments. */
export function requestCost(ranges: number, objects: number, actions: number, text = 0): number {
  return ranges * rangeBytes + objects * objectBytes + actions * actionBytes + text;
}

/** Estimated request bytes of assigning a rows × cols array whose JSON is `jsonBytes` long. */
export function bulkSetCost(rows: number, cols: number, jsonBytes: number): number {
  const cells = rows * cols;
  if (cells <= bulkChunkCells) return requestCost(0, 0, 1, jsonBytes);
  const chunkRows = Math.max(1, Math.round(bulkChunkCells / Math.max(1, cols)));
  const chunks = Math.ceil(rows / chunkRows);
  // One size check, then per chunk the two row ranges, their bounding range and the set itself.
  return requestCost(3 * chunks, 0, 1 + chunks, jsonBytes);
}
