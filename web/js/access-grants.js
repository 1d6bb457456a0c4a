/**
 * S2 for a center's director (and admins): who outside the center may read it, until when and why; a form to
 * approve one more (the user id they give, e.g. from their /api/me) and revoke. A grant reads only, never writes.
 *
 * Endpoints: GET/POST /api/access-grants, POST /api/access-grants/revoke.
 */
import { api } from './api.js';
import { errorBox, fill, h, input, message, section, table } from './dom.js';
import { dateTime, localDate, addDays } from './format.js';
import { t } from './i18n.js';

export async function accessGrantsSection(ctx) {
  const out = h('div', { dataset: { role: 'access-grants' } });
  const status = h('div.result');
  const load = async () => {
    try {
      const grants = (await api.get('/api/access-grants')).filter((g) => g.centerId === ctx.center.id);
      fill(out, grants.length === 0 ? message('info', t('grants.none')) : table([
        { label: t('grants.user'), value: (g) => `${g.userName ?? '–'} (#${g.userId})` },
        { label: t('grants.until'), value: (g) => dateTime(g.until) },
        { label: t('grants.reason'), value: (g) => g.reason },
        { label: '', value: (g) => (g.revokedAt ? h('span.tag', t('grants.revoked')) : h('button.secondary', { type: 'button', dataset: { action: 'revoke-grant' }, onclick: () => revoke(g.id) }, t('grants.revoke'))) },
      ], grants, { name: 'access-grants' }));
    } catch (e) {
      fill(out, errorBox(e));
    }
  };
  const revoke = async (id) => {
    try {
      await api.post('/api/access-grants/revoke', { grant: id });
      await load();
    } catch (e) {
      fill(status, errorBox(e));
    }
  };
  const form = h('form.inline', {
    async onsubmit(ev) {
      ev.preventDefault();
      const d = new FormData(form);
      try {
        await api.post('/api/access-grants', { user: Number(d.get('user')), center: ctx.center.id, until: new Date(`${d.get('until')}T23:59:59`).toISOString(), reason: d.get('reason') });
        fill(status, message('ok', t('grants.done')));
        await load();
      } catch (e) {
        fill(status, errorBox(e));
      }
    },
  },
  input('user', { type: 'number', min: 1, required: true }, t('grants.user')),
  input('until', { type: 'date', required: true, value: addDays(localDate(), 30) }, t('grants.until')),
  input('reason', { required: true, minlength: 5 }, t('grants.reason')),
  h('button', { type: 'submit', dataset: { action: 'grant' } }, t('grants.button')));
  await load();
  return section(t('grants.title'), h('p.note', t('grants.note')), form, status, out);
}
