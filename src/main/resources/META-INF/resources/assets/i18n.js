// Every text of the console and the door-sign page, in English and German. The language is the browser's unless
// ?lang= or the console's switch (kept in localStorage) says otherwise.

const STORAGE = 'calendarGateway.language';

const dictionary = {
  en: {
    'language': 'Language',
    'loading': 'Loading…',
    'signOut': 'Sign out',
    'signIn.title': 'Sign in',
    'signIn.help': 'Sign in with an admin token of this gateway (gateway.admin.tokens). It is kept in this browser tab only and sent as Authorization: Bearer.',
    'signIn.token': 'Admin token',
    'signIn.submit': 'Sign in',
    'error.unreachable': 'The gateway cannot be reached.',
    'nav.profiles': 'Profiles',
    'save': 'Save',
    'cancel': 'Cancel',
    'edit': 'Edit',
    'delete': 'Delete',
    'delete.confirm': 'Really delete?',
    'never': 'never',
    'code': 'Code',
    'detail': 'Detail',
    'hint': 'What to do',
    'duration': 'Duration',
    'profiles.title': 'Connection profiles',
    'profiles.new': 'New profile',
    'profiles.edit': 'Edit {name}',
    'profiles.none': 'No profiles yet. Create one for your Exchange server or Microsoft 365 tenant.',
    'profile.name': 'Name',
    'profile.kind': 'Kind',
    'profile.auth': 'Sign-in',
    'profile.endpoint': 'Endpoint',
    'profile.domains': 'Mail domains',
    'profile.domainsHelp': 'Rooms of these domains are served without a binding (comma-separated).',
    'profile.warnings': 'Warnings',
    'profile.autodiscover': 'Autodiscover',
    'profile.autodiscoverEmail': 'Autodiscover address',
    'profile.autodiscoverHelp': 'A mailbox address of the organisation; Autodiscover finds its EWS endpoint with the credentials below.',
    'profile.serviceUrl': 'Service URL',
    'profile.serviceUrlHelp': 'EWS: https://host/EWS/Exchange.asmx (may stay empty with an autodiscover address). Graph: empty for https://graph.microsoft.com/v1.0.',
    'profile.tenantId': 'Tenant ID',
    'profile.username': 'User name',
    'profile.password': 'Password',
    'profile.domain': 'Windows domain',
    'profile.clientId': 'Client ID',
    'profile.clientSecret': 'Client secret',
    'profile.tokenUrl': 'Token URL',
    'profile.tokenUrlHelp': 'Empty for Entra ID of the tenant above.',
    'profile.scope': 'Scope',
    'profile.authorityUrl': 'Authority URL',
    'profile.access': 'Mailbox access',
    'profile.timeZone': 'Time zone',
    'profile.proxy': 'Proxy',
    'profile.caBundlePem': 'CA certificates (PEM)',
    'profile.insecureSkipVerify': 'TLS verification',
    'profile.insecureSkipVerifyHelp': 'Skip certificate checks (insecure: for tests only)',
    'profile.secrets': 'Stored secrets',
    'profile.passwordSet': 'password',
    'profile.clientSecretSet': 'client secret',
    'secret.keep': 'stored; leave empty to keep it',
    'auth.NTLM': 'NTLM',
    'auth.BASIC': 'Basic',
    'auth.OAUTH2_CLIENT_CREDENTIALS': 'OAuth2 client credentials',
    'auth.OAUTH2_PASSWORD': 'OAuth2 password (legacy)',
    'access.IMPERSONATION': 'Impersonation',
    'access.DELEGATE': 'Delegate access',
    'autodiscover.found': 'Found by {method}:',
    'autodiscover.url': 'Tried',
    'autodiscover.outcome': 'Outcome',
    'test.title': 'Test the connection',
    'test.help': 'Runs every step from token to calendar read against a mailbox, and says what to fix.',
    'test.mailbox': 'Mailbox',
    'test.run': 'Run test',
    'test.ok': 'Every step passed.',
    'test.failed': 'A step failed: see its hint.',
    'test.step': 'Step',
    'test.status': 'Result',
    'step.token': 'Token',
    'step.tls': 'TLS',
    'step.authentication': 'Sign-in',
    'step.serverVersion': 'Server version',
    'step.mailboxAccess': 'Mailbox access',
    'step.calendarRead': 'Calendar read',
    'status.OK': 'OK',
    'status.FAILED': 'failed',
    'status.SKIPPED': 'skipped',
    'status.WARNING': 'warning',
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
    'language': 'Sprache',
    'loading': 'Wird geladen…',
    'signOut': 'Abmelden',
    'signIn.title': 'Anmelden',
    'signIn.help': 'Mit einem Admin-Token dieses Gateways anmelden (gateway.admin.tokens). Es bleibt nur in diesem Browser-Tab und wird als Authorization: Bearer gesendet.',
    'signIn.token': 'Admin-Token',
    'signIn.submit': 'Anmelden',
    'error.unreachable': 'Das Gateway ist nicht erreichbar.',
    'nav.profiles': 'Profile',
    'save': 'Speichern',
    'cancel': 'Abbrechen',
    'edit': 'Bearbeiten',
    'delete': 'Löschen',
    'delete.confirm': 'Wirklich löschen?',
    'never': 'nie',
    'code': 'Code',
    'detail': 'Details',
    'hint': 'Was tun',
    'duration': 'Dauer',
    'profiles.title': 'Verbindungsprofile',
    'profiles.new': 'Neues Profil',
    'profiles.edit': '{name} bearbeiten',
    'profiles.none': 'Noch keine Profile. Legen Sie eines für Ihren Exchange-Server oder Ihren Microsoft-365-Tenant an.',
    'profile.name': 'Name',
    'profile.kind': 'Art',
    'profile.auth': 'Anmeldung',
    'profile.endpoint': 'Endpunkt',
    'profile.domains': 'Mail-Domänen',
    'profile.domainsHelp': 'Räume dieser Domänen werden ohne Zuordnung bedient (durch Kommas getrennt).',
    'profile.warnings': 'Warnungen',
    'profile.autodiscover': 'Autodiscover',
    'profile.autodiscoverEmail': 'Autodiscover-Adresse',
    'profile.autodiscoverHelp': 'Eine Postfachadresse der Organisation; Autodiscover findet damit und mit den Anmeldedaten unten den EWS-Endpunkt.',
    'profile.serviceUrl': 'Dienst-URL',
    'profile.serviceUrlHelp': 'EWS: https://host/EWS/Exchange.asmx (darf mit Autodiscover-Adresse leer bleiben). Graph: leer für https://graph.microsoft.com/v1.0.',
    'profile.tenantId': 'Tenant-ID',
    'profile.username': 'Benutzername',
    'profile.password': 'Kennwort',
    'profile.domain': 'Windows-Domäne',
    'profile.clientId': 'Client-ID',
    'profile.clientSecret': 'Client-Geheimnis',
    'profile.tokenUrl': 'Token-URL',
    'profile.tokenUrlHelp': 'Leer für Entra ID des Tenants oben.',
    'profile.scope': 'Scope',
    'profile.authorityUrl': 'Authority-URL',
    'profile.access': 'Postfachzugriff',
    'profile.timeZone': 'Zeitzone',
    'profile.proxy': 'Proxy',
    'profile.caBundlePem': 'CA-Zertifikate (PEM)',
    'profile.insecureSkipVerify': 'TLS-Prüfung',
    'profile.insecureSkipVerifyHelp': 'Zertifikate nicht prüfen (unsicher: nur für Tests)',
    'profile.secrets': 'Gespeicherte Geheimnisse',
    'profile.passwordSet': 'Kennwort',
    'profile.clientSecretSet': 'Client-Geheimnis',
    'secret.keep': 'gespeichert; leer lassen, um es zu behalten',
    'auth.NTLM': 'NTLM',
    'auth.BASIC': 'Basic',
    'auth.OAUTH2_CLIENT_CREDENTIALS': 'OAuth2 Client Credentials',
    'auth.OAUTH2_PASSWORD': 'OAuth2 Kennwort (veraltet)',
    'access.IMPERSONATION': 'Identitätswechsel (Impersonation)',
    'access.DELEGATE': 'Stellvertretung (Delegate)',
    'autodiscover.found': 'Gefunden per {method}:',
    'autodiscover.url': 'Versucht',
    'autodiscover.outcome': 'Ergebnis',
    'test.title': 'Verbindung testen',
    'test.help': 'Prüft jeden Schritt vom Token bis zum Lesen des Kalenders an einem Postfach und sagt, was zu beheben ist.',
    'test.mailbox': 'Postfach',
    'test.run': 'Test starten',
    'test.ok': 'Alle Schritte erfolgreich.',
    'test.failed': 'Ein Schritt ist fehlgeschlagen: siehe seinen Hinweis.',
    'test.step': 'Schritt',
    'test.status': 'Ergebnis',
    'step.token': 'Token',
    'step.tls': 'TLS',
    'step.authentication': 'Anmeldung',
    'step.serverVersion': 'Serverversion',
    'step.mailboxAccess': 'Postfachzugriff',
    'step.calendarRead': 'Kalender lesen',
    'status.OK': 'OK',
    'status.FAILED': 'fehlgeschlagen',
    'status.SKIPPED': 'übersprungen',
    'status.WARNING': 'Warnung',
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
