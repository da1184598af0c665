/** "What next": I just read … → the paper that text means and what to read after it, with the reasons. */
import { h, fill } from '../dom.js';
import { request } from '../api.js';
import {
  PAPER_FIELDS, paperCard, recommendationCard, markReadControl, loading, emptyState, errorMessage,
} from '../components.js';

const EXAMPLES = ['RoPE', 'LoRA', 'FlashAttention', 'DPO', 'Mixture of Experts', 'ZeRO'];

const NEXT_PAPERS = `query NextPapers($text: String!) {
  nextPapers(after: $text, first: 8) {
    interpretedAs
    resolved { ${PAPER_FIELDS} }
    didYouMean { score paper { title } }
    recommendations { score reasons sharedTerms explanation paper { ${PAPER_FIELDS} } }
  }
}`;

export function nextView(text) {
  document.title = text ? `After ${text} · readnext` : 'readnext · what to read next';
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  const view = h('section', { class: 'view view-next' },
    h('h1', { tabindex: '-1', class: 'hero-title' }, 'What should I read next?'),
    h('p', { class: 'lead' },
      'Name a paper you just read, by title, nickname, arXiv id or link, to see what to read after it.'),
    askForm(text),
    h('p', { class: 'examples' }, 'Try ', EXAMPLES.map((example, i) =>
      [i ? ' · ' : '', h('a', { href: `#/next/${encodeURIComponent(example)}` }, example)])),
    results);
  if (text.trim()) show(results, text.trim());
  return view;
}

function askForm(text) {
  const input = h('input', {
    id: 'next-input', name: 'text', type: 'text', value: text, required: true, maxlength: '500',
    autocomplete: 'off', placeholder: 'RoPE, the YaRN paper, 2104.09864 …', 'data-testid': 'next-input',
  });
  return h('form', {
    class: 'ask', role: 'search', 'data-testid': 'next-form',
    onsubmit: event => {
      event.preventDefault();
      const value = input.value.trim();
      if (value) location.hash = `#/next/${encodeURIComponent(value)}`;
    },
  },
  h('label', { for: 'next-input' }, 'I just read …'),
  h('div', { class: 'ask-row' }, input, h('button', { class: 'button', type: 'submit' }, 'What next?')));
}

async function show(results, text) {
  const retry = () => show(results, text);
  fill(results, loading('Finding what to read next'));
  let response;
  try {
    response = await request(NEXT_PAPERS, { text });
  } catch (error) {
    fill(results, errorMessage(error, retry));
    return;
  }
  const { data, errors } = response;
  if (errors.length || !data?.nextPapers) {
    fill(results, errorMessage(errors[0], retry));
    return;
  }
  const next = data.nextPapers;
  const guesses = next.didYouMean.map(match => match.paper.title);
  if (next.interpretedAs === 'PAPER') {
    fill(results, recommendations(next));
  } else if (next.interpretedAs === 'NOTHING') {
    fill(results, suggestions(text, guesses));
  } else {
    fill(results, aboutSubject(text, next, guesses));
  }
}

function didYouMean(titles) {
  return h('ul', { class: 'suggestions', 'data-testid': 'suggestions' }, titles.map(title =>
    h('li', {}, h('a', { href: `#/next/${encodeURIComponent(title)}`, 'data-testid': 'suggestion' }, title))));
}

function suggestions(text, titles) {
  return h('div', { class: 'not-found', 'data-testid': 'not-found' },
    h('h2', {}, `Nothing in the knowledge base matches “${text}”.`),
    titles.length
      ? [h('p', {}, 'Did you mean one of these?'), didYouMean(titles)]
      : h('p', {}, 'Try a title, an acronym such as “DPO”, or an arXiv id.'));
}

/** No paper is called that: papers about the subject, and the papers the text may have meant. */
function aboutSubject(text, { interpretedAs, recommendations: recs }, guesses) {
  return [
    h('h2', { class: 'section-title', 'data-testid': 'subject-heading', 'data-interpretation': interpretedAs },
      `Papers about “${text}”`),
    h('p', { class: 'lead' }, interpretedAs === 'TOPIC'
      ? 'No paper goes by that name; these are from the topic it names, closest to your words first.'
      : 'No paper goes by that name; these papers are closest to your words.'),
    guesses.length && h('div', { class: 'did-you-mean', 'data-testid': 'did-you-mean' },
      h('p', {}, 'Or did you mean one of these papers?'), didYouMean(guesses)),
    h('ol', { class: 'cards ranked', 'data-testid': 'recommendations' },
      recs.map(rec => h('li', {}, recommendationCard(rec, { readAction: true })))),
  ];
}

function recommendations({ resolved, recommendations: recs }) {
  return [
    h('h2', { class: 'section-title' }, 'You read'),
    paperCard(resolved, { testid: 'resolved-paper', children: markReadControl(resolved) }),
    h('h2', { class: 'section-title' }, 'Read next'),
    recs.length
      ? h('ol', { class: 'cards ranked', 'data-testid': 'recommendations' },
        recs.map(rec => h('li', {}, recommendationCard(rec, { readAction: true }))))
      : emptyState('Nothing to recommend after this one yet.',
        'Recommendations come from similar text, the lists\' sections, course order, learning paths and topics.'),
  ];
}
