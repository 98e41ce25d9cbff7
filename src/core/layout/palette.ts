/**
 * The dashboard's colours. Alert fills differ in lightness as well as hue, and each alert's text
 * colour keeps WCAG AA contrast on its fill, so the alert reads for colour-blind members and on a
 * black-and-white print (where the word itself carries the meaning).
 */

/** Fill and text colour for one alert. */
export interface AlertColours {
  readonly fill: string;
  readonly text: string;
}

/**
 * Alert colours: amber lightest, green, then red in greyscale, and EXCEEDED (the blue some councils
 * add for a target beaten by far) darkest of all. MONITOR, NO DATA and NO TARGET have no colour:
 * their words say what they are.
 */
export const alertColours = {
  GREEN: { fill: "#B7E1C0", text: "#005A00" },
  AMBER: { fill: "#FFEB9C", text: "#6B5000" },
  RED: { fill: "#F8B4BC", text: "#8C0005" },
  EXCEEDED: { fill: "#5B9BD5", text: "#000000" },
} as const satisfies Record<"GREEN" | "AMBER" | "RED" | "EXCEEDED", AlertColours>;

/** The sheet's other colours. */
export const palette = {
  /** Dark blue used for headings and the tab: prints as near-black. */
  heading: "#1F3864",
  headerFill: "#1F3864",
  headerText: "#FFFFFF",
  sectionText: "#1F3864",
  subtleText: "#595959",
  border: "#A6A6A6",
  bandFill: "#F2F2F2",
  noDataText: "#595959",
} as const;

/** Relative luminance of an "#RRGGBB" colour (WCAG 2.x). */
export function relativeLuminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return 0;
  const channel = (h: string | undefined): number => {
    const c = parseInt(h ?? "0", 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(m[1]) + 0.7152 * channel(m[2]) + 0.0722 * channel(m[3]);
}

/** WCAG contrast ratio between two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
