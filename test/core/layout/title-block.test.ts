import assert from "node:assert/strict";
import { defaultSettings } from "../../../src/core/settings";
import { addTitleBlock, dashboardHeading } from "../../../src/core/layout/title-block";
import { newBuilder } from "./plan-helpers";
import { sampleDashboard, sampleSettings } from "./sample-dashboard";

describe("title block", () => {
  it("heads the sheet with the directorate, then Performance Dashboard, the coverage and the date produced in words", () => {
    const b = newBuilder();
    const last = addTitleBlock(b, sampleDashboard(), sampleSettings());
    assert.equal(last, 4);
    assert.deepEqual(
      b.values().map((r) => r[0]),
      [
        "Customer & Communities",
        "Performance Dashboard",
        "Results up to the end of December 2012 and, where available, January 2013",
        "Produced 14 February 2013",
      ],
    );
    // Centred across the sheet's width, with nothing merged.
    for (let r = 1; r <= 4; r++) assert.ok(b.styles.some((s) => s.range === `A${r}:N${r}` && s.style.hAlign === "centerAcross"));
    assert.equal(b.numberFormats()[0]?.[0], "@");
  });

  it("uses the workbook title when there is no directorate, without repeating Performance Dashboard", () => {
    assert.equal(dashboardHeading({ directorate: "", title: "Customer Services" }), "Customer Services");
    const b = newBuilder();
    const last = addTitleBlock(b, sampleDashboard(), defaultSettings());
    assert.equal(last, 3);
    assert.equal(b.values()[0]?.[0], "Performance Dashboard");
    assert.notEqual(b.values()[1]?.[0], "Performance Dashboard");
  });
});
