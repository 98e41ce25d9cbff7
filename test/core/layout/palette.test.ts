import assert from "node:assert/strict";
import { alertColours, contrastRatio, relativeLuminance } from "../../../src/core/layout/palette";

describe("palette", () => {
  it("computes WCAG contrast: black on white is 21 and a colour on itself is 1", () => {
    assert.equal(Math.round(contrastRatio("#000000", "#FFFFFF") * 100) / 100, 21);
    assert.equal(contrastRatio("#C6EFCE", "#C6EFCE"), 1);
    // Mid grey #777777 on white is the well-known borderline case, 4.48.
    assert.ok(Math.abs(contrastRatio("#777777", "#FFFFFF") - 4.48) < 0.01);
  });

  for (const rag of ["GREEN", "AMBER", "RED"] as const) {
    it(`gives ${rag} text at least WCAG AA contrast (4.5) on its fill`, () => {
      const { fill, text } = alertColours[rag];
      assert.ok(contrastRatio(fill, text) >= 4.5, `${rag}: ${contrastRatio(fill, text).toFixed(2)}`);
    });
  }

  it("keeps the three alert fills apart in greyscale (amber lightest, red darkest)", () => {
    const amber = relativeLuminance(alertColours.AMBER.fill);
    const green = relativeLuminance(alertColours.GREEN.fill);
    const red = relativeLuminance(alertColours.RED.fill);
    assert.ok(amber - green >= 0.1, `amber ${amber} vs green ${green}`);
    assert.ok(green - red >= 0.1, `green ${green} vs red ${red}`);
  });
});

describe("palette for EXCEEDED", () => {
  it("gives EXCEEDED its own colour whose text has WCAG AA contrast (4.5) on its fill", () => {
    const colours = (alertColours as Record<string, { fill: string; text: string } | undefined>)["EXCEEDED"];
    assert.ok(colours, "EXCEEDED has colours");
    assert.ok(contrastRatio(colours.fill, colours.text) >= 4.5, `${contrastRatio(colours.fill, colours.text).toFixed(2)}`);
  });

  it("keeps EXCEEDED apart from GREEN, AMBER and RED in greyscale", () => {
    const colours = (alertColours as Record<string, { fill: string; text: string } | undefined>)["EXCEEDED"];
    const exceeded = relativeLuminance(colours?.fill ?? "#FFFFFF");
    for (const rag of ["GREEN", "AMBER", "RED"] as const) {
      const other = relativeLuminance(alertColours[rag].fill);
      assert.ok(Math.abs(exceeded - other) >= 0.1, `EXCEEDED ${exceeded.toFixed(3)} vs ${rag} ${other.toFixed(3)}`);
    }
  });
});
