/**
 * Before a planner publishes a draft: what it changes against the published version (person-days whose shifts
 * differ) and what it would drop — accepted overtime, approved swaps and rest-day moves, floating re-placements,
 * shifts on approved leave. Each droppable item gets a checkbox; publish sends the checked ids as `confirm`
 * and stays disabled while an item is unchecked or cannot be dropped (approved leave).
 *
 * Endpoints: GET /api/rosters/:id/publish-preview, POST /api/rosters/:id/publish { confirm }.
 */
import { api } from './api.js';
import { errorBox, fill, h, message } from './dom.js';
import { day, num } from './format.js';
import { t } from './i18n.js';

const shifts = (list) => (list.length ? list.map((s) => `${s.kind === 'overtime' ? t('roster.legend.overtime') : s.shift} ${s.start.slice(11, 16)}–${s.end.slice(11, 16)}`).join(' + ') : t('roster.rest'));

/** The panel and its publish button; `onPublished` runs after a successful publish. */
export async function publishPanel(roster, onPublished) {
  const status = h('div.result');
  const preview = await api.get(`/api/rosters/${roster.id}/publish-preview`);
  const boxes = preview.drops.map((d) => h('input', { type: 'checkbox', name: 'confirm', value: d.id, disabled: !d.confirmable, dataset: { drop: d.kind } }));
  const button = h('button', { type: 'button', dataset: { action: 'publish' } }, t('roster.publish'));
  const ready = () => preview.drops.every((d, i) => d.confirmable && boxes[i].checked);
  const sync = () => { button.disabled = !ready(); };
  boxes.forEach((b) => b.addEventListener('change', sync));
  sync();
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      await api.post(`/api/rosters/${roster.id}/publish`, { confirm: boxes.filter((b) => b.checked).map((b) => b.value) });
      onPublished();
    } catch (err) {
      fill(status, errorBox(err));
      sync();
    }
  });
  const against = preview.against
    ? h('p.note', t('publish.against', { version: preview.against.version, days: num(preview.changedDays) }))
    : h('p.note', t('publish.first'));
  const drops = preview.drops.length
    ? h('ul.drops', preview.drops.map((d, i) => h('li', { dataset: { drop: d.id } },
      h('label', boxes[i], ' ', h('strong', `${d.agent} · ${day(d.date)} · ${t(`publish.kind.${d.kind}`)}`),
        ` — ${t('publish.was', { before: shifts(d.before), after: shifts(d.after) })}`,
        d.confirmable ? null : h('span.bad', ` ${t('publish.leave')}`)))))
    : message('info', t('publish.nodrops'));
  return h('div.publish', { dataset: { drops: String(preview.drops.length) } }, against, preview.drops.length ? h('p', t('publish.confirm')) : null, drops, h('div.actions', button), status);
}
