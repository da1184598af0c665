/** A course schedule as a timeline: sessions grouped by section, dated, with their readings and TL;DRs. */
import { h, formatDate, plural } from '../dom.js';
import { query } from '../api.js';
import { isRead, kindBadge, paperHref, load, emptyState } from '../components.js';
import { readToggle } from '../reader.js';

const COURSE = `query Course($slug: String!) {
  course(slug: $slug) {
    title
    sessions {
      position label date title
      section { number title }
      readingItems { optional paper { id slug title tldr kind readByMe lists { read } } }
    }
  }
}`;

export function courseView(slug) {
  const view = h('section', { class: 'view view-course' });
  load(view, ({ course }) => render(course), () => query(COURSE, { slug }));
  return view;
}

function render(course) {
  document.title = `${course.title} · readnext`;
  const readings = course.sessions.reduce((n, s) => n + s.readingItems.length, 0);
  return [
    h('h1', { tabindex: '-1' }, course.title),
    h('p', { class: 'lead' }, `${plural(course.sessions.length, 'session')}, ${plural(readings, 'reading')}.`),
    course.sessions.length
      ? sectionsOf(course.sessions).map(({ section, sessions }) => h('section', { class: 'course-section' },
        h('h2', {}, section ? [h('span', { class: 'section-number' }, section.number), ' ', section.title]
          : 'Sessions'),
        h('ol', { class: 'timeline', 'data-testid': 'timeline' }, sessions.map(sessionItem))))
      : emptyState('This course has no sessions yet.'),
  ];
}

/** Consecutive sessions of the same section, in schedule order. */
function sectionsOf(sessions) {
  const groups = [];
  for (const session of sessions) {
    const last = groups[groups.length - 1];
    if (last && last.section?.number === session.section?.number) last.sessions.push(session);
    else groups.push({ section: session.section, sessions: [session] });
  }
  return groups;
}

function sessionItem(session) {
  return h('li', { class: 'session', 'data-testid': 'session' },
    h('p', { class: 'session-when' },
      session.date ? h('time', { datetime: session.date, 'data-testid': 'session-date' }, formatDate(session.date))
        : null,
      h('span', { class: 'session-label' }, session.label)),
    h('div', { class: 'card' },
      h('h3', { class: 'session-title' }, session.title),
      session.readingItems.length
        ? h('ul', { class: 'readings' }, session.readingItems.map(({ optional, paper }) => h('li', {},
          h('p', { class: 'reading-title' },
            isRead(paper) ? h('span', { class: 'status status-read', title: 'read' }, '✓') : null,
            h('a', { href: paperHref(paper) }, paper.title), ' ', kindBadge(paper.kind),
            optional ? h('span', { class: 'chip optional' }, 'optional') : null),
          paper.tldr && h('p', { class: 'tldr' }, paper.tldr),
          paper.readByMe != null && readToggle(paper))))
        : h('p', { class: 'muted' }, 'No readings for this session.')));
}
