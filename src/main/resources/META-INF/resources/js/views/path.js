/** A learning path: its steps in order, each read or not, and the progress through it. */
import { h } from '../dom.js';
import { query } from '../api.js';
import { PAPER_FIELDS, isRead, paperCard, load, emptyState } from '../components.js';

const PATH = `query Path($slug: String!) {
  learningPath(slug: $slug) {
    title description generated topic { slug name }
    steps { position note paper { ${PAPER_FIELDS} } }
  }
}`;

export function pathView(slug) {
  const view = h('section', { class: 'view view-path' });
  load(view, ({ learningPath: path }) => render(path), () => query(PATH, { slug }));
  return view;
}

function render(path) {
  document.title = `${path.title} · readnext`;
  const read = path.steps.filter(step => isRead(step.paper)).length;
  return [
    h('h1', { tabindex: '-1' }, path.title),
    path.description && h('p', { class: 'lead' }, path.description),
    h('p', { class: 'meta' }, path.topic && ['Topic ', h('a', { href: `#/topic/${encodeURIComponent(path.topic.slug)}` },
      path.topic.name)], path.generated ? ' · follows the course order' : ''),
    progress(read, path.steps.length),
    path.steps.length
      ? h('ol', { class: 'steps', 'data-testid': 'path-steps' }, path.steps.map(step =>
        h('li', { class: isRead(step.paper) ? 'step done' : 'step', 'data-testid': 'path-step' },
          h('span', { class: 'step-marker', 'aria-hidden': 'true' }, isRead(step.paper) ? '✓' : step.position),
          paperCard(step.paper, { heading: 'h2', children: step.note && h('p', { class: 'note' }, step.note) }))))
      : emptyState('This path has no steps yet.'),
  ];
}

export function progress(read, total) {
  const percent = total ? Math.round((100 * read) / total) : 0;
  return h('div', { class: 'progress', 'data-testid': 'progress' },
    h('p', { class: 'progress-label' }, `${read} of ${total} read`, h('span', { class: 'muted' }, ` · ${percent} %`)),
    h('div', {
      class: 'progress-bar', role: 'progressbar', 'aria-label': 'Read', 'aria-valuemin': '0',
      'aria-valuemax': String(total), 'aria-valuenow': String(read),
    }, h('div', { class: 'progress-fill', style: `width: ${percent}%` })));
}
