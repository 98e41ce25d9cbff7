import { strict as assert } from "node:assert";
import { defaultSettings, parseSettings } from "../../src/core/settings";

describe("parseSettings", () => {
  describe("the dashboard sheet's name", () => {
    for (const name of ["Q1: results", "a/b", "a\\b", "[Draft]", "Why?", "All*", "'quoted", "quoted'", "History", "history", "x".repeat(32), " "]) {
      it(`refuses ${JSON.stringify(name)}, a name Excel refuses, with a message saying why`, () => {
        const r = parseSettings({ dashboardSheet: name });
        assert.equal(r.ok, false);
        if (!r.ok) assert.match(r.message, /dashboardSheet/);
      });
    }

    for (const name of ["Dashboard", "Performance – Q3 2012-13", "Customer's dashboard", "x".repeat(31)]) {
      it(`accepts ${JSON.stringify(name)}`, () => {
        const r = parseSettings({ dashboardSheet: name });
        assert.equal(r.ok, true);
      });
    }
  });

  it("keeps fields it does not know, at the top and among the rules, so a newer version's settings survive", () => {
    const r = parseSettings({ ...defaultSettings(), futureOption: [1, 2], rules: { futureRule: "x" } });
    assert.equal(r.ok, true);
    if (!r.ok) return;
    const json = JSON.parse(JSON.stringify(r.settings)) as Record<string, unknown>;
    assert.deepEqual(json["futureOption"], [1, 2]);
    assert.equal((json["rules"] as Record<string, unknown>)["futureRule"], "x");
    assert.equal(r.settings.rules.atTarget, "GREEN", "known fields still get their defaults");
  });
});

describe("the rule settings councils differ on", () => {
  it("defaults every new setting to today's behaviour, with the commentary list on", () => {
    const rules = defaultSettings().rules as Record<string, unknown>;
    assert.deepEqual(rules["monitorOnly"], []);
    assert.equal(rules["exceeded"], null);
    assert.equal(rules["trendAlerts"], null);
    assert.equal(rules["dotBoth"], false);
    assert.equal(rules["ytdMinMonths"], 1);
    assert.equal(rules["comparatorAsTarget"], false);
    assert.equal(rules["zeroTargetBand"], null);
    assert.equal(rules["listMissingCommentary"], true);
  });

  it("accepts each new setting and the lastYear direction of travel, and refuses nonsense", () => {
    const ok = parseSettings({
      rules: {
        dotMethod: "lastYear",
        trendAlerts: "previous",
        exceeded: { kind: "percent", value: 0.1 },
        ytdMinMonths: 4,
        monitorOnly: ["CS05"],
        zeroTargetBand: { kind: "absolute", value: 0.02 },
      },
    });
    assert.equal(ok.ok, true);
    assert.equal(parseSettings({ rules: { trendAlerts: "sometimes" } }).ok, false);
    assert.equal(parseSettings({ rules: { ytdMinMonths: 13 } }).ok, false);
  });
});
