/** Pieces the views share: paper cards, recommendation reasons, read status, loading, empty and error states. */
import { h, fill, plural } from './dom.js';
import { ApiError, editorToken, query, readerToken, tokenHasGroup } from './api.js';
import { readerActions } from './reader.js';

/** The paper fields the cards show; readByMe is null unless a reader is signed in. */
export const PAPER_FIELDS = `id slug title tldr kind year url arxivId codeUrl readByMe
  lists { list { slug name } read }`;

const REASONS = {
  FOLLOW_UP: ['Builds on it', 'newer work on the subject, or work that names it'],
  COURSE_NEXT: ['Next in the course', 'comes soon after it in a course schedule, on the same subject'],
  PATH_NEXT: ['Next on a learning path', 'follows it on a learning path, on the same subject'],
  SAME_SECTION: ['Same section', 'a reading list or course puts them in the same section'],
  LISTED_TOGETHER: ['Listed together', 'several lists put them in the same section'],
  SIMILAR_TEXT: ['Similar text', 'title, TL;DR or abstract use the same words'],
  SEMANTICALLY_SIMILAR: ['Similar in meaning', 'close in meaning, possibly in other words'],
  SAME_TOPIC: ['Same topic', 'shares a topic with it'],
  MATCHES_TEXT: ['Matches your words', 'its title, TL;DR or abstract use the words you asked about'],
  IN_TOPIC: ['In the topic', 'in the topic your words name'],
  BACKGROUND: ['Background', 'earlier work on the subject'],
};

export function paperHref(paper) {
  return `#/paper/${encodeURIComponent(paper.slug)}`;
}

export function kindBadge(kind) {
  return h('span', { class: `kind kind-${kind.toLowerCase()}` }, kind.toLowerCase());
}

export function isRead(paper) {
  return paper.lists?.some(entry => entry.read) ?? false;
}

/** A signed-in reader's own read status; for anyone else, the reading lists' checkboxes. */
export function readBadge(paper) {
  if (paper.readByMe != null) {
    return paper.readByMe
      ? h('span', { class: 'status status-read', 'data-testid': 'read-status' }, '✓ read by you')
      : h('span', { class: 'status', 'data-testid': 'read-status' }, 'not read by you');
  }
  if (!paper.lists?.length) return null;
  return isRead(paper)
    ? h('span', { class: 'status status-read', 'data-testid': 'read-status' }, '✓ read')
    : h('span', { class: 'status', 'data-testid': 'read-status' }, 'unread');
}

/** arXiv abstract and PDF, the resource's own link when it is not the arXiv page, and the code. */
export function paperLinks(paper) {
  const links = [];
  if (paper.arxivId) {
    links.push(external(`https://arxiv.org/abs/${paper.arxivId}`, 'arXiv', 'link-arxiv'));
    links.push(external(`https://arxiv.org/pdf/${paper.arxivId}`, 'PDF', 'link-pdf'));
  }
  if (paper.url && !paper.url.includes('arxiv.org/')) {
    links.push(external(paper.url, { VIDEO: 'Watch', REPO: 'Repository' }[paper.kind] ?? 'Read', 'link-url'));
  }
  if (paper.codeUrl) links.push(external(paper.codeUrl, 'Code', 'link-code'));
  return links.length ? h('p', { class: 'links' }, links) : null;
}

function external(href, label, testid) {
  return h('a', { href, target: '_blank', rel: 'noopener noreferrer', class: 'pill-link', 'data-testid': testid },
    label, h('span', { class: 'visually-hidden' }, ' (opens in a new tab)'));
}

export function meta(paper, ...extra) {
  return h('p', { class: 'meta' }, kindBadge(paper.kind), paper.year && h('span', {}, paper.year), readBadge(paper),
    extra);
}

/**
 * A card with the paper's title (linked to its page), kind, year, read status, TL;DR and links; and for a signed-in
 * reader, "Mark as read" and "Save to list".
 */
export function paperCard(paper, { heading = 'h3', testid = 'paper-card', children = [] } = {}) {
  return h('article', { class: 'card paper-card', 'data-testid': testid },
    h(heading, { class: 'card-title' }, h('a', { href: paperHref(paper) }, paper.title)),
    meta(paper),
    paper.tldr && h('p', { class: 'tldr' }, paper.tldr),
    paperLinks(paper),
    children,
    readerActions(paper));
}

export function reasonChips(reasons) {
  const order = Object.keys(REASONS);
  const sorted = [...reasons].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return h('ul', { class: 'chips', 'aria-label': 'Why' }, sorted.map(reason => {
    const [label, why] = REASONS[reason] ?? [reason, ''];
    return h('li', { class: `chip reason reason-${reason.toLowerCase()}`, title: why, 'data-testid': 'reason' },
      label);
  }));
}

export function sharedTerms(terms) {
  if (!terms.length) return null;
  return h('p', { class: 'shared-terms', 'data-testid': 'shared-terms' }, 'Shared terms: ',
    terms.map((term, i) => [i ? ', ' : '', h('q', {}, term)]));
}

/**
 * A recommended paper with the reasons it was recommended and the words it shares; in the "for you" feed, also the
 * reader's papers it follows from (because).
 */
export function recommendationCard(rec, { readAction = false } = {}) {
  return paperCard(rec.paper, {
    testid: 'recommendation',
    children: [
      rec.explanation && h('p', { class: 'reason-line', 'data-testid': 'reason-line' }, rec.explanation),
      h('div', { class: 'why' }, reasonChips(rec.reasons), sharedTerms(rec.sharedTerms),
        h('span', { class: 'score', title: 'text similarity plus course, path and topic signals' },
          `score ${rec.score.toFixed(2)}`)),
      rec.because?.length && h('p', { class: 'because', 'data-testid': 'because' }, 'Because you read or saved ',
        rec.because.map((paper, i) => [i ? ', ' : '', h('a', { href: paperHref(paper) }, paper.title)])),
      readAction && editorToken() && markReadControl(rec.paper),
    ],
  });
}

/**
 * "Mark as read" for editors: sets the read status in every reading list the paper is in.
 * Without a token the button is disabled and says how to get one. A reader's token without the editor role gets the
 * reader's own toggle instead (readerActions); an editor who is also a reader gets both, this one named for the lists.
 */
export function markReadControl(paper) {
  if (!paper.lists?.length) return null;
  const reader = Boolean(readerToken());
  if (reader && !tokenHasGroup('editor')) return null;
  const [markRead, markUnread] = reader ? ['Tick in the reading lists', 'Untick in the reading lists']
    : ['Mark as read', 'Mark as unread'];
  const box = h('div', { class: 'read-control', 'data-testid': 'read-control' });
  const render = (error) => {
    const read = isRead(paper);
    const button = h('button', {
      type: 'button', class: 'button secondary small', 'data-testid': 'mark-read',
      disabled: !editorToken(), 'aria-describedby': editorToken() ? null : `token-hint-${paper.id}`,
      onclick: () => toggle(!read, button),
    }, read ? markUnread : markRead);
    fill(box, button,
      !editorToken() && h('span', { class: 'hint', id: `token-hint-${paper.id}` },
        h('button', { type: 'button', class: 'link-button', 'data-open-token': '' }, 'Sign in'),
        ' with a token to mark papers read.'),
      error && errorMessage(error));
  };
  const toggle = async (read, button) => {
    button.disabled = true;
    button.textContent = 'Saving…';
    try {
      const entries = await setRead(paper, read);
      paper.lists = entries;
      box.parentElement.querySelector(':scope > .meta > [data-testid=read-status]')?.replaceWith(readBadge(paper));
      render();
    } catch (error) {
      render(error);
    }
  };
  render();
  return box;
}

async function setRead(paper, read) {
  const lists = paper.lists.map(entry => entry.list.slug);
  const params = lists.map((_, i) => `$list${i}: String!`).join(', ');
  const fields = lists.map((_, i) => `e${i}: readStatusUpdate(input: { list: $list${i}, paperId: $id, read: $read })`
    + ' { entry { list { slug name } read } }').join('\n');
  const variables = { id: paper.id, read };
  lists.forEach((slug, i) => { variables[`list${i}`] = slug; });
  const data = await query(`mutation MarkRead($id: ID!, $read: Boolean!, ${params}) { ${fields} }`, variables,
    { withToken: true });
  return lists.map((_, i) => data[`e${i}`].entry);
}

/** Placeholder cards while a view loads. */
export function loading(label = 'Loading') {
  return h('div', { class: 'loading', 'aria-busy': 'true', role: 'status', 'data-testid': 'loading' },
    h('span', { class: 'visually-hidden' }, `${label}…`),
    [1, 2, 3].map(() => h('div', { class: 'card skeleton' }, h('div'), h('div'), h('div'))));
}

export function emptyState(title, ...text) {
  return h('div', { class: 'empty', 'data-testid': 'empty' }, h('p', { class: 'empty-title' }, title),
    text.length ? h('p', {}, text) : null);
}

const ERROR_TITLES = {
  NOT_FOUND: 'Not found',
  BAD_USER_INPUT: 'That input was not accepted',
  UNAUTHENTICATED: 'Your editor token was not accepted',
  FORBIDDEN: 'Your token may not edit',
  CONFLICT: 'Someone else changed this',
  INTERNAL: 'Something went wrong on the server',
  NETWORK: 'The service cannot be reached',
};

const ERROR_ADVICE = {
  UNAUTHENTICATED: 'It is missing, invalid or expired: paste a fresh editor token.',
  FORBIDDEN: 'The token is valid but does not have the editor role.',
  CONFLICT: 'Reload the page and try again.',
};

/** An error from the API, explained by its code, with a retry button when retrying can help. */
export function errorMessage(error, retry) {
  const e = error instanceof ApiError ? error : new ApiError(String(error?.message ?? error), 'INTERNAL');
  const advice = e.code === 'INTERNAL' && e.retryable
    ? 'The database is unreachable at the moment; this usually passes within seconds.'
    : ERROR_ADVICE[e.code];
  return h('div', { class: `error error-${e.code.toLowerCase()}`, role: 'alert', 'data-testid': 'error',
    'data-code': e.code },
  h('p', { class: 'error-title' }, ERROR_TITLES[e.code] ?? e.code),
  h('p', {}, e.message, e.extensions.field ? ` (field: ${e.extensions.field})` : ''),
  advice && h('p', {}, advice),
  (e.code === 'UNAUTHENTICATED' || e.code === 'FORBIDDEN')
    && h('button', { type: 'button', class: 'button secondary', 'data-open-token': '' }, 'Change token'),
  retry && e.retryable && h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'));
}

/** Shows a loading state in the view, then what render makes of the query's data, or the error. */
export async function load(view, render, fetchData) {
  const attempt = async () => {
    fill(view, loading());
    try {
      const data = await fetchData();
      fill(view, render(data));
      view.dispatchEvent(new Event('view-loaded', { bubbles: true }));
    } catch (error) {
      fill(view, errorMessage(error, attempt));
    }
  };
  await attempt();
}

export function countLabel(n, one, many) {
  return h('span', { class: 'count', 'data-testid': 'count' }, plural(n, one, many));
}
