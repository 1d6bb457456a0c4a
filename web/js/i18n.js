/**
 * The dashboard's words in English and Simplified Chinese, chosen from the center's locale (zh* → Chinese,
 * otherwise English). t(key, { name: value }) fills {name} placeholders; a key missing in Chinese falls back
 * to English. Numbers and dates are not here: format.js formats them with Intl for the same locale.
 */
import { EN } from './words-en.js';
import { ZH } from './words-zh.js';

let words = EN;

export function setLanguage(locale) {
  words = String(locale ?? '').toLowerCase().startsWith('zh') ? { ...EN, ...ZH } : EN;
}

export function t(key, vars) {
  const text = words[key] ?? key;
  return vars ? text.replace(/\{(\w+)\}/g, (_, k) => (vars[k] ?? `{${k}}`)) : text;
}

/** Translates elements marked data-i18n="key" (the static sign-in form). */
export function applyI18n(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
}
