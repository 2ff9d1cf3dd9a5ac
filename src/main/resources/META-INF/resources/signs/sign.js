// The reference door sign: polls a room's status and today's events with the device key, and keeps showing the
// last known schedule while the gateway cannot be reached or answers stale.
import { duration, language, t, translate } from '/assets/i18n.js';
import { el, replace } from '/assets/dom.js';

const KEY_STORAGE = 'calendarGateway.deviceKey';
/** Polls follow the answers' Cache-Control max-age, within these bounds (seconds). */
const MIN_POLL = 5;
const MAX_POLL = 300;

const $ = (id) => document.getElementById(id);
const mail = decodeURIComponent(location.pathname.replace(/^\/signs\/?/, '').replace(/\/+$/, '')).trim();
const query = new URLSearchParams(location.search);
if (query.get('theme') === 'eink') {
  document.documentElement.dataset.theme = 'eink';
}

const shown = { room: null, status: null, events: [], etag: null, offlineSince: null, problem: null };
let renderedMinute = null;

/** The key from the URL fragment (#key=...), remembered, and taken out of the visible address at once. */
function deviceKey() {
  const fromUrl = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromUrl) {
    localStorage.setItem(KEY_STORAGE, fromUrl);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return localStorage.getItem(KEY_STORAGE);
}

function call(what, key, etag) {
  const headers = { 'X-Api-Key': key };
  if (etag) {
    headers['If-None-Match'] = etag;
  }
  // no-store: the page keeps its own copy and asks with If-None-Match, the browser's cache stays out of it
  return fetch(`/rooms/${encodeURIComponent(mail)}/${what}`, { headers, cache: 'no-store' });
}

function maxAge(response) {
  const match = /max-age=(\d+)/.exec(response.headers.get('Cache-Control') ?? '');
  const seconds = match ? Number(match[1]) : MIN_POLL;
  return Math.min(MAX_POLL, Math.max(MIN_POLL, seconds));
}

async function detail(response) {
  try {
    return (await response.json()).detail ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

function offline(since) {
  shown.offlineSince ??= since;
}

async function poll(key) {
  let next = MIN_POLL;
  try {
    const [status, events] = await Promise.all([call('status', key), call('events', key, shown.etag)]);
    next = Math.min(maxAge(status), maxAge(events));
    const refused = [status, events].find((r) => r.status >= 400 && r.status < 500);
    if (refused) {
      // a revoked key or an unserved room: nothing to show until someone fixes it
      shown.problem = t('sign.refused', { status: refused.status, detail: await detail(refused) });
      Object.assign(shown, { room: null, status: null, events: [], etag: null, offlineSince: null });
    } else if (!status.ok || !(events.ok || events.status === 304)) {
      offline(new Date());
    } else {
      shown.problem = null;
      shown.status = await status.json();
      if (events.status !== 304) {
        const body = await events.json();
        Object.assign(shown, { room: body.room, events: body.events, etag: events.headers.get('ETag') });
      }
      if (shown.status.stale) {
        offline(new Date(shown.status.fetchedAt));
      } else {
        shown.offlineSince = null;
      }
    }
  } catch {
    // the gateway cannot be reached at all
    offline(new Date());
  }
  render();
  setTimeout(() => poll(key), next * 1000);
}

/** While offline the status is worked out here from the last events, as the gateway would (busy: not free). */
function localStatus(events, now) {
  const busy = events.filter((e) => !e.cancelled && e.showAs !== 'FREE');
  const at = now.getTime();
  const current = busy.find((e) => Date.parse(e.start) <= at && Date.parse(e.end) > at) ?? null;
  const next = busy.find((e) => Date.parse(e.start) > at) ?? null;
  if (!current) {
    return { state: 'FREE', current: null, next, freeUntil: next?.start ?? null, busyUntil: null };
  }
  let until = Date.parse(current.end);
  for (let extended = true; extended;) {
    extended = false;
    for (const e of busy) {
      if (Date.parse(e.start) <= until && Date.parse(e.end) > until) {
        until = Date.parse(e.end);
        extended = true;
      }
    }
  }
  return { state: 'BUSY', current, next, freeUntil: null, busyUntil: new Date(until).toISOString() };
}

function formatter(options) {
  try {
    return new Intl.DateTimeFormat(language(), { ...options, timeZone: shown.room?.timeZone });
  } catch {
    return new Intl.DateTimeFormat(language(), options);
  }
}

function time(value) {
  return formatter({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}

function span(event) {
  return event.allDay ? t('sign.allDay') : `${time(event.start)}–${time(event.end)}`;
}

function remaining(event, now) {
  return `${t('sign.endsAt', { time: time(event.end) })} · ${t('sign.left', {
    duration: duration((Date.parse(event.end) - now.getTime()) / 60000),
  })}`;
}

/** Clock and remaining time every second; everything else when data arrives or the minute changes. */
function tick() {
  const now = new Date();
  $('clock').textContent = time(now);
  $('date').textContent = formatter({ weekday: 'long', day: 'numeric', month: 'long' }).format(now);
  const minute = Math.floor(now.getTime() / 60000);
  if (minute !== renderedMinute) {
    render();
  }
}

function render() {
  const now = new Date();
  renderedMinute = Math.floor(now.getTime() / 60000);
  const sign = $('sign');
  const name = shown.room?.name ?? mail;
  $('room-name').textContent = name;
  document.title = `${name} · ${t('sign.title')}`;
  $('clock').textContent = time(now);
  const notice = $('notice');
  notice.hidden = !(shown.problem || shown.offlineSince);
  notice.textContent = shown.problem ?? (shown.offlineSince ? t('sign.offlineSince', { time: time(shown.offlineSince) }) : '');

  const status = shown.offlineSince ? localStatus(shown.events, now) : shown.status;
  if (!status) {
    sign.dataset.state = shown.problem ? 'PROBLEM' : 'LOADING';
    $('state').textContent = shown.problem ? '' : t('sign.loading');
    $('until').textContent = '';
    $('current').hidden = true;
    replace($('agenda'));
    $('agenda-empty').hidden = true;
    return;
  }
  sign.dataset.state = status.state;
  $('state').textContent = t(status.state === 'BUSY' ? 'sign.busy' : 'sign.free');
  if (status.state === 'BUSY') {
    $('until').textContent = status.busyUntil ? t('sign.busyUntil', { time: time(status.busyUntil) }) : '';
  } else {
    $('until').textContent = status.freeUntil ? t('sign.freeUntil', { time: time(status.freeUntil) }) : t('sign.freeNoMore');
  }
  const current = status.current;
  $('current').hidden = !current;
  if (current) {
    $('current-subject').textContent = current.subject ?? t('sign.busySubject');
    $('current-organizer').textContent = current.organizer?.name ?? '';
    $('current-time').textContent = remaining(current, now);
  }
  const later = shown.events.filter((e) => Date.parse(e.end) > now.getTime() && e.id !== current?.id);
  replace($('agenda'), later.map((e) => el('li', {},
    el('span', { class: 'time', text: span(e) }),
    el('span', { class: 'what', text: e.subject ?? t('sign.busySubject') }),
    e.organizer?.name ? el('span', { class: 'who', text: e.organizer.name }) : null)));
  $('agenda-empty').hidden = later.length > 0;
}

function start() {
  // a new key pasted into the address of an open sign is a same-page navigation: take it and start again
  window.addEventListener('hashchange', () => {
    if (new URLSearchParams(location.hash.slice(1)).has('key')) {
      deviceKey();
      location.reload();
    }
  });
  translate();
  const key = deviceKey();
  if (!mail) {
    shown.problem = t('sign.noRoom');
  } else if (!key) {
    shown.problem = t('sign.noKey', { mail });
  }
  render();
  setInterval(tick, 1000);
  if (!shown.problem) {
    poll(key);
  }
}

start();
