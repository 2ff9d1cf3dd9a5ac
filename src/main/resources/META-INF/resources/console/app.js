// The console's frame: sign-in, navigation between views (#/<view>/...), language switch.
import { el, replace } from '/assets/dom.js';
import { language, setLanguage, t, translate } from '/assets/i18n.js';
import { forgetToken, signIn, token, whenUnauthorized } from './api.js';
import { problem } from './ui.js';
import * as devices from './devices.js';
import * as directory from './directory.js';
import * as profiles from './profiles.js';
import * as rooms from './rooms.js';

/** Each view renders itself into <main> from the rest of the route: #/profiles/<id>/edit → ['<id>', 'edit']. */
const views = { profiles, directory, rooms, devices };

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');

function showSignIn(error) {
  nav.hidden = true;
  signOut.hidden = true;
  const input = el('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'current-password',
    required: true });
  const out = el('div', { id: 'sign-in-problem' }, error ? problem(error) : null);
  const submit = el('button', { type: 'submit', class: 'primary', id: 'sign-in', text: t('signIn.submit') });
  const form = el('form', { on: { submit: async (event) => {
    event.preventDefault();
    submit.disabled = true;
    try {
      await signIn(input.value.trim());
      route();
    } catch (failure) {
      replace(out, problem(failure));
    } finally {
      submit.disabled = false;
    }
  } } }, el('label', { for: 'token', text: t('signIn.token') }), input, submit);
  replace(main, el('section', { class: 'panel signin' },
    el('h1', { text: t('signIn.title') }),
    el('p', { class: 'help', text: t('signIn.help') }), form, out));
  input.focus();
}

function renderNav(current) {
  replace(nav, Object.entries(views).map(([name, view]) => el('a', {
    href: `#/${name}`, 'aria-current': name === current ? 'page' : null, text: t(view.title),
  })));
  nav.hidden = false;
  signOut.hidden = false;
}

async function route() {
  if (!token()) {
    showSignIn();
    return;
  }
  const [name, ...rest] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const current = views[name] ? name : 'profiles';
  renderNav(current);
  // each route renders into a container of its own: what an earlier, slower route renders later is never seen
  const container = el('div', {}, el('p', { class: 'help', text: t('loading') }));
  replace(main, container);
  try {
    await views[current].render(container, rest.filter(Boolean));
  } catch (error) {
    if (token()) {
      replace(container, problem(error));
    }
  }
}

// a rejected token (rotated, or the gateway restarted with others) leads back to the sign-in form with the reason
whenUnauthorized((error) => {
  forgetToken();
  showSignIn(error);
});

signOut.addEventListener('click', () => {
  forgetToken();
  location.hash = '';
  showSignIn();
});

const languages = document.getElementById('language');
languages.value = language();
languages.addEventListener('change', () => {
  setLanguage(languages.value);
  translate();
  route();
});

window.addEventListener('hashchange', route);
translate();
route();
