import { strict as assert } from "node:assert";
import { applyOfficeTheme, followSystemTheme, luminance } from "../../src/taskpane/theme";

/** Just enough of an element for applyOfficeTheme: CSS variables and data attributes. */
function fakeRoot() {
  const properties = new Map<string, string>();
  const root = {
    style: { setProperty: (name: string, value: string) => properties.set(name, value) },
    dataset: {} as Record<string, string>,
  };
  return { root: root as unknown as HTMLElement, properties, dataset: root.dataset };
}

describe("luminance", () => {
  it("is 0 for black and 1 for white", () => {
    assert.equal(luminance("#000000"), 0);
    assert.equal(luminance("#ffffff"), 1);
  });

  it("weights green most, as the eye does", () => {
    assert.ok(luminance("#00ff00") > luminance("#ff0000"));
    assert.ok(luminance("#ff0000") > luminance("#0000ff"));
  });
});

describe("applyOfficeTheme", () => {
  it("sets the pane's colours from Office's theme and marks a dark body as dark", () => {
    const { root, properties, dataset } = fakeRoot();
    const applied = applyOfficeTheme(root, {
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#ffffff",
      controlBackgroundColor: "#333333",
      controlForegroundColor: "#f0f0f0",
    });
    assert.equal(applied, true);
    assert.equal(properties.get("--body-bg"), "#262626");
    assert.equal(properties.get("--control-fg"), "#f0f0f0");
    assert.equal(dataset["theme"], "dark");
  });

  it("marks a white body as light", () => {
    const { root, dataset } = fakeRoot();
    applyOfficeTheme(root, { bodyBackgroundColor: "#FFFFFF" });
    assert.equal(dataset["theme"], "light");
  });

  it("ignores anything that is not a #rrggbb colour, so only colours reach the stylesheet", () => {
    const { root, properties, dataset } = fakeRoot();
    const applied = applyOfficeTheme(root, { bodyBackgroundColor: "red; background: url(x)", bodyForegroundColor: "#fff" });
    assert.equal(applied, false);
    assert.equal(properties.size, 0);
    assert.equal(dataset["theme"], undefined);
  });

  it("leaves the page to the system's setting when the host reports no theme", () => {
    const { root, properties, dataset } = fakeRoot();
    assert.equal(applyOfficeTheme(root, null), false);
    assert.equal(properties.size, 0);
    assert.equal(dataset["theme"], undefined);
  });
});

describe("followSystemTheme", () => {
  it("marks the page dark or light as the system is, and follows a change", () => {
    const { root, dataset } = fakeRoot();
    let onChange: ((event: { matches: boolean }) => void) | null = null;
    const media = {
      matches: true,
      addEventListener: (_type: string, listener: (event: { matches: boolean }) => void) => {
        onChange = listener;
      },
    } as unknown as MediaQueryList;
    followSystemTheme(root, media);
    assert.equal(dataset["theme"], "dark");
    (onChange as ((event: { matches: boolean }) => void) | null)?.({ matches: false });
    assert.equal(dataset["theme"], "light");
  });
});
