import type { IndicatorResult } from "../core/dashboard";
import { periodAxisTitle, valueAxisTitle } from "../core/layout";
import { formatValue } from "../core/rules";

/**
 * An indicator's trend chart drawn as SVG, for the cover report: the same chart the sheet has
 * (results as a dark blue line with markers, the target as a dashed grey line, the periods
 * along the bottom, both axes titled), made from the dashboard's trend alone, with no Excel. SVG
 * because it is plain text a pure function can write; each host turns it into the PNG that Word
 * needs beside it (the command line with resvg, the task pane with the browser's canvas).
 */

/** Size of the drawing in pixels (at 96 to the inch: 16 × 8 cm). */
export const chartSize = { width: 605, height: 302 } as const;

const colours = { actual: "#1F3864", target: "#7F7F7F", grid: "#D9D9D9", text: "#262626", axis: "#595959" } as const;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Round steps for a value axis over [low, high]: about five, at 1, 2 or 5 × a power of ten. */
export function axisSteps(low: number, high: number): number[] {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const raw = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const first = Math.floor(low / step + 1e-9) * step;
  const count = Math.max(1, Math.ceil((high - first) / step - 1e-9));
  // Rounded to 12 significant digits, so 0.7 is 0.7 and not 0.7000000000000001.
  const steps = Array.from({ length: count + 1 }, (_, k) => Number((first + k * step).toPrecision(12)));
  return steps;
}

/** The trend chart of one indicator as an SVG document. */
export function trendChartSvg(indicator: Pick<IndicatorResult, "ref" | "name" | "unit" | "frequency" | "trend">): string {
  const { width, height } = chartSize;
  const plot = { left: 78, right: width - 16, top: 40, bottom: height - 62 };
  const points = indicator.trend;
  const figures = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  const steps = axisSteps(Math.min(...figures), Math.max(...figures));
  const low = steps[0] ?? 0;
  const high = steps[steps.length - 1] ?? 1;
  const x = (i: number): number => plot.left + ((i + 0.5) * (plot.right - plot.left)) / Math.max(1, points.length);
  const y = (v: number): number => plot.bottom - ((v - low) / (high - low || 1)) * (plot.bottom - plot.top);
  const title = [indicator.ref?.trim(), indicator.name.trim()].filter((t) => t).join(" ");
  const shortTitle = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  const font = 'font-family="Arial, Liberation Sans, Helvetica, sans-serif"';
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" ${font} font-size="14" font-weight="bold" fill="${colours.text}">${escape(shortTitle)}</text>`,
  ];
  for (const v of steps) {
    parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${colours.grid}" stroke-width="1"/>`);
    parts.push(
      `<text x="${plot.left - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end" ${font} font-size="11" fill="${colours.axis}">${escape(formatValue(v, indicator.unit))}</text>`,
    );
  }
  parts.push(`<line x1="${plot.left}" x2="${plot.right}" y1="${plot.bottom}" y2="${plot.bottom}" stroke="${colours.axis}" stroke-width="1"/>`);
  // Every label when they fit, else every second or third.
  const every = Math.max(1, Math.ceil(points.length / 9));
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    parts.push(
      `<text x="${x(i).toFixed(1)}" y="${plot.bottom + 16}" text-anchor="middle" ${font} font-size="10" fill="${colours.axis}">${escape(p.label)}</text>`,
    );
  });
  parts.push(
    `<text x="${(plot.left + plot.right) / 2}" y="${height - 14}" text-anchor="middle" ${font} font-size="11" font-weight="bold" fill="${colours.text}">${escape(periodAxisTitle(indicator.frequency))}</text>`,
  );
  parts.push(
    `<text transform="translate(16 ${(plot.top + plot.bottom) / 2}) rotate(-90)" text-anchor="middle" ${font} font-size="11" font-weight="bold" fill="${colours.text}">${escape(valueAxisTitle(indicator.unit))}</text>`,
  );
  /** A line through the points that have a value, broken where one is missing. */
  const path = (pick: (p: (typeof points)[number]) => number | null): string => {
    let d = "";
    let pen = false;
    points.forEach((p, i) => {
      const v = pick(p);
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
      pen = true;
    });
    return d.trim();
  };
  const target = path((p) => p.target);
  if (target) parts.push(`<path d="${target}" fill="none" stroke="${colours.target}" stroke-width="2" stroke-dasharray="7 5"/>`);
  const actual = path((p) => p.actual);
  if (actual) parts.push(`<path d="${actual}" fill="none" stroke="${colours.actual}" stroke-width="2.5"/>`);
  points.forEach((p, i) => {
    if (p.actual !== null) parts.push(`<circle cx="${x(i).toFixed(1)}" cy="${y(p.actual).toFixed(1)}" r="4" fill="${colours.actual}"/>`);
  });
  parts.push("</svg>");
  return parts.join("");
}
