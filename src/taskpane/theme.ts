/**
 * Follows the Office theme where the host tells us it (Office.context.officeTheme); otherwise
 * the system's light or dark setting. Either way the choice lands in the root's data-theme.
 */

/** The theme colours Office reports, as far as the pane uses them. */
export interface OfficeThemeColours {
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
  readonly controlBackgroundColor?: string;
  readonly controlForegroundColor?: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
export function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Applies Office's theme to the page through CSS variables, and marks the page dark when the
 * body background is dark so the stylesheet picks readable RAG colours. Colours that are not
 * plain #rrggbb are ignored, so nothing but a colour reaches the stylesheet.
 */
export function applyOfficeTheme(root: HTMLElement, theme: OfficeThemeColours | undefined | null): boolean {
  if (!theme) return false;
  const pairs: [string, string | undefined][] = [
    ["--body-bg", theme.bodyBackgroundColor],
    ["--body-fg", theme.bodyForegroundColor],
    ["--control-bg", theme.controlBackgroundColor],
    ["--control-fg", theme.controlForegroundColor],
  ];
  let applied = false;
  for (const [name, value] of pairs) {
    if (value && HEX.test(value)) {
      root.style.setProperty(name, value);
      applied = true;
    }
  }
  const bg = theme.bodyBackgroundColor;
  if (bg && HEX.test(bg)) root.dataset["theme"] = luminance(bg) < 0.2 ? "dark" : "light";
  return applied;
}

/**
 * Follows the system's light or dark setting, and its changes, through data-theme: used when
 * Office reports no theme, so the stylesheet needs only one dark palette.
 */
export function followSystemTheme(root: HTMLElement, media: Pick<MediaQueryList, "matches" | "addEventListener">): void {
  const apply = (dark: boolean): void => {
    root.dataset["theme"] = dark ? "dark" : "light";
  };
  apply(media.matches);
  media.addEventListener("change", (event) => apply(event.matches));
}

/** The theme Office reports, if this host reports one. */
export function officeTheme(): OfficeThemeColours | null {
  try {
    return (typeof Office !== "undefined" && (Office.context?.officeTheme as OfficeThemeColours | undefined)) || null;
  } catch {
    // Some hosts throw when the theme is read outside a supported client.
    return null;
  }
}
