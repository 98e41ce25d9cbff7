/**
 * Remembering the answers of pure functions of short texts. Number formats and period labels
 * come from a small vocabulary per workbook but are looked at for every cell, so answering each
 * distinct text once keeps reading a large sheet cheap. The memory is capped: when it is full it
 * starts again, so a long-lived task pane never grows without limit.
 */

/** The largest number of distinct texts a memo keeps before it starts again. */
export const MEMO_LIMIT = 2048;

/** Wraps a pure function of one text so that each distinct text is worked out once (up to `limit` texts at a time). */
export function memoiseText<T>(fn: (text: string) => T, limit = MEMO_LIMIT): (text: string) => T {
  const answers = new Map<string, T>();
  return (text: string): T => {
    const known = answers.get(text);
    if (known !== undefined || answers.has(text)) return known as T;
    const answer = fn(text);
    if (answers.size >= limit) answers.clear();
    answers.set(text, answer);
    return answer;
  };
}
