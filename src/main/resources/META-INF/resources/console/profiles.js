// Connection profiles: list with warning badges, create and edit (the fields each kind and auth type needs),
// autodiscover, and the step-by-step test.
import { el, replace } from '/assets/dom.js';
import { t } from '/assets/i18n.js';
import { api, segment } from './api.js';
import { badge, busy, confirming, field, table, warning } from './ui.js';

export const title = 'nav.profiles';

const AUTH_TYPES = { EWS: ['NTLM', 'BASIC', 'OAUTH2_CLIENT_CREDENTIALS', 'OAUTH2_PASSWORD'],
  GRAPH: ['OAUTH2_CLIENT_CREDENTIALS'] };
const OAUTH = 'OAUTH2_CLIENT_CREDENTIALS OAUTH2_PASSWORD';
const PASSWORD = 'BASIC NTLM OAUTH2_PASSWORD';

export async function render(main, [id, action]) {
  if (!id) {
    return list(main);
  }
  if (id === 'new') {
    return edit(main, null, null);
  }
  const { body: profile, etag } = await api('GET', `/profiles/${segment(id)}`);
  return action === 'edit' ? edit(main, profile, etag) : details(main, profile);
}

async function list(main) {
  const { body: profiles } = await api('GET', '/profiles');
  replace(main,
    el('div', { class: 'toolbar' }, el('h1', { text: t('profiles.title') }),
      el('a', { class: 'button primary', href: '#/profiles/new', id: 'new-profile', text: t('profiles.new') })),
    profiles.length === 0 ? el('p', { class: 'panel', text: t('profiles.none') })
      : table([t('profile.name'), t('profile.kind'), t('profile.auth'), t('profile.endpoint'), t('profile.domains'),
        t('profile.warnings')], profiles.map((p) => el('tr', { dataset: { profile: p.name } },
        el('td', {}, el('a', { href: `#/profiles/${p.id}`, text: p.name })),
        el('td', { text: p.kind }),
        el('td', { text: t(`auth.${p.auth.type}`) }),
        el('td', { class: 'mono', text: p.serviceUrl ?? p.autodiscoverEmail ?? '' }),
        el('td', { text: p.domains.join(', ') }),
        el('td', { class: 'warnings' }, p.warnings.map((w) => badge(w.code, 'warn', w.message))))),
      'profiles'));
}

/** One label and input of the form, shown only for the kinds and auth types it applies to. */
function row(labelKey, input, { kinds = null, auth = null, help = null } = {}) {
  return el('div', { class: 'row', dataset: { kinds: kinds ?? '', auth: auth ?? '' } }, field(labelKey, input, help));
}

function input(name, value, attributes = {}) {
  return el('input', { name, value: value ?? '', ...attributes });
}

function select(name, values, selected, label = (v) => v) {
  return el('select', { name }, values.map((v) => el('option', { value: v, selected: v === selected, text: label(v) })));
}

async function edit(main, stored, etag) {
  const auth = stored?.auth ?? {};
  const keep = (set) => (set ? t('secret.keep') : null);
  const kind = select('kind', ['EWS', 'GRAPH'], stored?.kind ?? 'EWS');
  const authType = select('auth.type', AUTH_TYPES.EWS, auth.type ?? 'NTLM', (v) => t(`auth.${v}`));
  const out = el('div', { id: 'profile-problem' });
  const discovered = el('div', { id: 'autodiscover-result' });
  const discover = el('button', { type: 'button', id: 'autodiscover', text: t('profile.autodiscover') });
  const form = el('form', { class: 'fields', id: 'profile-form' },
    row('profile.name', input('name', stored?.name, { required: true, maxlength: 200 })),
    row('profile.kind', kind),
    row('profile.auth', authType),
    row('profile.autodiscoverEmail', el('div', { class: 'inline' },
      input('autodiscoverEmail', stored?.autodiscoverEmail, { type: 'email', id: 'f-autodiscoverEmail' }), discover),
    { kinds: 'EWS', help: t('profile.autodiscoverHelp') }),
    el('div', { class: 'wide' }, discovered),
    row('profile.serviceUrl', input('serviceUrl', stored?.serviceUrl, { type: 'url' }),
      { help: t('profile.serviceUrlHelp') }),
    row('profile.tenantId', input('tenantId', stored?.tenantId), { auth: OAUTH }),
    row('profile.username', input('auth.username', auth.username, { autocomplete: 'off' }), { auth: PASSWORD }),
    row('profile.password', input('auth.password', '', { type: 'password', autocomplete: 'new-password',
      placeholder: keep(auth.passwordSet) }), { auth: PASSWORD }),
    row('profile.domain', input('auth.domain', auth.domain), { auth: 'BASIC NTLM' }),
    row('profile.clientId', input('auth.clientId', auth.clientId), { auth: OAUTH }),
    row('profile.clientSecret', input('auth.clientSecret', '', { type: 'password', autocomplete: 'new-password',
      placeholder: keep(auth.clientSecretSet) }), { auth: OAUTH }),
    row('profile.tokenUrl', input('auth.tokenUrl', auth.tokenUrl, { type: 'url' }), { auth: OAUTH,
      help: t('profile.tokenUrlHelp') }),
    row('profile.scope', input('auth.scope', auth.scope), { auth: OAUTH }),
    row('profile.authorityUrl', input('authorityUrl', stored?.authorityUrl, { type: 'url' }), { auth: OAUTH }),
    row('profile.access', select('access', ['IMPERSONATION', 'DELEGATE'], stored?.access ?? 'IMPERSONATION',
      (v) => t(`access.${v}`)), { kinds: 'EWS' }),
    row('profile.domains', input('domains', stored?.domains?.join(', ')), { help: t('profile.domainsHelp') }),
    row('profile.timeZone', input('timeZone', stored?.timeZone, { placeholder: 'Europe/Berlin' })),
    row('profile.proxy', input('proxy', stored?.proxy, { type: 'url', placeholder: 'http://proxy:3128' })),
    row('profile.caBundlePem', el('textarea', { name: 'tls.caBundlePem', class: 'mono',
      placeholder: '-----BEGIN CERTIFICATE-----', text: stored?.tls?.caBundlePem ?? '' })),
    row('profile.insecureSkipVerify', el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'tls.insecureSkipVerify', checked: stored?.tls?.insecureSkipVerify }),
      t('profile.insecureSkipVerifyHelp'))),
    el('div', { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'save-profile', text: t('save') }),
      el('a', { class: 'button', href: stored ? `#/profiles/${stored.id}` : '#/profiles', text: t('cancel') })));

  const update = () => {
    const allowed = AUTH_TYPES[kind.value];
    for (const option of authType.options) {
      option.hidden = !allowed.includes(option.value);
    }
    if (!allowed.includes(authType.value)) {
      authType.value = allowed[0];
    }
    for (const r of form.querySelectorAll('.row')) {
      r.hidden = (r.dataset.kinds && !r.dataset.kinds.split(' ').includes(kind.value))
        || (r.dataset.auth && !r.dataset.auth.split(' ').includes(authType.value));
    }
  };
  kind.addEventListener('change', update);
  authType.addEventListener('change', update);
  update();

  discover.addEventListener('click', () => busy(discover, discovered, async () => {
    const result = await api('POST', '/autodiscover', { body: autodiscoverRequest(form, stored) });
    form.elements.serviceUrl.value = result.body.serviceUrl;
    replace(discovered, autodiscoverReport(result.body));
  }));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(form.querySelector('#save-profile'), out, async () => {
      const body = request(form);
      const saved = stored
        ? await api('PUT', `/profiles/${stored.id}`, { body, headers: { 'If-Match': etag } })
        : await api('POST', '/profiles', { body });
      location.hash = `#/profiles/${saved.body.id}`;
    });
  });
  replace(main, el('h1', { text: stored ? t('profiles.edit', { name: stored.name }) : t('profiles.new') }),
    el('section', { class: 'panel' }, form, out));
}

/** What the form says, without the fields the kind and auth type hide; an empty secret keeps the stored one. */
function request(form) {
  const value = (name) => {
    const element = form.elements[name];
    return element.closest('.row').hidden || !element.value.trim() ? undefined : element.value.trim();
  };
  const kind = form.elements.kind.value;
  return {
    name: form.elements.name.value.trim(),
    kind,
    serviceUrl: value('serviceUrl'),
    autodiscoverEmail: value('autodiscoverEmail'),
    tenantId: value('tenantId'),
    authorityUrl: value('authorityUrl'),
    auth: {
      type: form.elements['auth.type'].value,
      username: value('auth.username'),
      password: value('auth.password'),
      domain: value('auth.domain'),
      clientId: value('auth.clientId'),
      clientSecret: value('auth.clientSecret'),
      tokenUrl: value('auth.tokenUrl'),
      scope: value('auth.scope'),
    },
    access: kind === 'EWS' ? form.elements.access.value : undefined,
    domains: form.elements.domains.value.split(/[\s,;]+/).filter(Boolean),
    timeZone: value('timeZone'),
    proxy: value('proxy'),
    tls: {
      caBundlePem: value('tls.caBundlePem'),
      insecureSkipVerify: form.elements['tls.insecureSkipVerify'].checked,
    },
  };
}

/** Autodiscover signs in with the typed password, or with the stored profile's when none is typed. */
function autodiscoverRequest(form, stored) {
  const body = request(form);
  const email = form.elements.autodiscoverEmail.value.trim();
  if (['BASIC', 'NTLM'].includes(body.auth.type) && body.auth.username && body.auth.password) {
    const { type, username, password, domain } = body.auth;
    return { email, auth: { type, username, password, domain } };
  }
  return stored ? { email, profileId: stored.id } : { email };
}

function autodiscoverReport(result) {
  return el('div', { class: 'message ok' },
    el('p', {}, t('autodiscover.found', { method: result.method }), ' ', el('code', { text: result.serviceUrl })),
    attempts(result.attempts));
}

function attempts(list) {
  return table([t('autodiscover.url'), t('autodiscover.outcome'), t('duration'), t('detail')], list.map((a) => [
    el('span', { class: 'mono', text: a.url }), badge(a.outcome, a.outcome === 'OK' ? 'ok' : 'muted'),
    `${a.durationMs} ms`, a.detail ?? '']));
}

function details(main, profile) {
  const auth = profile.auth;
  const facts = [
    ['profile.kind', profile.kind], ['profile.auth', t(`auth.${auth.type}`)],
    ['profile.serviceUrl', profile.serviceUrl], ['profile.autodiscoverEmail', profile.autodiscoverEmail],
    ['profile.tenantId', profile.tenantId], ['profile.username', auth.username], ['profile.domain', auth.domain],
    ['profile.clientId', auth.clientId], ['profile.tokenUrl', auth.tokenUrl],
    ['profile.access', profile.access && t(`access.${profile.access}`)],
    ['profile.domains', profile.domains.join(', ')], ['profile.timeZone', profile.timeZone],
    ['profile.proxy', profile.proxy],
    ['profile.secrets', [auth.passwordSet && t('profile.passwordSet'), auth.clientSecretSet
      && t('profile.clientSecretSet')].filter(Boolean).join(', ')],
  ].filter(([, value]) => value);
  const out = el('div');
  const remove = confirming(el('button', { type: 'button', class: 'danger', id: 'delete-profile', text: t('delete') }),
    t('delete.confirm'), out, async () => {
      await api('DELETE', `/profiles/${profile.id}`);
      location.hash = '#/profiles';
    });
  replace(main,
    el('div', { class: 'toolbar' }, el('h1', { id: 'profile-name', text: profile.name }),
      el('a', { class: 'button', href: `#/profiles/${profile.id}/edit`, id: 'edit-profile', text: t('edit') }),
      profile.kind === 'EWS' ? el('a', { class: 'button', href: `#/directory/${profile.id}`, id: 'browse-profile',
        text: t('profile.browse') }) : null,
      remove),
    out,
    el('section', { class: 'panel' }, el('dl', { class: 'facts' },
      facts.map(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })]))),
    el('section', { id: 'profile-warnings' }, profile.warnings.map(warning)),
    testPanel(profile));
}

function testPanel(profile) {
  const mailbox = el('input', { type: 'email', id: 'test-mailbox', name: 'mailbox',
    value: profile.autodiscoverEmail ?? '', placeholder: 'room1@contoso.com' });
  const run = el('button', { type: 'submit', class: 'primary', id: 'run-test', text: t('test.run') });
  const report = el('div', { id: 'test-report' });
  const form = el('form', { class: 'toolbar' },
    el('label', { for: 'test-mailbox', text: t('test.mailbox') }), mailbox, run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(run, report, async () => {
      const query = mailbox.value.trim() ? `?mailbox=${encodeURIComponent(mailbox.value.trim())}` : '';
      const { body } = await api('POST', `/profiles/${profile.id}/test${query}`);
      replace(report, testReport(body));
    });
  });
  return el('section', { class: 'panel' }, el('h2', { text: t('test.title') }),
    el('p', { class: 'help', text: t('test.help') }), form, report);
}

function testReport(report) {
  return el('div', {},
    el('div', { class: `message ${report.ok ? 'ok' : 'error'}`, id: 'test-outcome' },
      el('p', { class: 'title', text: report.ok ? t('test.ok') : t('test.failed') })),
    table([t('test.step'), t('test.status'), t('duration'), t('code'), t('detail'), t('hint')],
      report.steps.map((s) => el('tr', { dataset: { step: s.name } },
        el('td', { text: t(`step.${s.name}`) }),
        el('td', {}, badge(t(`status.${s.status}`), s.status)),
        el('td', { class: 'number', text: `${s.durationMs} ms` }),
        el('td', {}, s.code ? el('code', { text: s.code }) : null),
        el('td', { class: 'detail', text: s.detail ?? '' }),
        el('td', { class: 'hint', text: s.hint ?? '' }))), 'steps'),
    report.warnings.map(warning));
}
