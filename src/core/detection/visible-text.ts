/**
 * Text that disguises itself. A zero-width space (U+200B) after "CR01" makes a second reference
 * that looks the same as the first; a right-to-left override (U+202E) makes text show backwards,
 * so a name reads as something else on the dashboard; a leading tab or line break hides the start of a commentary, and in a
 * spreadsheet a leading tab or carriage return is a known way to slip "=HYPERLINK(...)" past a
 * check for formulas. Such characters are removed from what the dashboard shows, and each removal
 * is reported (with the cell), so nothing changes silently.
 */

/** Characters that take no space or reorder the text around them, with the names people know them by. */
const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x00ad, "soft hyphen"],
  [0x061c, "Arabic letter mark"],
  [0x180e, "Mongolian vowel separator"],
  [0x200b, "zero-width space"],
  [0x200c, "zero-width non-joiner"],
  [0x200d, "zero-width joiner"],
  [0x200e, "left-to-right mark"],
  [0x200f, "right-to-left mark"],
  [0x202a, "left-to-right embedding"],
  [0x202b, "right-to-left embedding"],
  [0x202c, "pop directional formatting"],
  [0x202d, "left-to-right override"],
  [0x202e, "right-to-left override"],
  [0x2060, "word joiner"],
  [0x2061, "invisible function application"],
  [0x2062, "invisible times"],
  [0x2063, "invisible separator"],
  [0x2064, "invisible plus"],
  [0x2066, "left-to-right isolate"],
  [0x2067, "right-to-left isolate"],
  [0x2068, "first strong isolate"],
  [0x2069, "pop directional isolate"],
  [0xfeff, "zero-width no-break space"],
]);

/** Any character above, or a control character other than tab, line feed and carriage return. */
// Control characters are what these patterns look for.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A tab, carriage return or line feed before the first visible character (spaces may come first). */
const LEADING_CONTROL = /^[ \u00a0]*[\t\r\n]/;
/** Whether a text may need any of this: one test, for the nearly all texts that do not. */
// eslint-disable-next-line no-control-regex
const QUICK = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Text as the dashboard shows it, and what was taken out of it (null when nothing was). */
export interface ShownText {
  readonly text: string;
  /** "a zero-width space (U+200B) and a leading tab", or null. */
  readonly removed: string | null;
}

function describe(code: number): string {
  const name = INVISIBLE_NAMES.get(code) ?? "control character";
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
}

/**
 * The text of a cell as the dashboard shows it: without invisible or direction-changing
 * characters, trimmed; `removed` says what was taken out beyond spaces. Text with none of them
 * (nearly all) is only trimmed, after one quick test.
 */
export function visibleText(raw: string): ShownText {
  if (!QUICK.test(raw)) return { text: raw.trim(), removed: null };
  const found: string[] = [];
  const leading = LEADING_CONTROL.exec(raw);
  if (leading) {
    const ch = leading[0].slice(-1);
    found.push(ch === "\t" ? "a leading tab" : ch === "\r" ? "a leading carriage return" : "a leading line break");
  }
  const kinds = new Set<number>();
  for (const m of raw.matchAll(INVISIBLE)) kinds.add(m[0].charCodeAt(0));
  for (const code of kinds) found.push(`a ${describe(code)}`);
  const text = raw.replace(INVISIBLE, "").trim();
  return { text, removed: found.length > 0 ? found.join(", ") : null };
}
