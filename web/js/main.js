/**
 * The dashboard shell: sign-in with an API token (form field `token`, kept in sessionStorage, sent as Bearer),
 * who am I (/api/me), the center (locale and zone for formatting), the <nav> of the pages this role may open,
 * and a hash router (#/page?key=value) that loads each page module on demand.
 *
 * Every page module exports `render(root, ctx)`; ctx = { me, center, params, go(params) }. The <main> element
 * carries data-page and data-state (loading | ready | forbidden | error) so people and tests can tell where
 * they are.
 */
import { api, ApiError } from './api.js';
import { mayOpen, pagesFor } from './access.js';
import { errorBox, fill, h, message } from './dom.js';
import { configureFormat } from './format.js';
import { applyI18n, setLanguage, t } from './i18n.js';
import { clearToken, getToken, setToken } from './session.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let session = null; // { me, center, centers }
const LANGUAGES = [['zh-CN', '中文'], ['en', 'English']];
let renderToken = 0;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [page, q = ''] = raw.split('?');
  return { page, params: Object.fromEntries(new URLSearchParams(q)) };
}

export function hashFor(page, params = {}) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '')).toString();
  return `#/${page}${q ? `?${q}` : ''}`;
}

function setState(state, page = main.dataset.page) {
  main.dataset.state = state;
  if (page !== undefined) main.dataset.page = page;
}

function showSignIn(errorText) {
  session = null;
  nav.hidden = true;
  who.hidden = true;
  const node = document.getElementById('signin-template').content.cloneNode(true);
  fill(main, node);
  applyI18n(main);
  setState('signin', 'signin');
  const form = document.getElementById('signin');
  const err = document.getElementById('signin-error');
  if (errorText) { err.textContent = errorText; err.hidden = false; }
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const token = new FormData(form).get('token');
    if (!token) return;
    setToken(String(token));
    form.reset();
    await start();
  });
  form.querySelector('input[name=token]').focus();
}

async function loadSession() {
  const me = await api.get('/api/me');
  // Admins see every center; others their own, and any other one an S2 grant lets them read.
  const centers = await api.get('/api/centers');
  let centerId = sessionStorage.getItem('shiftcast.center') ?? me.center ?? centers[0]?.id;
  if (!centers.some((c) => c.id === centerId)) centerId = me.center ?? centers[0]?.id;
  const center = centerId ? await api.get(`/api/centers/${encodeURIComponent(centerId)}`) : null;
  // The center's locale, unless this tab chose another display language (words, numbers and dates together).
  const locale = sessionStorage.getItem('shiftcast.lang') ?? me.locale ?? center?.locale ?? navigator.language;
  configureFormat({ locale, zone: center?.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone });
  setLanguage(locale);
  document.documentElement.lang = locale;
  return { me, center, centers };
}

function renderChrome() {
  const { me, center, centers } = session;
  fill(nav, pagesFor(me).map((id) => h('a', { href: `#/${id}`, dataset: { page: id } }, t(`page.${id}`))));
  nav.hidden = false;
  const centerPicker = centers.length > 1
    ? h('select', { name: 'center', 'aria-label': t('shell.center'), onchange: (e) => { sessionStorage.setItem('shiftcast.center', e.target.value); start(); } },
      centers.map((c) => h('option', { value: c.id, selected: c.id === center?.id }, c.name ?? c.id)))
    : h('span.center', center?.name ?? center?.id ?? '');
  const current = sessionStorage.getItem('shiftcast.lang') ?? me.locale ?? center?.locale ?? 'en';
  const langPicker = h('select', {
    name: 'lang', 'aria-label': t('shell.language'),
    onchange: (e) => { sessionStorage.setItem('shiftcast.lang', e.target.value); start(); },
  }, LANGUAGES.map(([value, label]) => h('option', { value, selected: current.toLowerCase().startsWith(value.slice(0, 2)) }, label)));
  fill(who,
    centerPicker,
    langPicker,
    h('span.user', { title: me.agent ?? '' }, `${me.name} · ${t(`role.${me.role}`)}`),
    h('button.link', { type: 'button', onclick: signOut }, t('shell.signout')));
  who.hidden = false;
}

function signOut() {
  clearToken();
  history.replaceState(null, '', location.pathname);
  showSignIn();
}

async function route() {
  if (!session) return;
  const mine = ++renderToken;
  const { page, params } = parseHash();
  const pages = pagesFor(session.me);
  if (!page) {
    if (pages[0]) location.replace(hashFor(pages[0]));
    else { fill(main, message('info', t('shell.nopages'))); setState('ready', ''); }
    return;
  }
  for (const a of nav.querySelectorAll('a')) a.toggleAttribute('aria-current', a.dataset.page === page);
  if (!mayOpen(session.me, page)) {
    fill(main, h('section.card', h('h1', t('shell.forbidden.title')), message('error', t('shell.forbidden', { page: t(`page.${page}`) }))));
    setState('forbidden', page);
    return;
  }
  if (!session.center) {
    fill(main, message('info', t('shell.nocenter')));
    setState('error', page);
    return;
  }
  setState('loading', page);
  fill(main, h('p.msg.info', t('shell.loading')));
  document.title = `${t(`page.${page}`)} · ShiftCast`;
  try {
    const mod = await import(`./pages/${page}.js`);
    if (mine !== renderToken) return;
    const root = h('div.page');
    fill(main, root);
    await mod.render(root, {
      me: session.me,
      center: session.center,
      params,
      go: (next) => location.assign(hashFor(page, { ...params, ...next })),
      isCurrent: () => mine === renderToken,
    });
    if (mine === renderToken) setState('ready', page);
  } catch (e) {
    if (mine !== renderToken) return;
    if (e instanceof ApiError && e.status === 401) return showSignIn(t('signin.expired'));
    console.error(e);
    fill(main, errorBox(e));
    setState('error', page);
  }
}

async function start() {
  if (!getToken()) return showSignIn();
  setState('loading', 'signin');
  try {
    session = await loadSession();
  } catch (e) {
    clearToken();
    return showSignIn(e instanceof ApiError && e.status === 401 ? t('signin.rejected') : (e.message ?? String(e)));
  }
  renderChrome();
  await route();
}

window.addEventListener('hashchange', () => route());
setLanguage(navigator.language);
start();
