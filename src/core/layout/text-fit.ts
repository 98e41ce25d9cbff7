/**
 * Estimates how many lines wrapped text takes in a column, so rows can be given heights that
 * show everything (Excel does not grow rows for wrapped text written by a program, and
 * LibreOffice's PDF export keeps the height it is given).
 */

/** Height in points of one line of 10pt Arial, with the cell's padding included once per row. */
export const lineHeight = 12.75;

/** Default height in points of a one-line row. */
export const defaultRowHeight = 15;

/**
 * Lines needed to show `text` word-wrapped in a column `width` characters wide. The width unit is
 * a digit's width (7px in 10pt Arial); prose averages about 6px a character (measured on
 * LibreOffice's rendering), and Excel a little less, so 6px is used.
 */
export function wrappedLines(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor((width * 7 - 2) / 6.0));
  // Most cells (a reference, a figure, an alert) fit on one line: say so without looking further.
  if (text.length <= perLine && !text.includes("\n")) return 1;
  let lines = 1;
  let current = 0;
  /** Places a piece of `length` characters on the current line or a new one. */
  const place = (length: number): void => {
    const needed = current === 0 ? length : current + 1 + length;
    if (needed <= perLine) {
      current = needed;
    } else {
      lines += 1;
      current = length;
    }
  };
  // One pass over the characters: words are runs of non-space, a line feed starts a paragraph.
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (!isSpace(code)) {
      word++;
      continue;
    }
    if (word > 0) {
      // A word longer than a line breaks across lines, as Excel does.
      while (word > perLine) {
        place(perLine);
        word -= perLine;
      }
      place(word);
      word = 0;
    }
    if (code === 10 && i < text.length) {
      lines += 1;
      current = 0;
    }
  }
  return lines;
}

/** True for the characters a regular expression's \s matches (word separators). */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Row height in points for a row whose tallest wrapped cell needs `lines` lines. */
export function heightForLines(lines: number): number {
  return Math.max(defaultRowHeight, Math.ceil(lines * lineHeight * 4) / 4);
}

/**
 * Breaks text into lines of at most `maxChars` characters at spaces (a longer word is cut), for
 * notes written one line to a row: a cell's text can run over the empty cells beside it but only
 * wraps within its own column, and merging cells to widen it is what the accessibility checker
 * forbids. Lines after the first start with `indent`.
 */
export function breakLines(text: string, maxChars: number, indent = ""): string[] {
  const width = Math.max(1, maxChars - indent.length);
  const cut = new RegExp(`.{1,${width}}`, "g");
  const words = text
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => (w.length <= width ? [w] : (w.match(cut) ?? [w])));
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current === "") current = `${lines.length > 0 ? indent : ""}${word}`;
    else if (current.length + 1 + word.length <= maxChars) current = `${current} ${word}`;
    else {
      lines.push(current);
      current = `${indent}${word}`;
    }
  }
  if (current !== "" || lines.length === 0) lines.push(current);
  return lines;
}

/** Characters of prose that fit in a width of `width` characters (Excel's unit: a digit, 7px): prose averages 6.3px a character in 10pt Arial, with a margin for Excel's wider rendering. */
export function proseCharsFor(width: number): number {
  return Math.floor((width * 7) / 6.3);
}
