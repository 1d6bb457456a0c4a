/**
 * Formatting for the center's locale (BCP 47, e.g. "zh-CN" or "en") and IANA time zone, with Intl only: numbers,
 * percentages, hours, dates, clock times. Every time shown is the center's local time, whatever the browser's zone.
 */
let locale = 'en';
let zone = 'UTC';
const cache = new Map();

export function configureFormat(options) {
  locale = options.locale || 'en';
  zone = options.zone || 'UTC';
  cache.clear();
}

export function currentLocale() {
  return locale;
}

export function currentZone() {
  return zone;
}

function nf(key, options) {
  const k = `n:${key}`;
  if (!cache.has(k)) cache.set(k, new Intl.NumberFormat(locale, options));
  return cache.get(k);
}

function df(key, options) {
  const k = `d:${key}`;
  if (!cache.has(k)) cache.set(k, new Intl.DateTimeFormat(locale, { timeZone: zone, ...options }));
  return cache.get(k);
}

const missing = (v) => v === null || v === undefined || Number.isNaN(v);

export function num(v, digits = 0) {
  return missing(v) ? '–' : nf(`f${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A ratio (0.0734) as a percentage ("7.3%"). */
export function pct(v, digits = 1) {
  return missing(v) ? '–' : nf(`p${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A signed ratio ("+2.1%" / "-0.4%"), for bias. */
export function signedPct(v, digits = 1) {
  return missing(v) ? '–' : nf(`sp${digits}`, { style: 'percent', signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

export function signedNum(v, digits = 1) {
  return missing(v) ? '–' : nf(`sn${digits}`, { signDisplay: 'exceptZero', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** Agent-hours and the like, with the unit from Intl ("12.5 hr" / "12.5小时"). */
export function hours(v, digits = 1) {
  return missing(v) ? '–' : nf(`h${digits}`, { style: 'unit', unit: 'hour', unitDisplay: 'short', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** Clock time in the center's zone ("09:30"). */
export function clock(iso) {
  return df('clock', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A calendar date ("2026-12-01" → "12月1日 周二" / "Tue, Dec 1"). Date-only strings are read as that day. */
export function day(date) {
  return df('day', { weekday: 'short', month: 'short', day: 'numeric' }).format(dateOnly(date));
}

export function shortDay(date) {
  return df('shortDay', { month: 'numeric', day: 'numeric' }).format(dateOnly(date));
}

export function weekdayName(date) {
  return df('weekdayName', { weekday: 'short' }).format(dateOnly(date));
}

export function weekdayShort(date) {
  return df('weekday', { weekday: 'narrow' }).format(dateOnly(date));
}

export function monthName(month) {
  return df('month', { year: 'numeric', month: 'long' }).format(dateOnly(`${month}-15`));
}

export function dateTime(iso) {
  return df('dateTime', { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** "2026-12-01" as a Date at noon in the center's zone, so formatting never slips to the next or previous day. */
function dateOnly(date) {
  if (date instanceof Date) return date;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return new Date(`${date}T12:00:00Z`);
  return new Date(date);
}

/** The local calendar date (YYYY-MM-DD) of an instant in the center's zone. */
export function localDate(instant = new Date()) {
  const parts = df('iso', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(instant));
  const get = (t) => parts.find((p) => p.type === t).value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Minutes after local midnight of an ISO time with offset ("2026-12-01T09:30:00+08:00" → 570). */
export function minutesOfDay(iso) {
  const parts = df('hm', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  return Number(parts.find((p) => p.type === 'hour').value) * 60 + Number(parts.find((p) => p.type === 'minute').value);
}

/** Date arithmetic on "YYYY-MM-DD" strings (calendar days, no zone involved). */
export function addDays(date, n) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function monthOf(date) {
  return date.slice(0, 7);
}

export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export function daysOfMonth(month) {
  const out = [];
  for (let d = `${month}-01`; d.startsWith(month); d = addDays(d, 1)) out.push(d);
  return out;
}

/** ISO weekday 1 (Monday) … 7 (Sunday) of a calendar date. */
export function isoWeekday(date) {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** The center zone's UTC offset ("+08:00") on a calendar date (read at 12:00 UTC; the demo zones have no DST at midnight). */
export function zoneOffset(date) {
  const probe = new Date(`${date}T12:00:00Z`);
  const name = df('offset', { timeZoneName: 'longOffset' }).formatToParts(probe).find((p) => p.type === 'timeZoneName').value;
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** Local midnight of a calendar date as ISO with the center's offset, for API range bounds. */
export function midnight(date) {
  return `${date}T00:00:00${zoneOffset(date)}`;
}
