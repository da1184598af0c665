/** The page shell: hash routes to views, the navigation, the skip link, the token dialog and signing out. */
import { h, fill } from './dom.js';
import { editorToken, readerName, readerToken, setEditorToken, tokenClaims } from './api.js';
import { nextView } from './views/next.js';
import { searchView } from './views/search.js';
import { paperView } from './views/paper.js';
import { topicsView, topicView } from './views/topics.js';
import { courseView } from './views/course.js';
import { pathView } from './views/path.js';
import { libraryView } from './views/library.js';
import { forYouView } from './views/foryou.js';
import { emptyState } from './components.js';

const ROUTES = [
  [/^\/?$/, () => nextView('')],
  [/^\/next\/(.*)$/, ([text]) => nextView(text)],
  [/^\/search$/, (_, params) => searchView(params)],
  [/^\/paper\/(.+)$/, ([key]) => paperView(key)],
  [/^\/topics$/, () => topicsView()],
  [/^\/topic\/(.+)$/, ([slug], params) => topicView(slug, params)],
  [/^\/course\/?(.*)$/, ([slug]) => courseView(slug || 'llm-901')],
  [/^\/path\/(.+)$/, ([slug]) => pathView(slug)],
  [/^\/library$/, () => libraryView()],
  [/^\/for-you$/, () => forYouView()],
];

const main = document.getElementById('main');

function route() {
  const [path, queryString = ''] = location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(queryString);
  for (const [pattern, view] of ROUTES) {
    const match = path.match(pattern);
    if (match) {
      show(view(match.slice(1).map(decode), params), path);
      return;
    }
  }
  show(h('section', { class: 'view' }, h('h1', { tabindex: '-1' }, 'Page not found'),
    emptyState('There is no page here.', h('a', { href: '#/' }, 'Ask what to read next'))), path);
}

function decode(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Each view renders into its own element: late answers for a view already left land in a detached element. */
function show(view, path) {
  const section = path.split('/')[1] || 'next';
  for (const link of document.querySelectorAll('.site-nav a')) {
    if (link.dataset.section.split(' ').includes(section)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  fill(main, view);
}

/**
 * After a navigation, and when a view has loaded, its heading takes focus so that keyboard and screen reader users
 * start there; unless the view kept the focus on one of its own controls (the search filters do).
 */
function focusHeading() {
  const focused = document.activeElement;
  if (focused === document.body || focused === main || !main.contains(focused)) {
    main.querySelector('h1')?.focus({ preventScroll: true });
  }
}

function tokenDialog() {
  const dialog = document.getElementById('token-dialog');
  const input = dialog.querySelector('textarea');
  const status = dialog.querySelector('[data-testid=token-status]');
  const describe = () => {
    const claims = editorToken() && tokenClaims();
    fill(status, !editorToken() ? 'No token: you can browse, but not mark papers read.'
      : !claims ? 'A token is set, but it does not look like a JWT.'
        : [`Token for ${claims.upn ?? claims.sub ?? 'an unnamed user'}`,
          claims.groups ? `, groups: ${claims.groups.join(', ')}` : '',
          claims.exp ? `, expires ${new Date(claims.exp * 1000).toLocaleString()}` : '', '.']);
  };
  document.addEventListener('click', event => {
    if (event.target.closest('[data-open-token]')) {
      input.value = editorToken() ?? '';
      describe();
      dialog.showModal();
    }
  });
  dialog.querySelector('form').addEventListener('submit', event => {
    if (event.submitter?.value === 'save') setEditorToken(input.value.trim() || null);
    if (event.submitter?.value === 'clear') setEditorToken(null);
  });
  // a reader's token shows their name, an expired one asks for a new one; any other token (an editor's) "Editor ✓"
  const updateButton = () => {
    const button = document.querySelector('[data-testid=token-button]');
    button.textContent = readerToken() ? `${readerName()} ✓` : tokenClaims()?.sub ? 'Sign in again'
      : editorToken() ? 'Editor ✓' : 'Sign in';
    button.classList.toggle('active', Boolean(editorToken()));
    document.querySelector('[data-sign-out]').hidden = !editorToken();
    for (const link of document.querySelectorAll('[data-reader-only]')) link.hidden = !readerToken();
  };
  document.querySelector('[data-sign-out]').addEventListener('click', () => {
    setEditorToken(null);
    document.querySelector('[data-testid=token-button]').focus();
  });
  window.addEventListener('editor-token', () => { updateButton(); route(); });
  updateButton();
}

document.querySelector('.skip-link').addEventListener('click', event => {
  event.preventDefault();
  main.focus();
});
window.addEventListener('hashchange', () => { route(); focusHeading(); });
main.addEventListener('view-loaded', () => {
  if (document.activeElement === document.body || document.activeElement === main) focusHeading();
});
tokenDialog();
route();
