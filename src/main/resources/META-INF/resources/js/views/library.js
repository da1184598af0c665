/** My library: the signed-in reader's own lists with their papers, and what they have read, with when. */
import { h, formatDay, plural } from '../dom.js';
import { query } from '../api.js';
import { kindBadge, paperHref, load, emptyState, countLabel } from '../components.js';
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
  ];
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
