// Every text of the console and the door-sign page, in English and German. The language is the browser's unless
// ?lang= or the console's switch (kept in localStorage) says otherwise.

const STORAGE = 'calendarGateway.language';

const dictionary = {
  en: {
    'sign.title': 'Door sign',
    'sign.loading': 'Loading…',
    'sign.free': 'FREE',
    'sign.busy': 'BUSY',
    'sign.freeUntil': 'Free until {time}',
    'sign.freeNoMore': 'Free, no further meetings',
    'sign.busyUntil': 'Busy until {time}',
    'sign.endsAt': 'until {time}',
    'sign.left': '{duration} left',
    'sign.later': 'Later today',
    'sign.allDay': 'All day',
    'sign.noMoreMeetings': 'No more meetings today',
    'sign.busySubject': 'Busy',
    'sign.offlineSince': 'Offline since {time}: showing the last known schedule',
    'sign.noRoom': 'No room in the address: open /signs/<room address>#key=<device key>',
    'sign.noKey': 'This sign has no device key: open /signs/{mail}#key=<device key>',
    'sign.refused': 'The gateway refused this sign (HTTP {status}): {detail}',
    'duration.minutes': '{m} min',
    'duration.hours': '{h} h {m} min',
  },
  de: {
    'sign.title': 'Türschild',
    'sign.loading': 'Wird geladen…',
    'sign.free': 'FREI',
    'sign.busy': 'BELEGT',
    'sign.freeUntil': 'Frei bis {time}',
    'sign.freeNoMore': 'Frei, keine weiteren Termine',
    'sign.busyUntil': 'Belegt bis {time}',
    'sign.endsAt': 'bis {time}',
    'sign.left': 'noch {duration}',
    'sign.later': 'Später heute',
    'sign.allDay': 'Ganztägig',
    'sign.noMoreMeetings': 'Heute keine weiteren Termine',
    'sign.busySubject': 'Belegt',
    'sign.offlineSince': 'Offline seit {time}: zuletzt bekannter Belegungsplan',
    'sign.noRoom': 'Kein Raum in der Adresse: /signs/<Raumadresse>#key=<Geräteschlüssel> öffnen',
    'sign.noKey': 'Dieses Türschild hat keinen Geräteschlüssel: /signs/{mail}#key=<Geräteschlüssel> öffnen',
    'sign.refused': 'Das Gateway hat dieses Türschild abgewiesen (HTTP {status}): {detail}',
    'duration.minutes': '{m} Min.',
    'duration.hours': '{h} Std. {m} Min.',
  },
};

export const LANGUAGES = Object.keys(dictionary);

let current = initial();

function initial() {
  const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(STORAGE);
  if (LANGUAGES.includes(asked)) {
    return asked;
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = String(tag).slice(0, 2).toLowerCase();
    if (LANGUAGES.includes(base)) {
      return base;
    }
  }
  return 'en';
}

export function language() {
  return current;
}

/** Switches and remembers the language; the caller renders again. */
export function setLanguage(lang) {
  if (LANGUAGES.includes(lang)) {
    current = lang;
    localStorage.setItem(STORAGE, lang);
  }
}

/** The text of a key in the current language, with {name} placeholders filled in. */
export function t(key, params = {}) {
  const text = dictionary[current][key] ?? dictionary.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** "25 min" or "1 h 20 min". */
export function duration(minutes) {
  const m = Math.max(0, Math.round(minutes));
  return m < 60 ? t('duration.minutes', { m }) : t('duration.hours', { h: Math.floor(m / 60), m: m % 60 });
}

/** Fills [data-i18n] (text) and [data-i18n-placeholder] elements below root, and the document's language. */
export function translate(root = document) {
  document.documentElement.lang = current;
  for (const node of root.querySelectorAll('[data-i18n]')) {
    node.textContent = t(node.dataset.i18n);
  }
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
}
