// Rooms: every bound room, any served room by its address, its sync state and warnings, and today's events as
// the door sign sees them.
import { el, replace } from '/assets/dom.js';
import { language, t } from '/assets/i18n.js';
import { api, segment } from './api.js';
import { badge, confirming, problem, table, warning, when } from './ui.js';

export const title = 'nav.rooms';

export async function render(main, [mail]) {
  return mail ? details(main, mail) : list(main);
}

async function list(main) {
  const [{ body: rooms }, { body: profiles }] = await Promise.all([api('GET', '/rooms'), api('GET', '/profiles')]);
  const names = new Map(profiles.map((p) => [p.id, p.name]));
  const address = el('input', { type: 'email', id: 'room-lookup', required: true,
    placeholder: 'room1@contoso.com', 'aria-label': t('rooms.lookup') });
  const lookup = el('form', { class: 'toolbar' }, address,
    el('button', { type: 'submit', id: 'look-up', text: t('rooms.lookup') }));
  lookup.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/rooms/${segment(address.value.trim())}`;
  });
  replace(main,
    el('div', { class: 'toolbar' }, el('h1', { text: t('rooms.title') })),
    el('section', { class: 'panel' }, el('p', { class: 'help', text: t('rooms.lookupHelp') }), lookup),
    rooms.length === 0 ? el('p', { class: 'panel', text: t('rooms.none') })
      : table([t('profile.name'), t('directory.mail'), t('rooms.profile'), t('binding.privacy'), t('rooms.lastSuccess'),
        t('rooms.state'), t('profile.warnings')], rooms.map((r) => el('tr', { dataset: { mail: r.mail } },
        el('td', {}, el('a', { href: `#/rooms/${segment(r.mail)}`, text: r.name })),
        el('td', { class: 'mono', text: r.mail }),
        el('td', { text: names.get(r.profileId) ?? r.profileId }),
        el('td', { text: t(`privacy.${r.privacy}`) }),
        el('td', { text: when(r.lastSuccessAt) }),
        el('td', {}, syncBadge(r)),
        el('td', { class: 'warnings' }, r.warnings.map((w) => badge(w.code, 'warn', w.message)))))));
}

function syncBadge(room) {
  if (room.stale) {
    return badge(t('rooms.stale'), 'bad');
  }
  return room.lastSuccessAt ? badge(t('rooms.current'), 'ok') : badge(t('rooms.notFetched'), 'muted');
}

async function details(main, mail) {
  // today's events first: the fetch they cause is what the sync state and the warnings then describe
  let events = null;
  let failure = null;
  try {
    ({ body: events } = await api('GET', `/rooms/${segment(mail)}/events`));
  } catch (error) {
    failure = error;
  }
  const [{ body: room }, { body: profiles }] = await Promise.all([api('GET', `/rooms/${segment(mail)}`),
    api('GET', '/profiles')]);
  const profile = profiles.find((p) => p.id === room.profileId);
  const out = el('div');
  const unbind = room.bound ? confirming(el('button', { type: 'button', class: 'danger', id: 'unbind',
    text: t('rooms.unbind') }), t('rooms.unbindConfirm'), out, async () => {
    await api('DELETE', `/rooms/${segment(room.mail)}`);
    location.hash = '#/rooms';
  }) : null;
  const facts = [
    ['directory.mail', room.mail],
    ['rooms.servedBy', room.bound ? t('rooms.binding') : t('rooms.domain')],
    ['rooms.profile', profile?.name ?? room.profileId],
    ['binding.folderId', room.folderId ?? t('rooms.primaryCalendar')],
    ['binding.timeZone', room.timeZone],
    ['binding.privacy', t(`privacy.${room.privacy}`)],
    ['rooms.lastSuccess', when(room.lastSuccessAt)],
  ];
  const lastFailure = room.lastFailure;
  replace(main,
    el('div', { class: 'toolbar' }, el('h1', { id: 'room-name', text: room.name }),
      el('a', { class: 'button', href: `/signs/${segment(room.mail)}`, target: '_blank', rel: 'noopener',
        text: t('rooms.openSign') }), unbind),
    out,
    el('section', { class: 'panel' },
      el('dl', { class: 'facts' }, facts.map(([key, value]) => [el('dt', { text: t(key) }), el('dd', { text: value })]),
        el('dt', { text: t('rooms.state') }), el('dd', { id: 'sync-state' }, syncBadge(room)))),
    lastFailure ? el('div', { class: 'message error', id: 'last-failure' },
      el('p', { class: 'title', text: t('rooms.lastFailure', { at: when(lastFailure.at) }) }),
      el('p', {}, `${t('code')}: `, el('code', { class: 'code', text: lastFailure.code })),
      lastFailure.message ? el('p', { class: 'detail', text: lastFailure.message }) : null,
      lastFailure.hint ? el('p', { class: 'hint', text: lastFailure.hint }) : null) : null,
    el('section', { id: 'room-warnings' }, room.warnings.map(warning)),
    el('section', { class: 'panel' }, el('h2', { text: t('rooms.today') }),
      events ? agenda(events) : problem(failure)));
}

/** Today's events in the room's zone, as /rooms/{mail}/events gives them to door signs. */
function agenda(events) {
  if (events.events.length === 0) {
    return el('p', { class: 'help', text: t('sign.noMoreMeetings') });
  }
  const format = new Intl.DateTimeFormat(language(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    timeZone: events.room.timeZone });
  return table([t('rooms.time'), t('rooms.subject'), t('rooms.organizer'), t('rooms.showAs'),
    t('rooms.sensitivity')], events.events.map((e) => el('tr', {},
    el('td', { class: 'mono', text: e.allDay ? t('sign.allDay')
      : `${format.format(new Date(e.start))}–${format.format(new Date(e.end))}` }),
    el('td', { class: 'subject', text: e.subject ?? '' }),
    el('td', { text: e.organizer?.name ?? '' }),
    el('td', {}, badge(e.showAs, e.showAs === 'FREE' ? 'ok' : 'muted')),
    el('td', { text: e.sensitivity }))), 'events');
}
