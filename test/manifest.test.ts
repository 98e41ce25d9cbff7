import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";

// `office-addin-manifest validate` posts the file to a Microsoft service, so these checks are
// the offline part of it: the mistakes that stop Office loading an add-in at all.

const root = join(__dirname, "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");

/** A node of fast-xml-parser's preserveOrder output: { tagName: children[], ":@": attributes }. */
type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as OrderedNode[];

function tagOf(node: OrderedNode): string {
  return Object.keys(node).find((k) => k !== ":@") ?? "";
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  return (node[tagOf(node)] as OrderedNode[] | undefined) ?? [];
}

/** Every element below `nodes`, depth first, with its tag, attributes and text. */
function walk(nodes: OrderedNode[], out: { tag: string; attrs: Record<string, string>; text: string }[] = []) {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === "#text") continue;
    const kids = childrenOf(node);
    const text = kids
      .filter((k) => tagOf(k) === "#text")
      .map((k) => String(k["#text"]))
      .join("");
    out.push({ tag, attrs: node[":@"] ?? {}, text });
    walk(kids, out);
  }
  return out;
}

const officeApp = ordered.find((n) => tagOf(n) === "OfficeApp");
const elements = walk(ordered);

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    assert.equal(XMLValidator.validate(xml), true);
  });

  it("is a task pane add-in for Excel workbooks", () => {
    assert.ok(officeApp, "no OfficeApp root element");
    assert.equal(officeApp[":@"]?.["xsi:type"], "TaskPaneApp");
    const hosts = elements.filter((e) => e.tag === "Host" && e.attrs["Name"] !== undefined);
    assert.deepEqual(
      hosts.map((h) => h.attrs["Name"]),
      ["Workbook"],
    );
  });

  it("has the required top-level elements in the order the schema demands", () => {
    assert.ok(officeApp);
    const order = childrenOf(officeApp)
      .map(tagOf)
      .filter((t) => t !== "#text");
    const required = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    const positions = required.map((tag) => order.indexOf(tag));
    required.forEach((tag, i) => assert.notEqual(positions[i], -1, `${tag} is missing`));
    for (let i = 1; i < positions.length; i++) {
      assert.ok(positions[i]! > positions[i - 1]!, `${required[i]} must come after ${required[i - 1]}`);
    }
  });

  it("has a GUID as its Id", () => {
    const id = elements.find((e) => e.tag === "Id")?.text.trim() ?? "";
    assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  });

  it("shows the name KPI Dashboard and asks to read and write the document", () => {
    assert.equal(elements.find((e) => e.tag === "DisplayName")?.attrs["DefaultValue"], "KPI Dashboard");
    assert.equal(elements.find((e) => e.tag === "Permissions")?.text.trim(), "ReadWriteDocument");
  });

  it("requires ExcelApi 1.9", () => {
    const set = elements.find((e) => e.tag === "Set" && e.attrs["Name"] === "ExcelApi");
    assert.equal(set?.attrs["MinVersion"], "1.9");
  });

  it("defines every resource id it references", () => {
    const defined = new Set(elements.filter((e) => /^bt:(Image|Url|String)$/.test(e.tag) && e.attrs["id"]).map((e) => e.attrs["id"]));
    const referenced = elements.filter((e) => e.attrs["resid"] !== undefined).map((e) => e.attrs["resid"]!);
    assert.ok(referenced.length > 5, "expected the ribbon button to reference its resources");
    for (const id of referenced) assert.ok(defined.has(id), `resid "${id}" is not defined in Resources`);
  });

  it("puts a button on the Home tab that opens the task pane", () => {
    const tab = elements.find((e) => e.tag === "OfficeTab");
    assert.equal(tab?.attrs["id"], "TabHome");
    const action = elements.find((e) => e.tag === "Action");
    assert.equal(action?.attrs["xsi:type"], "ShowTaskpane");
  });

  it("serves every URL over https from one origin", () => {
    const urls = elements.flatMap((e) => [
      ...Object.entries(e.attrs)
        .filter(([name, value]) => !name.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
        .map(([, value]) => value),
      ...(/^[a-z]+:\/\//i.test(e.text.trim()) ? [e.text.trim()] : []),
    ]);
    assert.ok(urls.length >= 8, `expected the manifest's URLs, found ${urls.length}`);
    for (const url of urls) assert.match(url, /^https:\/\//, `${url} is not https`);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    assert.deepEqual([...origins], ["https://localhost:3000"]);
  });

  it("points at icon files that exist in assets/", () => {
    const icons = elements
      .flatMap((e) => Object.values(e.attrs))
      .filter((v) => /^https:\/\/.*\.png$/.test(v))
      .map((v) => new URL(v).pathname.replace(/^\//, ""));
    assert.ok(icons.length >= 4);
    for (const icon of new Set(icons)) {
      assert.match(icon, /^assets\/icon-\d+\.png$/);
      assert.ok(existsSync(join(root, icon)), `${icon} does not exist`);
    }
  });

  it("is rewritten to the public URL in the production build", function () {
    const built = join(root, "dist", "manifest.xml");
    if (!existsSync(built)) this.skip();
    const text = readFileSync(built, "utf8");
    assert.ok(!text.includes("localhost"), "dist/manifest.xml still points at localhost");
    assert.match(text, /<SourceLocation DefaultValue="https:\/\/[^"]+\/taskpane\.html"\/>/);
  });
});
