/** A tiny element builder and the table/status helpers every page uses (no framework). */

/** h('div.card', { onclick, title, dataset: {…} }, child, 'text', [more]) */
export function h(tag, props, ...children) {
  const [name, ...classes] = tag.split('.');
  const el = document.createElement(name || 'div');
  if (classes.length) el.className = classes.join(' ');
  if (props && (typeof props !== 'object' || props instanceof Node || Array.isArray(props))) {
    children.unshift(props);
    props = null;
  }
  for (const [k, v] of Object.entries(props ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'class') el.className = [el.className, v].filter(Boolean).join(' ');
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** A table: columns [{ label, value(row) → text|Node, num?: true, class? }]; name → data-table; scroll → at most ~20 rows high. */
export function table(columns, rows, { caption, rowProps, name, scroll = false } = {}) {
  return h(scroll ? 'div.table-wrap.scroll-y' : 'div.table-wrap',
    h('table', name ? { dataset: { table: name } } : null,
      caption ? h('caption', caption) : null,
      h('thead', h('tr', columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : '' }, c.label)))),
      h('tbody', rows.map((r) => h('tr', rowProps?.(r) ?? null, columns.map((c) => h('td', { class: c.num ? 'num' : c.class ?? '' }, c.value(r))))))));
}

export function message(kind, text) {
  return h(`p.msg.${kind}`, { role: kind === 'error' ? 'alert' : 'status' }, text);
}

/** Shows an API error (its detail and MANUAL rule id) in place of a section's content. */
export function errorBox(e) {
  const rule = e?.rule ? ` [${e.rule}]` : '';
  return message('error', `${e?.message ?? String(e)}${rule}`);
}

export function section(title, ...children) {
  return h('section.card', h('h2', title), ...children);
}

export function select(name, options, value, onchange, label) {
  const s = h('select', { name, onchange: (ev) => onchange(ev.target.value) },
    options.map((o) => h('option', { value: o.value, selected: o.value === value }, o.label)));
  return label ? h('label.field', h('span', label), s) : s;
}

export function input(name, props, label) {
  const el = h('input', { name, ...props });
  return label ? h('label.field', h('span', label), el) : el;
}

/** Replaces the content of a node. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}
