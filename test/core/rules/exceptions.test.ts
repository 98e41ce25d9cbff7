import { strict as assert } from "node:assert";
import { describe, it } from "mocha";
import { listExceptions } from "../../../src/core/rules/exceptions";
import { month, result } from "./indicator-builder";

const before = (rag: "GREEN" | "AMBER" | "RED") => ({ period: month("2012-11"), actual: 0.5, rag });

describe("listExceptions", () => {
  it("lists every red, saying when it moved from amber", () => {
    const out = listExceptions([
      result({ id: "a", rag: "RED", reason: "12.0 percentage points below the floor standard of 70.0%", previous: before("AMBER") }),
      result({ id: "b", rag: "RED", reason: "5 above the floor standard of 150", previous: before("RED") }),
    ]);
    assert.deepEqual(
      out.map((e) => [e.id, e.kind, e.reason]),
      [
        ["a", "red", "Moved from Amber to Red: 12.0 percentage points below the floor standard of 70.0%"],
        ["b", "red", "5 above the floor standard of 150"],
      ],
    );
  });

  it("lists an alert that got worse, but not one that improved or stayed", () => {
    const out = listExceptions([
      result({ id: "down", rag: "AMBER", reason: "r", previous: before("GREEN") }),
      result({ id: "up", rag: "GREEN", reason: "r", previous: before("AMBER") }),
      result({ id: "same", rag: "AMBER", reason: "r", previous: before("AMBER") }),
    ]);
    assert.deepEqual(
      out.map((e) => [e.id, e.kind, e.reason]),
      [["down", "worsened", "Moved from Green to Amber: r"]],
    );
  });

  it("lists activities outside their range, and not excluded or stale indicators", () => {
    const out = listExceptions([
      result({ id: "low", kind: "activity", rag: null, position: "BELOW", reason: "under" }),
      result({ id: "ok", kind: "activity", rag: null, position: "WITHIN", reason: "fine" }),
      result({ id: "gone", rag: null, excluded: "not included" }),
      result({ id: "old", rag: "NO_DATA", stale: true, previous: before("GREEN") }),
    ]);
    assert.deepEqual(
      out.map((e) => [e.id, e.kind]),
      [["low", "outside-range"]],
    );
  });
});
