/**
 * A heat map as an HTML table (rows × columns of coloured cells with the value and a tooltip), readable on a
 * phone by scrolling sideways and by screen readers as a table. Diverging colour scale: red for positive
 * (short of people), blue for negative (more than needed), white around zero; text switches to white on
 * dark cells for contrast.
 */
import { h } from './dom.js';
import { num } from './format.js';

/** Colour of a value on a diverging red–white–blue scale saturating at ±max. */
export function divergingColor(v, max) {
  if (v === null || v === undefined || Number.isNaN(v)) return { bg: '#f3f4f6', fg: '#6b7280' };
  const x = Math.max(-1, Math.min(1, v / (max || 1)));
  const mix = (a, b, t) => Math.round(a + (b - a) * t);
  const [r, g, b] = x >= 0
    ? [mix(255, 180, x), mix(255, 35, x), mix(255, 24, x)] // → #b42318
    : [mix(255, 8, -x), mix(255, 81, -x), mix(255, 156, -x)]; // → #08519c
  return { bg: `rgb(${r}, ${g}, ${b})`, fg: Math.abs(x) > 0.55 ? '#fff' : '#111827' };
}

/**
 * rows: [{ key, label }], columns: [{ key, label, title? }], value(rowKey, colKey) → number | null,
 * tooltip(rowKey, colKey, v) → string, max: saturation, digits: shown decimals.
 */
export function heatmap({ rows, columns, value, tooltip, max, digits = 0, name, caption }) {
  const body = rows.map((r) => h('tr',
    h('th', { scope: 'row' }, r.label),
    columns.map((c) => {
      const v = value(r.key, c.key);
      const { bg, fg } = divergingColor(v, max);
      const shown = v === null || v === undefined ? '' : Math.abs(v) < 0.5 / 10 ** digits ? '' : num(v, digits);
      return h('td', { style: { background: bg, color: fg }, title: tooltip(r.key, c.key, v) }, shown);
    })));
  return h('div.heat-wrap', h('table.heat', { dataset: { heatmap: name, cells: String(rows.length * columns.length) } },
    caption ? h('caption', caption) : null,
    h('thead', h('tr', h('th', ''), columns.map((c) => h('th', { scope: 'col', title: c.title ?? '' }, c.label)))),
    h('tbody', body)));
}

export function scaleLegend(max, labels) {
  const stops = [-1, -0.5, 0, 0.5, 1];
  return h('div.legend-scale',
    h('span', labels.negative),
    stops.map((s) => h('span', h('span.swatch', { style: { background: divergingColor(s * max, max).bg, border: '1px solid #d1d5db' } }), ` ${num(s * max, 0)}`)),
    h('span', labels.positive));
}
