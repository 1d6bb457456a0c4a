/**
 * The answer column of a ranked offer list — overtime callouts (O1, O2) and voluntary time off: the answer
 * already recorded, or accept / decline buttons for the people of the caller's teams (the others answer
 * themselves or through their lead). `record(candidate, accept)` sends the answer and returns a note to show
 * beside it (the overtime worked, the new roster version), or ''.
 */
import { errorBox, fill, h } from './dom.js';
import { t } from './i18n.js';

export function answerColumn({ center, answered, open = true, record }) {
  const answer = async (c, accept, cell) => {
    for (const b of cell.querySelectorAll('button')) b.disabled = true;
    try {
      const note = await record(c, accept);
      fill(cell, h(`span.tag.${accept ? 'good' : ''}`, { dataset: { answer: accept ? 'accepted' : 'declined' } }, accept ? t('callout.accepted') : t('callout.declined')),
        note ? ` ${note}` : '');
    } catch (e) {
      fill(cell, errorBox(e));
    }
  };
  return (c) => {
    const cell = h('div.actions', { dataset: { agent: c.agent } });
    if (answered.has(c.agent)) cell.append(h('span.tag', answered.get(c.agent) ? t('callout.accepted') : t('callout.declined')));
    else if (!open) cell.append('–');
    else if (!center.agents.some((a) => a.id === c.agent)) cell.append(h('span.note', t('callout.otherteam')));
    else {
      cell.append(
        h('button.good', { type: 'button', dataset: { action: 'accept' }, onclick: () => answer(c, true, cell) }, t('callout.accept')),
        h('button.secondary', { type: 'button', dataset: { action: 'decline' }, onclick: () => answer(c, false, cell) }, t('callout.decline')));
    }
    return cell;
  };
}
