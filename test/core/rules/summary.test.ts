import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { summarise } from "../../../src/core/rules/summary";
import { result } from "./indicator-builder";

describe("summarise", () => {
  const results = [
    result({ serviceArea: "Libraries", rag: "GREEN" }),
    result({ serviceArea: "Community Safety", rag: "RED" }),
    result({ serviceArea: "Libraries", rag: "AMBER" }),
    result({ serviceArea: "Libraries", kind: "activity", rag: null, position: "BELOW" }),
    result({ serviceArea: null, rag: "NO_DATA" }),
    result({ serviceArea: "Community Safety", rag: "NO_TARGET" }),
    result({ serviceArea: "Libraries", rag: null, excluded: "Replaced by a new indicator" }),
  ];

  it("counts alerts overall, activities apart, leaving out excluded indicators", () => {
    assert.deepEqual(summarise(results).total, { GREEN: 1, AMBER: 1, RED: 1, NO_DATA: 1, NO_TARGET: 1, MONITOR: 0, EXCEEDED: 0, activity: 1, total: 6 });
  });

  it("counts by service area in order of first appearance, with Other for none", () => {
    const areas = summarise(results).byServiceArea;
    assert.deepEqual(
      areas.map((a) => a.serviceArea),
      ["Libraries", "Community Safety", "Other"],
    );
    assert.deepEqual(areas[0]?.counts, { GREEN: 1, AMBER: 1, RED: 0, NO_DATA: 0, NO_TARGET: 0, MONITOR: 0, EXCEEDED: 0, activity: 1, total: 3 });
    assert.deepEqual(areas[1]?.counts, { GREEN: 0, AMBER: 0, RED: 1, NO_DATA: 0, NO_TARGET: 1, MONITOR: 0, EXCEEDED: 0, activity: 0, total: 2 });
  });
});

describe("summarise with the statuses councils add", () => {
  it("counts MONITOR and EXCEEDED apart from the other alerts, within the total", () => {
    const total = summarise([result({ rag: "EXCEEDED" }), result({ rag: "MONITOR" }), result({ rag: "MONITOR" }), result({ rag: "GREEN" })]).total;
    assert.equal(total.EXCEEDED, 1);
    assert.equal(total.MONITOR, 2);
    assert.equal(total.GREEN, 1);
    assert.equal(total.total, 4);
  });
});
