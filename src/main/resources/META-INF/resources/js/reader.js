/**
 * A signed-in reader's controls on a paper: "Mark as read" (their own read status, Paper.readByMe) and "Save to list"
 * (one of their own lists, or a new one). Shown only when the service answered readByMe, that is for a reader.
 */
import { h, fill } from './dom.js';
import { editorToken, query } from './api.js';
import { errorMessage, readBadge } from './components.js';

const MARK_READ = `mutation MarkRead($id: ID!, $read: Boolean!) {
  markRead(paperId: $id, read: $read) { id readByMe }
}`;
const SAVE = `mutation Save($id: ID!, $list: String!) { saveToList(paperId: $id, list: $list) { list { slug name } } }`;
const MY_LISTS = `{ me { readingLists { slug name } } }`;

let lists = null; // { token, promise } of the reader's own lists, asked once per token
let ids = 0;

/** The reader's own lists, [{slug, name}], asked once per token and kept up to date by saves. */
function myLists() {
  if (lists?.token !== editorToken()) {
    lists = { token: editorToken(), promise: query(MY_LISTS).then(data => data.me?.readingLists ?? []) };
    lists.promise.catch(() => { lists = null; });
  }
  return lists.promise;
}

function remember(list) {
  myLists().then(known => {
    if (!known.some(l => l.slug === list.slug)) known.push(list);
  }, () => {});
}

/** The reader's actions on the paper, or null for anyone who is not a signed-in reader. */
export function readerActions(paper) {
  if (paper.readByMe == null) return null;
  return h('div', { class: 'reader-actions', 'data-testid': 'reader-actions' }, readToggle(paper), saveControl(paper));
}

/** A toggle button (aria-pressed) for the reader's own read status; the card's read badge follows it. */
export function readToggle(paper) {
  const box = h('div', { class: 'read-toggle' });
  const render = (error) => {
    const button = h('button', {
      type: 'button', class: 'button secondary small toggle', 'aria-pressed': String(paper.readByMe),
      'data-testid': 'read-toggle', onclick: () => toggle(button),
    }, h('span', { class: 'toggle-mark', 'aria-hidden': 'true' }), 'Mark as read');
    fill(box, button, error && errorMessage(error));
  };
  const toggle = async (button) => {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    try {
      const data = await query(MARK_READ, { id: paper.id, read: !paper.readByMe }, { withToken: true });
      paper.readByMe = data.markRead.readByMe;
      box.closest('.paper-card, .paper-header')?.querySelector(':scope > .meta > [data-testid=read-status]')
        ?.replaceWith(readBadge(paper));
      render();
      box.querySelector('button').focus();
    } catch (error) {
      render(error);
    }
  };
  render();
  return box;
}

/**
 * "Save to list": a disclosure with a form to choose one of the reader's lists or name a new one. The lists are
 * asked for when it first opens.
 */
export function saveControl(paper) {
  const id = `save-${++ids}`;
  const panel = h('div', { class: 'save-panel', id, hidden: true });
  const opener = h('button', {
    type: 'button', class: 'button secondary small', 'aria-expanded': 'false', 'aria-controls': id,
    'data-testid': 'save-to-list',
    onclick: async () => {
      const open = opener.getAttribute('aria-expanded') !== 'true';
      opener.setAttribute('aria-expanded', String(open));
      panel.hidden = !open;
      if (!open) return;
      fill(panel, h('p', { class: 'muted', role: 'status' }, 'Loading your lists…'));
      try {
        fill(panel, saveForm(paper, id, await myLists()));
        panel.querySelector('select, input').focus();
      } catch (error) {
        fill(panel, errorMessage(error));
      }
    },
  }, 'Save to list');
  return h('div', { class: 'save-control' }, opener, panel);
}

function saveForm(paper, id, known) {
  const NEW = '';
  const select = known.length ? h('select', { id: `${id}-list`, 'data-testid': 'save-list-select' },
    known.map(list => h('option', { value: list.name }, list.name)), h('option', { value: NEW }, 'A new list…'))
    : null;
  const input = h('input', { id: `${id}-name`, type: 'text', maxlength: '300', autocomplete: 'off',
    placeholder: 'To read this week', 'data-testid': 'save-list-name' });
  const nameField = h('div', { class: 'field' }, h('label', { for: input.id }, 'New list name'), input);
  const status = h('div', { class: 'save-status', role: 'status', 'data-testid': 'save-status' });
  const showName = () => { nameField.hidden = Boolean(select) && select.value !== NEW; };
  select?.addEventListener('change', showName);
  showName();
  const form = h('form', {
    class: 'save-form', 'data-testid': 'save-form',
    onsubmit: async event => {
      event.preventDefault();
      const name = (select && select.value !== NEW ? select.value : input.value).trim();
      if (!name) {
        fill(status, 'Choose a list or type a name for a new one.');
        input.focus();
        return;
      }
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const { saveToList } = await query(SAVE, { id: paper.id, list: name }, { withToken: true });
        remember(saveToList.list);
        fill(status, 'Saved to ', h('a', { href: '#/library' }, saveToList.list.name), '.');
      } catch (error) {
        fill(status, errorMessage(error));
      } finally {
        button.disabled = false;
      }
    },
  },
  select && h('div', { class: 'field' }, h('label', { for: select.id }, 'List'), select),
  nameField,
  h('button', { class: 'button small', type: 'submit', 'data-testid': 'save-submit' }, 'Save'));
  return [form, status];
}

/** For a reader's view seen anonymously: what signing in gives, and the button that opens the token dialog. */
export function signInPrompt(title, text) {
  return h('div', { class: 'empty', 'data-testid': 'sign-in-prompt' }, h('p', { class: 'empty-title' }, title),
    h('p', {}, text),
    h('p', {}, h('button', { type: 'button', class: 'button', 'data-open-token': '' }, 'Sign in')));
}
