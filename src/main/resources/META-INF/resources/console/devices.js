// Device keys of door signs: create (the key is shown once), list with when each was last seen, revoke.
import { el, replace } from '/assets/dom.js';
import { t } from '/assets/i18n.js';
import { api, segment } from './api.js';
import { busy, confirming, field, table, when } from './ui.js';

export const title = 'nav.devices';

export async function render(main) {
  const created = el('div', { id: 'new-device' });
  const listing = el('div', { id: 'devices' });
  replace(main, el('h1', { text: t('devices.title') }), createForm(created, () => list(listing)), created, listing);
  await list(listing);
}

function createForm(created, reload) {
  const submit = el('button', { type: 'submit', class: 'primary', id: 'create-device', text: t('devices.create') });
  const form = el('form', { class: 'fields', id: 'device-form' },
    field('devices.name', el('input', { name: 'name', required: true, maxlength: 200 })),
    field('devices.rooms', el('textarea', { name: 'rooms', required: true, placeholder: 'room1@contoso.com\n*@contoso.com' }),
      t('devices.roomsHelp')),
    el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, created, async () => {
      const rooms = form.elements.rooms.value.split(/[\s,;]+/).filter(Boolean);
      const { body: device } = await api('POST', '/devices', { body: { name: form.elements.name.value.trim(), rooms } });
      form.reset();
      replace(created, shownOnce(device));
      await reload();
    });
  });
  return el('section', { class: 'panel' }, el('h2', { text: t('devices.new') }), form);
}

/** The new key, once: with a copy button and the address of a door sign that uses it (key in the fragment). */
function shownOnce(device) {
  const key = el('code', { id: 'device-key', text: device.key });
  const copy = el('button', { type: 'button', id: 'copy-key', text: t('devices.copy') });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(device.key);
      copy.textContent = t('devices.copied');
    } catch {
      // no clipboard (an insecure origin, or denied): select the key for Ctrl+C
      getSelection().selectAllChildren(key);
      copy.textContent = t('devices.copyManually');
    }
  });
  const room = device.rooms.find((r) => !r.startsWith('*@'));
  const sign = room ? `/signs/${segment(room)}#key=${encodeURIComponent(device.key)}` : null;
  return el('div', { class: 'message ok' },
    el('p', { class: 'title', text: t('devices.keyOnce', { name: device.name }) }),
    el('div', { class: 'key' }, key, copy),
    sign ? el('p', {}, `${t('devices.signAddress')} `, el('a', { id: 'sign-link', href: sign, target: '_blank',
      rel: 'noopener', text: `/signs/${room}#key=…` })) : null);
}

async function list(listing) {
  const { body: devices } = await api('GET', '/devices');
  const out = el('div');
  replace(listing, out, devices.length === 0 ? el('p', { class: 'panel', text: t('devices.none') })
    : table([t('devices.name'), t('devices.rooms'), t('devices.prefix'), t('devices.createdAt'), t('devices.lastSeen'), ''],
      devices.map((d) => {
        const revoke = confirming(el('button', { type: 'button', class: 'danger revoke', text: t('devices.revoke') }),
          t('devices.revokeConfirm'), out, async () => {
            await api('DELETE', `/devices/${segment(d.id)}`);
            await list(listing);
          });
        return el('tr', { dataset: { device: d.name } },
          el('td', { text: d.name }), el('td', { class: 'mono', text: d.rooms.join(', ') }),
          el('td', { class: 'mono', text: `${d.keyPrefix}…` }), el('td', { text: when(d.createdAt) }),
          el('td', { class: 'last-seen', text: when(d.lastSeenAt) }), el('td', {}, revoke));
      }), 'devices'));
}
