/* A mentee's audit record: the chain's verification, the state at a chosen day, the history. */
(function () {
  'use strict';
  const D = window.Dashboard;
  const menteeId = decodeURIComponent(location.pathname.split('/').pop());
  const base = '/api/audit/mentees/' + encodeURIComponent(menteeId);
  const when = iso => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

  function details(data) {
    return Object.entries(data).filter(([name]) => !name.endsWith('Id'))
      .map(([name, value]) => name + ': ' + (Array.isArray(value) ? value.join(', ') : typeof value === 'object' && value !== null ? JSON.stringify(value) : value))
      .join('; ');
  }

  async function showState(day) {
    const state = await D.api(base + '/state?asOf=' + encodeURIComponent(day));
    D.fill('state', D.el('p', { text: (state.displayName || 'This mentee') + ', ' + D.stage(state.stage) + ': ' + state.entries
        + ' records had been made by the end of ' + D.day(day) + '.' }),
      state.pairings.length ? D.table('Pairings as they stood', ['Paired on', 'Status', { label: 'Meetings held', num: true },
        { label: 'Latest confidence', num: true }, { label: 'Reflections', num: true }, { label: 'Average depth', num: true }, 'Support'],
        state.pairings.map(p => [D.day(p.pairedOn), p.status === 'ACTIVE' ? 'Active' : 'Ended ' + D.day(p.endedOn), p.cadence.meetingsHeld,
          D.number(p.confidence.latest, 0), p.reflections.submitted, D.number(p.reflections.averageDepth), D.support(p.support.current)]))
        : D.el('p', { text: 'No pairing yet.' }));
  }

  /**
   * The whole history, a page at a time, saying how far it has got: a mentee of several years has
   * thousands of records. Later pages are read as the record stood when the first was, so a record
   * made meanwhile cannot shift the pages.
   */
  async function readHistory() {
    const size = 500;
    const first = await D.api(base + '/events?size=' + size);
    const events = first.events.slice();
    const reading = document.getElementById('history-reading');
    const progress = document.getElementById('history-progress');
    const count = document.getElementById('history-count');
    const say = () => {
      progress.max = first.total;
      progress.value = events.length;
      count.textContent = events.length.toLocaleString('en-GB') + ' of ' + first.total.toLocaleString('en-GB') + ' records';
    };
    reading.hidden = events.length >= first.total;
    say();
    for (let page = 1; events.length < first.total; page++) {
      const next = await D.api(base + '/events?size=' + size + '&page=' + page + '&until=' + encodeURIComponent(first.until));
      if (!next.events.length) {
        break;
      }
      events.push(...next.events);
      say();
    }
    reading.hidden = true;
    return { total: first.total, events };
  }

  async function show() {
    await D.viewer();
    const [verification, history] = await Promise.all([D.api(base + '/verify'), readHistory()]);
    document.getElementById('export-csv').href = base + '/export?format=csv';
    document.getElementById('export-jsonl').href = base + '/export?format=jsonl';
    D.fill('chain', verification.intact
      ? D.el('p', { text: 'Yes: all ' + verification.entries + ' records follow one from another, unchanged since they were recorded.' })
      : D.el('p', { class: 'status error', text: 'No: record ' + verification.firstBreak.sequence + ' (' + verification.firstBreak.type + ') breaks the chain: '
          + verification.firstBreak.reason + '.' }));
    D.fill('history', D.table(history.total + ' records, in the order things happened', ['Happened', 'Recorded', 'Event', 'Details'],
      history.events.map(event => [when(event.occurredAt), when(event.recordedAt), event.type, details(event.data)])));
    const enrolled = history.events.find(event => event.type === 'MenteeEnrolled');
    if (enrolled) {
      document.getElementById('title').textContent = 'Audit record: ' + enrolled.data.displayName;
    }
    const form = document.getElementById('as-of');
    form.elements.asOf.value = new Date().toISOString().slice(0, 10);
    form.addEventListener('submit', event => {
      event.preventDefault();
      D.run(() => showState(form.elements.asOf.value));
    });
    await showState(form.elements.asOf.value);
  }

  document.addEventListener('DOMContentLoaded', () => D.run(show));
})();
