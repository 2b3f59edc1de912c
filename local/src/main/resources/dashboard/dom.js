// Building DOM safely: every piece of data becomes a text node (textContent), never markup.

/**
 * Creates an element. props: {class, text, attrs: {name: value}, dataset: {key: value}, on: {event: fn}}.
 * Children are nodes or strings (strings become text nodes).
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.text !== undefined && props.text !== null) node.textContent = String(props.text);
  for (const [name, value] of Object.entries(props.attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (/^on/i.test(name) || name.toLowerCase() === 'style') throw new Error(`refusing to set ${name} as an attribute`);
    node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const [key, value] of Object.entries(props.dataset || {})) node.dataset[key] = String(value);
  for (const [event, fn] of Object.entries(props.on || {})) node.addEventListener(event, fn);
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Removes every child of a node. */
export function clear(node) {
  node.replaceChildren();
  return node;
}

/** Shows a message in an element that is hidden while it has nothing to say. */
export function say(node, message) {
  node.textContent = message || '';
  node.hidden = !message;
}

/** Only http(s) URLs may become a link target: anything else (javascript:, data:) stays text. */
export function safeHttpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const numberFormat = new Intl.NumberFormat();
export function formatCount(n) {
  return Number.isFinite(n) ? numberFormat.format(n) : '—';
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export function formatTime(ms) {
  return timeFormat.format(new Date(ms));
}

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
export function formatAgo(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return '';
  const seconds = Math.round((then - now) / 1000);
  const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}
