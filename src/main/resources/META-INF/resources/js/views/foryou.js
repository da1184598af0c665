/** For you: the signed-in reader's feed, each paper with its reasons and the reader's papers it follows from. */
import { h } from '../dom.js';
import { query } from '../api.js';
import { PAPER_FIELDS, recommendationCard, load, emptyState } from '../components.js';
import { signInPrompt } from '../reader.js';

const FEED = `{
  me {
    feed(first: 10) {
      score reasons sharedTerms explanation because { slug title } paper { ${PAPER_FIELDS} }
    }
  }
}`;

export function forYouView() {
  document.title = 'For you · readnext';
  const body = h('div');
  load(body, ({ me }) => (me ? render(me.feed) : signInPrompt('Sign in to get recommendations for you.',
    'They follow from the papers you mark read and save to your lists.')), () => query(FEED));
  return h('section', { class: 'view view-for-you' },
    h('h1', { tabindex: '-1' }, 'For you'),
    h('p', { class: 'lead' }, 'What to read next, from what you have read and saved: recent reads count most.'),
    body);
}

function render(feed) {
  if (!feed.length) {
    return emptyState('Nothing for you yet: you have no reading history.',
      'Mark papers as read or save them to a list, and recommendations from them appear here.');
  }
  return h('ol', { class: 'cards ranked', 'data-testid': 'feed' },
    feed.map(rec => h('li', {}, recommendationCard(rec))));
}
