/**
 * A job's progress in the page: a <progress> bar, the stage, the best-so-far detail a solve reports
 * (progressDetail from GET /api/jobs/:id), and a cancel button. Resolves with the final job record.
 */
import { api, waitForJob } from './api.js';
import { h } from './dom.js';
import { num, pct } from './format.js';
import { t } from './i18n.js';

/** A detail field's name in words, or the field name itself when it has none. */
function fieldName(k) {
  const key = `job.detail.${k}`;
  const word = t(key);
  return word === key ? k : word;
}

/** "name: value" pairs of a detail's numbers and words (stage, iteration …); objects are left to `best`. */
function describe(detail) {
  const parts = [];
  for (const [k, v] of Object.entries(detail ?? {})) {
    if (typeof v === 'number') parts.push(`${fieldName(k)}: ${num(v, Number.isInteger(v) ? 0 : 1)}`);
    else if (typeof v === 'string') parts.push(`${fieldName(k)}: ${v}`);
  }
  return parts.join(' · ');
}

/** The best-so-far score (progressDetail.best, or the finished job's result.score) as "part: value" pairs. */
function describeBest(score) {
  return Object.entries(score ?? {}).filter(([, v]) => typeof v === 'number').map(([k, v]) => `${fieldName(k)}: ${num(v, Number.isInteger(v) ? 0 : 1)}`).join(' · ');
}

export function jobProgress(jobId, { title, cancellable = true } = {}) {
  const bar = h('progress', { max: 1, value: 0 });
  const label = h('span.job-pct', '0%');
  const status = h('span.job-status', t('job.queued'));
  const detail = h('p.job-detail', { dataset: { role: 'job-stage' } });
  const best = h('p.job-detail', { dataset: { role: 'best-so-far' } });
  const cancel = cancellable ? h('button.secondary', { type: 'button', onclick: () => api.post(`/api/jobs/${encodeURIComponent(jobId)}/cancel`).catch(() => {}) }, t('job.cancel')) : null;
  const el = h('div.job', { dataset: { job: jobId } }, title ? h('strong', title) : null, h('div.job-bar', bar, label, status, cancel), detail, best);
  const done = waitForJob(jobId, {
    onProgress(job) {
      bar.value = job.progress ?? 0;
      label.textContent = pct(job.progress ?? 0, 0);
      status.textContent = t(`job.${job.status}`);
      el.dataset.status = job.status;
      const d = describe(job.progressDetail);
      if (d) detail.textContent = d;
      // The best score so far stays on screen until a better one arrives (the last word is the result's).
      const b = describeBest(job.progressDetail?.best ?? (job.status === 'completed' ? job.result?.score : undefined));
      if (b) best.textContent = `${t('job.best')}: ${b}`;
      if (job.status === 'failed') detail.textContent = job.error ?? t('job.failed');
      if (['completed', 'failed', 'cancelled'].includes(job.status) && cancel) cancel.remove();
    },
  });
  return { el, done };
}
