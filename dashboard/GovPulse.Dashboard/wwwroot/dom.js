// Builds DOM from data without innerHTML, so a unit or procedure name can never become markup.

/**
 * h("a", { href: "#/", class: "x", dataset: { testid: "y" } }, "text", child)
 * Attributes: class, dataset, style, on<Event> handlers, hidden/disabled booleans, anything else as an attribute.
 * A style goes through the CSSOM, not the style attribute, which the page's Content-Security-Policy refuses.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "dataset") Object.assign(el.dataset, value);
      else if (name === "class") el.className = value;
      else if (name === "style") el.style.cssText = String(value);
      else if (name.startsWith("on") && typeof value === "function") el.addEventListener(name.slice(2).toLowerCase(), value);
      else if (value === true) el.setAttribute(name, "");
      else el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : String(child));
  }
}

/** Sets an element's text, and flashes it when a live update changed it. */
export function setText(el, text, flash = false) {
  if (!el || el.textContent === text) return;
  el.textContent = text;
  if (flash) {
    el.classList.remove("flash");
    void el.offsetWidth;
    el.classList.add("flash");
  }
}

export function clear(el) {
  el.replaceChildren();
}
