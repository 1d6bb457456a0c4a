/**
 * chart.js helpers (the UMD build, loaded once by index.html as window.Chart): a line chart with a prediction
 * band, bar charts, and mixed bar/line charts, all with a legend, axis titles and the center's number format.
 * Colours are the Okabe–Ito palette, readable by people with colour-vision deficiencies.
 */
import { currentLocale, num } from './format.js';

export const COLORS = {
  blue: '#0072B2', orange: '#E69F00', green: '#009E73', vermillion: '#D55E00', sky: '#56B4E9',
  purple: '#CC79A7', yellow: '#F0E442', grey: '#6B7280', black: '#111827',
};

export function alpha(hex, a) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${a})`;
}

function Chart() {
  if (!window.Chart) throw new Error('chart.js did not load (/vendor/chart.js/chart.umd.min.js)');
  return window.Chart;
}

function baseOptions({ xTitle, yTitle, yMin, yMax, yFormat, stacked = false, y2Title, legend = true }) {
  const scales = {
    x: { title: { display: Boolean(xTitle), text: xTitle }, stacked, ticks: { autoSkip: true, maxRotation: 0 } },
    y: {
      title: { display: Boolean(yTitle), text: yTitle }, stacked, beginAtZero: yMin === undefined, min: yMin, max: yMax,
      ticks: { callback: yFormat ?? ((v) => num(v, Number.isInteger(v) ? 0 : 1)) },
    },
  };
  if (y2Title) scales.y2 = { position: 'right', title: { display: true, text: y2Title }, grid: { drawOnChartArea: false }, ticks: { callback: (v) => num(v, 1) } };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale: currentLocale(),
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { display: legend, position: 'bottom', labels: { boxWidth: 14, filter: (item, data) => !data.datasets[item.datasetIndex].hideInLegend } },
      tooltip: { callbacks: { label: (c) => (c.dataset.hideInLegend ? null : `${c.dataset.label}: ${num(c.parsed.y, 1)}`) } },
    },
    scales,
  };
}

/** Creates (or replaces) the chart on a canvas. */
export function draw(canvas, type, data, options) {
  Chart().getChart(canvas)?.destroy();
  return new (Chart())(canvas, { type, data, options });
}

/** A canvas in a sized box (chart.js needs a positioned parent for responsive sizing). */
export function chartBox(name, { tall = false, label } = {}) {
  const canvas = document.createElement('canvas');
  canvas.dataset.chart = name;
  canvas.setAttribute('role', 'img');
  if (label) canvas.setAttribute('aria-label', label);
  const box = document.createElement('div');
  box.className = tall ? 'chart tall' : 'chart';
  box.append(canvas);
  return { box, canvas };
}

/**
 * Line chart; series: [{ label, data, color, dashed?, fillBand?: { lower, upper, label } }].
 * A band is drawn as two invisible lines filled between them, listed once in the legend.
 */
export function lineChart(canvas, { labels, series, xTitle, yTitle, bars = [] }) {
  const datasets = [];
  for (const s of series) {
    if (s.band) {
      datasets.push({ type: 'line', label: `${s.band.label} (lower)`, data: s.band.lower, borderWidth: 0, pointRadius: 0, hideInLegend: true, fill: false });
      datasets.push({ type: 'line', label: s.band.label, data: s.band.upper, borderWidth: 0, pointRadius: 0, backgroundColor: alpha(s.color, 0.18), fill: '-1' });
    }
    datasets.push({
      type: 'line', label: s.label, data: s.data, borderColor: s.color, backgroundColor: s.color, borderWidth: s.width ?? 2,
      borderDash: s.dashed ? [6, 4] : [], pointRadius: s.points ? 2 : 0, tension: 0.2, spanGaps: false, stepped: s.stepped ?? false, fill: false,
      yAxisID: s.axis ?? 'y',
    });
  }
  for (const b of bars) datasets.push({ type: 'bar', label: b.label, data: b.data, backgroundColor: alpha(b.color, 0.55), borderColor: b.color, borderWidth: 1, yAxisID: b.axis ?? 'y', order: 10 });
  const fixLegend = (options) => {
    // Clicking the band's legend entry hides both of its edges.
    options.plugins.legend.onClick = (e, item, legend) => {
      const chart = legend.chart;
      const i = item.datasetIndex;
      const visible = chart.isDatasetVisible(i);
      chart.setDatasetVisibility(i, !visible);
      if (chart.data.datasets[i - 1]?.hideInLegend) chart.setDatasetVisibility(i - 1, !visible);
      chart.update();
    };
    return options;
  };
  return draw(canvas, 'line', { labels, datasets }, fixLegend(baseOptions({ xTitle, yTitle })));
}

/** Bar chart; series: [{ label, data, color }]; stacked for parts of a whole; yMin/yMax/yFormat shape the value axis. */
export function barChart(canvas, { labels, series, xTitle, yTitle, stacked = false, lines = [], y2Title, yMin, yMax, yFormat }) {
  const datasets = series.map((s) => ({ type: 'bar', label: s.label, data: s.data, backgroundColor: alpha(s.color, 0.75), borderColor: s.color, borderWidth: 1, yAxisID: s.axis ?? 'y' }));
  for (const l of lines) {
    datasets.push({ type: 'line', label: l.label, data: l.data, borderColor: l.color, backgroundColor: l.color, borderWidth: 2, borderDash: l.dashed ? [6, 4] : [], pointRadius: l.points ? 3 : 0, fill: false, yAxisID: l.axis ?? 'y', order: -1 });
  }
  return draw(canvas, 'bar', { labels, datasets }, baseOptions({ xTitle, yTitle, stacked, y2Title, yMin, yMax, yFormat }));
}
