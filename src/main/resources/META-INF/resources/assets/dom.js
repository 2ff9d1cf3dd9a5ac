// Building DOM nodes without HTML strings: every text from the API or from Exchange becomes a text node, so a
// subject like <img src=x onerror=alert(1)> is shown as those characters and never parsed.

/**
 * An element with properties and children. Properties: `class`, `text`, `hidden`, `on` ({event: handler}),
 * `dataset` ({key: value}); anything else is set as an attribute (skipped when null, undefined or false).
 * Children are nodes, strings (text nodes), or null (skipped); arrays are flattened.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name === 'hidden') {
      node.hidden = true;
    } else if (name === 'on') {
      for (const [event, handler] of Object.entries(value)) {
        node.addEventListener(event, handler);
      }
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

/** Replaces the children of a node. */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}
