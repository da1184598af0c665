/** The topic tree with paper counts, and a topic's page: its papers a page at a time and its learning paths. */
import { h, plural } from '../dom.js';
import { query } from '../api.js';
import { PAPER_FIELDS, isRead, paperCard, load, emptyState, countLabel } from '../components.js';
import { progress } from './path.js';

const PAGE_SIZE = 12;

const TOPICS = `{
  topics { slug name paperCount parent { slug } }
  learningPaths { slug title steps { paper { lists { read } } } }
}`;

const TOPIC = `query Topic($slug: String!, $first: Int!, $after: String) {
  topic(slug: $slug) {
    name paperCount
    parent { slug name }
    children { slug name paperCount }
    papers(first: $first, after: $after) {
      totalCount
      edges { node { ${PAPER_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
  learningPaths(topic: $slug) { slug title steps { paper { lists { read } } } }
}`;

export function topicsView() {
  document.title = 'Topics · readnext';
  const body = h('div');
  load(body, renderTopics, () => query(TOPICS));
  return h('section', { class: 'view view-topics' }, h('h1', { tabindex: '-1' }, 'Topics'), body);
}

function renderTopics({ topics, learningPaths }) {
  const children = new Map();
  for (const topic of topics) {
    const parent = topic.parent?.slug ?? null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(topic);
  }
  const tree = parent => h('ul', { class: parent ? 'tree' : 'tree root' }, (children.get(parent) ?? []).map(topic =>
    h('li', {}, topicLink(topic), children.has(topic.slug) ? tree(topic.slug) : null)));
  return h('div', { class: 'two-columns' },
    h('div', { 'data-testid': 'topic-tree' }, topics.length ? tree(null) : emptyState('No topics yet.')),
    h('aside', {}, h('h2', {}, 'Learning paths'), pathList(learningPaths)));
}

function topicLink(topic) {
  return h('a', { class: 'topic-link', href: `#/topic/${encodeURIComponent(topic.slug)}`, 'data-testid': 'topic-link' },
    h('span', {}, topic.name), h('span', { class: 'badge', 'aria-label': plural(topic.paperCount, 'paper') },
      topic.paperCount));
}

function pathList(paths) {
  if (!paths.length) return emptyState('No learning paths here.');
  return h('ul', { class: 'path-list', 'data-testid': 'path-list' }, paths.map(path => {
    const read = path.steps.filter(step => isRead(step.paper)).length;
    return h('li', { class: 'card' },
      h('a', { href: `#/path/${encodeURIComponent(path.slug)}`, 'data-testid': 'path-link' }, path.title),
      progress(read, path.steps.length));
  }));
}

export function topicView(slug, params) {
  const after = params.get('after');
  const start = Number(params.get('start')) || 1;
  const view = h('section', { class: 'view view-topic' });
  load(view, data => renderTopic(slug, data, start),
    () => query(TOPIC, { slug, first: PAGE_SIZE, after }));
  return view;
}

function renderTopic(slug, { topic, learningPaths }, start) {
  document.title = `${topic.name} · readnext`;
  const { edges, totalCount, pageInfo } = topic.papers;
  const end = start + edges.length - 1;
  // the cursor pages; start only numbers the papers shown
  const href = (after, from) => `#/topic/${encodeURIComponent(slug)}`
    + (after ? `?after=${encodeURIComponent(after)}&start=${from}` : '');
  return [
    h('nav', { class: 'breadcrumbs', 'aria-label': 'Breadcrumbs' }, h('a', { href: '#/topics' }, 'Topics'),
      topic.parent && [' / ', h('a', { href: `#/topic/${encodeURIComponent(topic.parent.slug)}` }, topic.parent.name)]),
    h('h1', { tabindex: '-1' }, topic.name),
    h('p', { class: 'meta' }, countLabel(topic.paperCount, 'paper'), ' including sub-topics',
      h('a', { class: 'pill-link', href: `#/search?topic=${encodeURIComponent(slug)}&read=unread` }, 'Unread ones')),
    topic.children.length ? h('ul', { class: 'chips' }, topic.children.map(child => h('li', {}, topicLink(child))))
      : null,
    h('div', { class: 'two-columns' },
      h('div', {},
        edges.length
          ? [h('p', { class: 'result-count', 'data-testid': 'page-range' }, `Papers ${start}–${end} of ${totalCount}`),
            h('ol', { class: 'cards', 'data-testid': 'topic-papers' }, edges.map(({ node }) =>
              h('li', {}, paperCard(node, { heading: 'h2' })))),
            h('nav', { class: 'pager', 'aria-label': 'Pages' },
              start > 1 ? h('a', { class: 'button secondary', href: href(null), 'data-testid': 'first-page' },
                '← First page') : h('span'),
              pageInfo.hasNextPage ? h('a', { class: 'button', href: href(pageInfo.endCursor, end + 1),
                'data-testid': 'next-page' }, 'Next page →') : null)]
          : emptyState('No papers in this topic yet.')),
      h('aside', {}, h('h2', {}, 'Learning paths'), pathList(learningPaths))),
  ];
}
