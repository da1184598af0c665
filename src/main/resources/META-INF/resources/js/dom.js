/** Small DOM helpers: every text goes in as a text node, so API data is never parsed as HTML. */

/** h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, [more]) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/**
 * Text with <mark>…</mark> highlights (as the search API returns them) as text nodes and mark elements;
 * any other markup stays literal text.
 */
export function highlighted(text) {
  return text.split(/(<mark>.*?<\/mark>)/s).filter(Boolean).map(part => {
    const marked = part.match(/^<mark>(.*)<\/mark>$/s);
    return marked ? h('mark', {}, marked[1]) : part;
  });
}

export function plural(n, one, many = one + 's') {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2025-09-15" as "Mon, Sep 15, 2025" (dates are calendar days, so formatted in UTC). */
export function formatDate(isoDate) {
  return new Date(isoDate).toLocaleDateString('en-US',
    { weekday: 'short', month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** An instant ("2026-12-02T14:16:49Z") as the day it was in the reader's time zone: "Wed, Dec 2, 2026". */
export function formatDay(instant) {
  return new Date(instant).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric',
    year: 'numeric' });
}
