/** A paper: TL;DR, links, the reading lists and course sessions it is in, and related papers. */
import { h, formatDate } from '../dom.js';
import { query } from '../api.js';
import {
  PAPER_FIELDS, meta, paperLinks, markReadControl, recommendationCard, load, emptyState,
} from '../components.js';
import { readerActions } from '../reader.js';

const PAPER = `query Paper($id: ID, $slug: String) {
  paper(id: $id, slug: $slug) {
    ${PAPER_FIELDS} abstract authors aliases
    topics { slug name }
    lists { list { slug name } section read }
    sessions { label date title section { number title } }
    related(first: 6) { score reasons sharedTerms paper { ${PAPER_FIELDS} } }
  }
  courses { slug title }
}`;

export function paperView(key) {
  const view = h('section', { class: 'view view-paper' });
  // slugs are lowercase; a global id ("UGFwZXI6NQ") has capitals, a databaseId only digits
  const variables = /^\d+$|[A-Z]/.test(key) ? { id: key } : { slug: key };
  load(view, render, () => query(PAPER, variables));
  return view;
}

function render({ paper, courses }) {
  document.title = `${paper.title} · readnext`;
  return h('article', { 'data-testid': 'paper' },
    h('header', { class: 'paper-header', 'data-testid': 'paper-header' },
      h('h1', { tabindex: '-1' }, paper.title),
      meta(paper),
      paper.authors.length ? h('p', { class: 'authors' }, paper.authors.join(', ')) : null,
      paper.aliases.length ? h('p', { class: 'aliases' }, 'Also known as ', paper.aliases.join(', ')) : null,
      paperLinks(paper),
      h('p', {}, h('a', { class: 'button secondary', href: `#/next/${encodeURIComponent(paper.title)}` },
        'What to read after this →')),
      markReadControl(paper),
      readerActions(paper)),
    paper.tldr && section('TL;DR', h('p', { class: 'tldr lead' }, paper.tldr)),
    paper.abstract && section('Abstract', h('p', { class: 'abstract' }, paper.abstract)),
    paper.topics.length ? section('Topics', h('ul', { class: 'chips' }, paper.topics.map(t =>
      h('li', {}, h('a', { class: 'chip topic', href: `#/topic/${encodeURIComponent(t.slug)}` }, t.name))))) : null,
    section('Reading lists', paper.lists.length
      ? h('ul', { class: 'plain-list', 'data-testid': 'paper-lists' }, paper.lists.map(entry => h('li', {},
        h('strong', {}, entry.list.name), entry.section ? ` · ${entry.section}` : '',
        entry.read ? h('span', { class: 'status status-read' }, '✓ read') : h('span', { class: 'status' }, 'unread'))))
      : emptyState('In no reading list.')),
    paper.sessions.length ? section(courses.length === 1 ? courseHeading(courses[0]) : 'Course sessions',
      h('ul', { class: 'plain-list', 'data-testid': 'paper-sessions' }, paper.sessions.map(session => h('li', {},
        h('strong', {}, session.label), session.date ? ` · ${formatDate(session.date)}` : '', ` · ${session.title}`,
        session.section ? h('span', { class: 'muted' }, ` (${session.section.number} ${session.section.title})`)
          : '')))) : null,
    section('Related', paper.related.length
      ? h('ol', { class: 'cards', 'data-testid': 'related' }, paper.related.map(rec =>
        h('li', {}, recommendationCard(rec))))
      : emptyState('Nothing related yet.')));
}

function courseHeading(course) {
  return ['In the course ', h('a', { href: `#/course/${encodeURIComponent(course.slug)}` }, course.title)];
}

function section(title, ...content) {
  return h('section', { class: 'paper-section' }, h('h2', {}, title), content);
}
