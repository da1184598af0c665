/** Search: full-text hits with highlighted matches, narrowed by topic, kind and read status. */
import { h, fill, highlighted } from '../dom.js';
import { query } from '../api.js';
import { PAPER_FIELDS, paperHref, meta, paperLinks, load, emptyState, countLabel } from '../components.js';
import { readerActions } from '../reader.js';

const FILTERS = ['topic', 'kind', 'read'];
const MAX_RESULTS = 100;

// the filter that changed: it keeps the focus in the re-rendered form, so the keyboard can go on from there
let focusedFilter = null;

const OPTIONS = `{
  topics { slug name }
  kinds: __type(name: "ResourceKind") { enumValues { name } }
}`;

const SEARCH = `query Search($text: String!, $filter: PaperFilter) {
  search(text: $text, filter: $filter, first: ${MAX_RESULTS}) { highlight paper { ${PAPER_FIELDS} topics { slug name } } }
}`;

const BROWSE = `query Browse($filter: PaperFilter!) {
  papers(filter: $filter, first: ${MAX_RESULTS}) {
    totalCount
    edges { node { ${PAPER_FIELDS} topics { slug name } } }
  }
}`;

export function searchView(params) {
  const text = (params.get('q') ?? '').trim();
  const filter = filterOf(params);
  document.title = text ? `“${text}” · search · readnext` : 'Search · readnext';
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const form = h('form', { class: 'search-form', role: 'search', 'data-testid': 'search-form' });
  const view = h('section', { class: 'view view-search' },
    h('h1', { tabindex: '-1' }, 'Search'),
    form, results);
  buildForm(form, text, filter);
  if (text) {
    load(results, data => hits(data, text, filter), () => query(SEARCH, { text, filter }));
  } else if (Object.keys(filter).length) {
    load(results, browse, () => query(BROWSE, { filter }));
  } else {
    fill(results, emptyState('Search titles, TL;DRs, abstracts and authors.',
      'Use quotes for phrases ("rotary embedding"), or for either word, and -word to leave one out.'));
  }
  return view;
}

function filterOf(params) {
  const filter = {};
  if (params.get('topic')) filter.topic = params.get('topic');
  if (params.get('kind')) filter.kind = params.get('kind');
  if (params.get('read')) filter.read = params.get('read') === 'read';
  return filter;
}

function buildForm(form, text, filter) {
  const input = h('input', { id: 'search-input', name: 'q', type: 'search', value: text, maxlength: '500',
    placeholder: 'attention, "mixture of experts" …', 'data-testid': 'search-input' });
  const topic = select('topic', 'Topic', [['', 'Any topic']], filter.topic);
  const kind = select('kind', 'Kind', [['', 'Any kind']], filter.kind);
  const read = select('read', 'Read status', [['', 'Read or not'], ['read', 'Read'], ['unread', 'Unread']],
    filter.read === undefined ? '' : filter.read ? 'read' : 'unread');
  const submit = () => {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const name of FILTERS) {
      const value = form.elements[name].value;
      if (value) params.set(name, value);
    }
    location.hash = `#/search?${params}`;
  };
  form.addEventListener('submit', event => { event.preventDefault(); submit(); });
  form.addEventListener('change', event => {
    if (event.target.tagName === 'SELECT') {
      focusedFilter = event.target.name;
      submit();
    }
  });
  fill(form,
    h('label', { for: 'search-input', class: 'visually-hidden' }, 'Search words'),
    h('div', { class: 'ask-row' }, input, h('button', { class: 'button', type: 'submit' }, 'Search')),
    h('div', { class: 'filters' }, topic.field, kind.field, read.field));
  const changed = focusedFilter;
  focusedFilter = null;
  if (changed) queueMicrotask(() => form.elements[changed].focus());
  query(OPTIONS).then(({ topics, kinds }) => {
    addOptions(topic.select, topics.map(t => [t.slug, t.name]), filter.topic);
    addOptions(kind.select, kinds.enumValues.map(k => [k.name, k.name.toLowerCase()]), filter.kind);
  }, () => { /* the filters keep their current values; the results show any error */ });
}

function select(name, label, options, value) {
  const id = `filter-${name}`;
  const el = h('select', { id, name, 'data-testid': `filter-${name}` });
  addOptions(el, options, value);
  return { select: el, field: h('div', { class: 'field' }, h('label', { for: id }, label), el) };
}

function addOptions(select, options, value) {
  for (const [optionValue, label] of options) {
    if ([...select.options].some(o => o.value === optionValue)) continue;
    select.append(h('option', { value: optionValue }, label));
  }
  select.value = value ?? '';
}

function hits(data, text, filter) {
  const shown = data.search;
  if (!shown.length) {
    return emptyState(`No results for “${text}”${Object.keys(filter).length ? ' with these filters' : ''}.`,
      'Try fewer or other words, or clear a filter.');
  }
  return [
    h('p', { class: 'result-count' }, countLabel(shown.length, 'result'),
      shown.length === MAX_RESULTS ? ' (the best ones)' : ''),
    h('ol', { class: 'cards', 'data-testid': 'search-results' }, shown.map(hit => h('li', {},
      resultCard(hit.paper, hit.highlight && h('p', { class: 'highlight', 'data-testid': 'highlight' },
        highlighted(hit.highlight)))))),
  ];
}

function browse({ papers }) {
  if (!papers.totalCount) return emptyState('No papers match these filters.');
  return [
    h('p', { class: 'result-count' }, countLabel(papers.totalCount, 'paper'),
      papers.totalCount > MAX_RESULTS ? ` (the first ${MAX_RESULTS})` : ''),
    h('ol', { class: 'cards', 'data-testid': 'search-results' }, papers.edges.map(({ node }) =>
      h('li', {}, resultCard(node, node.tldr && h('p', { class: 'tldr' }, node.tldr))))),
  ];
}

function resultCard(paper, body) {
  return h('article', { class: 'card paper-card', 'data-testid': 'search-result' },
    h('h2', { class: 'card-title' }, h('a', { href: paperHref(paper) }, paper.title)),
    meta(paper, paper.topics.map(t => h('a', { class: 'chip topic', href: `#/topic/${encodeURIComponent(t.slug)}` },
      t.name))),
    body,
    paperLinks(paper),
    readerActions(paper));
}
