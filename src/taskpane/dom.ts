/**
 * The only way the pane creates elements. Text from the workbook (sheet names, headers,
 * messages) goes in as text nodes, never as markup, so a sheet called `<img onerror=…>` is
 * shown as those characters and runs nothing.
 */

/** An attribute value: a string or number is set, true sets it empty, false/null/undefined leave it out. */
export type AttrValue = string | number | boolean | null | undefined;

/** A child: an element, or text (shown as text, never parsed). */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with attributes and children. Event-handler attributes (`on…`) are refused:
 * behaviour is attached with addEventListener, so no attribute can ever carry code.
 * @example el("button", { type: "button", class: "primary" }, "Build dashboard")
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, AttrValue>> = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (/^on/i.test(name)) throw new Error(`el(): event attribute "${name}" is not allowed; use addEventListener`);
    if (value === false || value === null || value === undefined) continue;
    node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, ...children);
  return node;
}

/** Appends children to a node, text as text nodes. */
export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces everything inside a node with the given children. */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

let idCounter = 0;

/** A fresh id for pairing a label with its control. */
export function uniqueId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
