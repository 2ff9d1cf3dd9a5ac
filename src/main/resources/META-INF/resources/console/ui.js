// Small building blocks of the console views. Every text from the API goes in as text (dom.js), never as HTML.
import { el } from '/assets/dom.js';
import { language, t } from '/assets/i18n.js';

/** A problem of the API, or a network failure, in words: detail, Exchange code, hint and the invalid fields. */
export function problem(error) {
  const p = error.problem;
  if (!p) {
    return el('div', { class: 'message error', role: 'alert' }, el('p', { text: t('error.unreachable') }));
  }
  return el('div', { class: 'message error', role: 'alert' },
    el('p', { class: 'title', text: `${p.title ?? ''} (HTTP ${error.status})` }),
    p.detail ? el('p', { class: 'detail', text: p.detail }) : null,
    p.code ? el('p', {}, `${t('code')}: `, el('code', { class: 'code', text: p.code })) : null,
    p.hint ? el('p', { class: 'hint', text: p.hint }) : null,
    p.errors?.length ? el('ul', { class: 'errors' },
      p.errors.map((e) => el('li', {}, el('code', { text: e.field }), `: ${e.message}`))) : null);
}

/** Runs an action for a button: disabled meanwhile, a problem shown in `out` when it fails. */
export async function busy(button, out, action) {
  button.disabled = true;
  try {
    return await action();
  } catch (error) {
    out.replaceChildren(problem(error));
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** A button that asks once more, its text becoming the question, before it runs the action (as busy does). */
export function confirming(button, question, out, action) {
  button.addEventListener('click', () => {
    if (!button.dataset.armed) {
      button.dataset.armed = 'yes';
      button.textContent = question;
      return;
    }
    busy(button, out, action);
  });
  return button;
}

export function badge(text, kind = text, title = null) {
  return el('span', { class: `badge ${kind}`, title, text });
}

/** A warning of the API ({code, message, hint?}): its code as a badge and its words. */
export function warning(w) {
  return el('div', { class: 'message warning', dataset: { code: w.code } },
    el('p', {}, badge(w.code, 'warn'), ' ', el('span', { class: 'text', text: w.message })),
    w.hint ? el('p', { class: 'hint' }, el('code', { text: w.hint })) : null);
}

/** A table from column headers and rows: <tr> elements, or arrays of cells (nodes or text). */
export function table(headers, rows, className = '') {
  return el('table', { class: className },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { text: h })))),
    el('tbody', {}, rows.map((r) => (r instanceof Node ? r : el('tr', {}, r.map((c) => el('td', {}, c)))))));
}

/** A label and its control (or an element holding it) for the two-column forms. */
export function field(labelKey, control, help = null) {
  const target = control.matches('input, select, textarea') ? control : control.querySelector('input, select, textarea');
  if (target && !target.id) {
    target.id = `f-${target.name}`;
  }
  return [el('label', { for: target?.id, text: t(labelKey) }),
    help ? el('div', {}, control, el('div', { class: 'help', text: help })) : control];
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString(language()) : t('never');
}
