// The directory of a profile: mailbox search, room lists with their rooms, and a mailbox's calendar folders with
// their item counts as a tree; any folder can be put on a door sign (a room binding).
import { el, replace } from '/assets/dom.js';
import { t } from '/assets/i18n.js';
import { api, segment } from './api.js';
import { badge, busy, field, problem, table, warning } from './ui.js';

export const title = 'nav.directory';

export async function render(main, [profileId, mail]) {
  const { body: profiles } = await api('GET', '/profiles');
  const ews = profiles.filter((p) => p.kind === 'EWS');
  const profile = ews.find((p) => p.id === profileId) ?? (profileId ? null : ews[0]);
  const picker = el('select', { id: 'directory-profile', 'aria-label': t('directory.profile') },
    ews.map((p) => el('option', { value: p.id, selected: p === profile, text: p.name })));
  picker.addEventListener('change', () => {
    location.hash = `#/directory/${picker.value}`;
  });
  if (!profile) {
    replace(main, el('h1', { text: t('directory.title') }),
      el('p', { class: 'panel', text: t(ews.length ? 'directory.noSuchProfile' : 'directory.noProfiles') }),
      ews.length ? picker : null);
    return;
  }
  const calendars = el('div', { id: 'calendar-panel' }, el('p', { class: 'panel help', text: t('directory.pick') }));
  const open = (address) => tree(profile, address, calendars);
  replace(main,
    el('div', { class: 'toolbar' }, el('h1', { text: t('directory.title') }), picker),
    el('div', { class: 'columns' },
      el('div', {}, searchPanel(profile, open), roomListsPanel(profile, open)),
      calendars));
  if (mail) {
    open(mail);
  }
}

function openButton(address, open) {
  return el('button', { type: 'button', class: 'open-calendars', text: t('directory.calendars'),
    on: { click: () => open(address) } });
}

function searchPanel(profile, open) {
  const input = el('input', { type: 'search', id: 'mailbox-search', name: 'search', required: true,
    placeholder: t('directory.searchPlaceholder') });
  const run = el('button', { type: 'submit', class: 'primary', id: 'search', text: t('directory.search') });
  const results = el('div', { id: 'search-results' });
  const form = el('form', { class: 'toolbar' }, input, run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(run, results, async () => {
      const query = `?search=${encodeURIComponent(input.value.trim())}&limit=50`;
      const { body } = await api('GET', `/profiles/${profile.id}/mailboxes${query}`);
      replace(results,
        body.warnings.map(warning),
        body.items.length === 0 ? el('p', { class: 'help', text: t('directory.noMatch') })
          : table([t('profile.name'), t('directory.mail'), t('directory.type'), ''], body.items.map((m) =>
            el('tr', { dataset: { mail: m.mail } },
              el('td', { class: 'name', text: m.name }), el('td', { class: 'mono', text: m.mail }),
              el('td', {}, badge(t(`type.${m.type}`), m.type === 'ROOM' ? 'ok' : 'muted')),
              el('td', {}, m.type === 'OTHER' ? null : openButton(m.mail, open))))),
        body.truncated ? el('p', { class: 'help', text: t('directory.truncated') }) : null);
    });
  });
  return el('section', { class: 'panel' }, el('h2', { text: t('directory.searchTitle') }), form, results);
}

function roomListsPanel(profile, open) {
  const lists = el('ul', { class: 'tree', role: 'tree', id: 'room-lists' });
  const section = el('section', { class: 'panel' }, el('h2', { text: t('directory.roomLists') }), lists);
  api('GET', `/profiles/${profile.id}/room-lists`).then(({ body }) => {
    if (body.length === 0) {
      replace(lists, el('li', { class: 'help', text: t('directory.noRoomLists') }));
      return;
    }
    replace(lists, body.map((list) => {
      const rooms = el('ul', { role: 'group' });
      let loaded = false;
      return treeItem(list.mail, [el('span', { class: 'name', text: list.name }),
        el('span', { class: 'count mono', text: list.mail })], rooms, false, true, async () => {
        if (loaded) {
          return;
        }
        loaded = true;
        try {
          const { body: members } = await api('GET',
            `/profiles/${profile.id}/room-lists/${segment(list.mail)}/rooms`);
          replace(rooms, members.map((room) => treeItem(room.mail, [el('span', { class: 'name', text: room.name }),
            el('span', { class: 'count mono', text: room.mail }), openButton(room.mail, open)], null, false)));
        } catch (error) {
          replace(rooms, el('li', {}, problem(error)));
        }
      });
    }));
  }).catch((error) => replace(lists, el('li', {}, problem(error))));
  return section;
}

/**
 * One item of a tree: a toggle (when it has or may have children), its content, and the group of children,
 * expanded or collapsed like a desktop tree. `onExpand` runs on every expansion (to load children lazily).
 */
function treeItem(key, content, children, expanded, expandable = children !== null, onExpand = null) {
  const item = el('li', { role: 'treeitem', dataset: { key }, 'aria-expanded': expandable ? String(expanded) : null });
  const toggle = el('button', { type: 'button', class: 'toggle', disabled: !expandable,
    'aria-label': t('directory.toggle'), text: expanded ? '▾' : '▸' });
  toggle.addEventListener('click', () => {
    const open = item.getAttribute('aria-expanded') !== 'true';
    item.setAttribute('aria-expanded', String(open));
    toggle.textContent = open ? '▾' : '▸';
    if (open && onExpand) {
      onExpand();
    }
  });
  item.append(el('div', { class: 'node' }, toggle, content));
  if (children) {
    item.append(children);
  }
  return item;
}

async function tree(profile, mail, panel, refresh = false) {
  replace(panel, el('p', { class: 'panel help', text: t('loading') }));
  let root;
  try {
    ({ body: root } = await api('GET',
      `/profiles/${profile.id}/mailboxes/${segment(mail)}/calendars${refresh ? '?refresh=true' : ''}`));
  } catch (error) {
    replace(panel, problem(error));
    return;
  }
  const binding = el('div', { id: 'binding' });
  const folder = (f, depth) => treeItem(f.id, [
    el('span', { class: 'name', text: f.name }),
    el('span', { class: 'count', text: t(f.totalCount === 1 ? 'directory.item' : 'directory.items',
      { count: f.totalCount }) }),
    el('button', { type: 'button', class: 'bind', text: t('directory.bind'),
      on: { click: () => bindingForm(profile, mail, f, binding) } }),
  ], f.children.length ? el('ul', { role: 'group' }, f.children.map((c) => folder(c, depth + 1))) : null, depth === 0);
  const reload = el('button', { type: 'button', id: 'refresh-tree', text: t('directory.refresh'),
    on: { click: () => tree(profile, mail, panel, true) } });
  replace(panel, el('section', { class: 'panel' },
    el('div', { class: 'toolbar' }, el('h2', { id: 'tree-title', text: t('directory.calendarsOf', { mail }) }),
      reload),
    el('ul', { class: 'tree', role: 'tree', id: 'calendar-tree' }, folder(root, 0)),
    binding));
}

/** The binding of a mailbox to a folder: PUT /rooms/{mail}, with If-Match when a binding exists already. */
async function bindingForm(profile, mail, folder, out) {
  let existing = null;
  let etag = null;
  try {
    const answer = await api('GET', `/rooms/${segment(mail)}`);
    if (answer.body.bound) {
      existing = answer.body;
      etag = answer.etag;
    }
  } catch {
    // not served yet: a new binding
  }
  const privacy = el('select', { name: 'privacy' }, ['SHOW', 'MASK_PRIVATE', 'BUSY_ONLY'].map((p) =>
    el('option', { value: p, selected: p === (existing?.privacy ?? 'MASK_PRIVATE'), text: t(`privacy.${p}`) })));
  const result = el('div', { id: 'binding-result' });
  const submit = el('button', { type: 'submit', class: 'primary', id: 'save-binding', text: t('binding.save') });
  const form = el('form', { class: 'fields', id: 'binding-form' },
    field('binding.mailbox', el('input', { name: 'mail', value: mail, readonly: true })),
    field('binding.folder', el('input', { name: 'folderName', value: folder.name, readonly: true })),
    field('binding.folderId', el('input', { name: 'folderId', class: 'mono', value: folder.id, readonly: true })),
    field('binding.displayName', el('input', { name: 'displayName', value: existing?.displayName ?? '',
      maxlength: 200 })),
    field('binding.timeZone', el('input', { name: 'timeZone', value: existing?.timeZone ?? '',
      placeholder: profile.timeZone ?? 'Europe/Berlin' })),
    field('binding.privacy', privacy, t('binding.privacyHelp')),
    field('binding.allowNonRoom', el('label', { class: 'check' },
      el('input', { type: 'checkbox', name: 'allowNonRoom', checked: existing?.allowNonRoom }),
      t('binding.allowNonRoomHelp'))),
    el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(submit, result, async () => {
      const value = (name) => form.elements[name].value.trim() || undefined;
      const body = { profileId: profile.id, folderId: folder.id, displayName: value('displayName'),
        timeZone: value('timeZone'), privacy: privacy.value,
        allowNonRoom: form.elements.allowNonRoom.checked || undefined };
      const { body: room } = await api('PUT', `/rooms/${segment(mail)}`,
        { body, headers: etag ? { 'If-Match': etag } : {} });
      replace(result, el('div', { class: 'message ok' },
        el('p', { class: 'title', text: t('binding.saved', { name: room.name, folder: folder.name }) }),
        el('p', {}, el('a', { href: `#/rooms/${segment(room.mail)}`, id: 'open-room', text: t('binding.open') }), ' · ',
          el('a', { href: `/signs/${segment(room.mail)}`, target: '_blank', rel: 'noopener',
            text: `/signs/${room.mail}` }), ' ', el('span', { class: 'help', text: t('binding.keyHint') }))));
    });
  });
  replace(out, el('h2', { text: t('binding.title') }), form, result);
  form.elements.displayName.focus();
}
