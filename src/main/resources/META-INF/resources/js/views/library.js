/** My library: the signed-in reader's own lists with their papers, and what they have read, with when. */
import { h, fill, formatDay, plural } from '../dom.js';
import { query } from '../api.js';
import { kindBadge, paperHref, load, emptyState, countLabel, errorMessage } from '../components.js';
import { readToggle, signInPrompt } from '../reader.js';

const SHOWN = 50;
const ROW_FIELDS = `id slug title kind year readByMe`;

const LIBRARY = `{
  me {
    readingLists { slug name entriesConnection(first: ${SHOWN}) { totalCount nodes { paper { ${ROW_FIELDS} } } } }
    read(first: 0) { totalCount }
    readHistory(first: ${SHOWN}) { readAt paper { ${ROW_FIELDS} } }
  }
}`;

export function libraryView() {
  document.title = 'My library · readnext';
  const body = h('div');
  load(body, ({ me }) => (me ? render(me) : signInPrompt('Sign in to see your library.',
    'Your lists and the papers you marked read are kept for you: paste your token to see them.')),
  () => query(LIBRARY));
  return h('section', { class: 'view view-library' }, h('h1', { tabindex: '-1' }, 'My library'), body);
}

const EXPORT = 'query Export($format: LibraryFormat!) { me { export(format: $format) } }';
const IMPORT = `mutation Import($name: String!, $content: String!) {
  importReadingList(name: $name, content: $content) { created merged unchanged warnings { line message } }
}`;
const FORMATS = [
  { format: 'BIBTEX', label: 'BibTeX', file: 'readnext-library.bib', type: 'application/x-bibtex' },
  { format: 'CSL_JSON', label: 'CSL-JSON', file: 'readnext-library.json', type: 'application/vnd.citationstyles.csl+json' },
];

function render(me) {
  return [
    h('section', { class: 'library-section', 'aria-labelledby': 'library-lists' },
      h('h2', { id: 'library-lists' }, 'My lists'),
      me.readingLists.length
        ? h('ul', { class: 'library-lists', 'data-testid': 'my-lists' }, me.readingLists.map(listCard))
        : emptyState('No lists yet.', 'Use “Save to list” on any paper to start one.')),
    h('section', { class: 'library-section', 'aria-labelledby': 'library-read' },
      h('h2', { id: 'library-read' }, 'Read'),
      me.readHistory.length
        ? [h('p', { class: 'result-count' }, countLabel(me.read.totalCount, 'paper'), ' read, the most recent first',
          me.read.totalCount > me.readHistory.length ? ` (the last ${me.readHistory.length} shown)` : ''),
        h('ol', { class: 'library-rows', 'data-testid': 'read-history' }, me.readHistory.map(({ readAt, paper }) =>
          h('li', { class: 'library-row', 'data-testid': 'read-entry' },
            h('time', { datetime: readAt, class: 'read-at', 'data-testid': 'read-at' }, `Read ${formatDay(readAt)}`),
            paperRow(paper))))]
        : emptyState('Nothing read yet.', 'Use “Mark as read” on any paper you have read.')),
    transfer(),
  ];
}

/** Export (BibTeX, CSL-JSON: the papers in my lists and those I read) and import of a file as one of my lists. */
function transfer() {
  const status = h('div', { class: 'save-status', role: 'status', 'data-testid': 'transfer-status' });
  const exports = FORMATS.map(({ format, label, file, type }) => h('button', {
    type: 'button', class: 'button secondary small', 'data-testid': `export-${format.toLowerCase()}`,
    onclick: async () => {
      try {
        const { me } = await query(EXPORT, { format });
        const link = h('a', { href: URL.createObjectURL(new Blob([me.export], { type })), download: file });
        link.click();
        setTimeout(() => URL.revokeObjectURL(link.href), 0);
        fill(status, `Downloaded ${file}.`);
      } catch (error) {
        fill(status, errorMessage(error));
      }
    },
  }, `Download ${label}`));
  const name = h('input', { id: 'import-name', type: 'text', maxlength: '200', required: true, autocomplete: 'off',
    placeholder: 'From Zotero', 'data-testid': 'import-name' });
  const file = h('input', { id: 'import-file', type: 'file', required: true, accept: '.bib,.bibtex,.md,.txt,text/*',
    'data-testid': 'import-file' });
  const form = h('form', {
    class: 'save-form', 'data-testid': 'import-form',
    onsubmit: async event => {
      event.preventDefault();
      const button = form.querySelector('button[type=submit]');
      button.disabled = true;
      try {
        const content = await file.files[0].text();
        const { importReadingList: report } = await query(IMPORT, { name: name.value.trim(), content },
          { withToken: true });
        fill(status, `Imported into “${name.value.trim()}”: ${plural(report.created, 'new paper')},`
          + ` ${report.merged + report.unchanged} already known`,
          report.warnings.length ? `, ${plural(report.warnings.length, 'line')} skipped` : '', '. ',
          h('a', { href: '#/library', onclick: () => window.dispatchEvent(new HashChangeEvent('hashchange')) },
            'Show my lists'));
      } catch (error) {
        fill(status, errorMessage(error));
      } finally {
        button.disabled = false;
      }
    },
  },
  h('div', { class: 'field' }, h('label', { for: name.id }, 'List name'), name),
  h('div', { class: 'field' }, h('label', { for: file.id }, 'File (BibTeX or a markdown list)'), file),
  h('button', { class: 'button small', type: 'submit', 'data-testid': 'import-submit' }, 'Import'));
  return h('section', { class: 'library-section', 'aria-labelledby': 'library-transfer' },
    h('h2', { id: 'library-transfer' }, 'Export and import'),
    h('p', { class: 'muted' }, 'Your library (the papers in your lists and those you read) for Zotero, Mendeley or'
      + ' LaTeX; a BibTeX file or a markdown list imported becomes one of your lists, private to you.'),
    h('p', { class: 'transfer-exports' }, exports),
    form, status);
}

function listCard(list) {
  const { totalCount, nodes } = list.entriesConnection;
  return h('li', { class: 'card library-list', 'data-testid': 'my-list' },
    h('h3', {}, list.name, ' ', h('span', { class: 'badge', 'aria-label': plural(totalCount, 'paper') }, totalCount)),
    h('ol', { class: 'library-rows' }, nodes.map(({ paper }) =>
      h('li', { class: 'library-row', 'data-testid': 'list-entry' }, paperRow(paper)))),
    totalCount > nodes.length ? h('p', { class: 'muted' }, `and ${totalCount - nodes.length} more`) : null);
}

function paperRow(paper) {
  return h('div', { class: 'row-body' },
    h('p', { class: 'row-title' }, h('a', { href: paperHref(paper) }, paper.title), ' ', kindBadge(paper.kind),
      paper.year ? h('span', { class: 'muted' }, ` ${paper.year}`) : null),
    readToggle(paper));
}
