/* A mentee's audit record: the chain's verification, the state at a chosen day, the history. */
(function () {
  'use strict';
  const D = window.Dashboard;
  const menteeId = decodeURIComponent(location.pathname.split('/').pop());
  const base = '/api/audit/mentees/' + encodeURIComponent(menteeId);
  // the trust's day, wherever the auditor reads from: what was done on a day was done on that day in the schools
  const LONDON = { timeZone: 'Europe/London' };
  const dayOf = instant => instant.toLocaleDateString('en-CA', LONDON);
  const clock = instant => instant.toLocaleTimeString('en-GB', Object.assign({ hour: '2-digit', minute: '2-digit', second: '2-digit' }, LONDON));
  /** A time where one was recorded; a day alone where only a day was (the platform keeps those as its first moment). */
  function when(iso) {
    const instant = new Date(iso);
    const time = clock(instant);
    return D.day(dayOf(instant)) + (time === '00:00:00' ? '' : ', ' + time.slice(0, 5));
  }

  /** When a record was made, to the second: two made in one minute are told apart. */
  const recordedWhen = iso => D.day(dayOf(new Date(iso))) + ', ' + clock(new Date(iso));

  const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
  const CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
  const fieldWords = name => name.replace(/([A-Z])/g, ' $1').toLowerCase();
  function readable(name, value) {
    if (Array.isArray(value)) return value.map(item => readable(name, item)).join(', ');
    if (value !== null && typeof value === 'object') return Object.entries(value).map(([key, item]) => fieldWords(key) + ': ' + readable(key, item)).join('; ');
    if (typeof value === 'string' && INSTANT.test(value)) return when(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return D.day(value);
    if (typeof value === 'string' && CODE.test(value)) {
      return name === 'stage' ? D.stage(value) : D.support(value) !== value ? D.support(value)
        : D.words(value);
    }
    return String(value);
  }

  const isEmpty = value => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  /** The records an entry may be about, named by the start of their id, so that two alike can be told apart (the exports carry the whole id). */
  const RECORD_IDS = ['meetingId', 'observationId', 'reflectionId', 'targetId'];
  const shortId = id => String(id).slice(0, 8);

  /**
   * An event's data as a person reads it: nothing left empty, dates and codes in words, and of the
   * ids only the record it is about (and its pairing, where the mentee has had more than one).
   */
  function details(data, severalPairings) {
    const about = RECORD_IDS.filter(name => data[name]).map(name => fieldWords(name.slice(0, -2)) + ' ' + shortId(data[name]));
    if (severalPairings && data.pairingId) about.push('pairing ' + shortId(data.pairingId));
    return about.concat(Object.entries(data).filter(([name, value]) => !name.endsWith('Id') && !isEmpty(value))
      .map(([name, value]) => fieldWords(name) + ': ' + readable(name, value)))
      .join(' \u00b7 ');
  }

  /**
   * Who made the request that recorded an event, as a reader of this record knows them: the mentee,
   * their mentor (named in a pairing of this record), or by their roles. The person's id, which the
   * exports carry, is shown on hover. An event the platform recorded in answer to another names nobody.
   */
  function recorder(event, mentors) {
    const who = event.recordedBy;
    if (!who) return 'The platform';
    const roles = (who.roles || []).map(D.words).join(' and ') || 'Someone';
    const known = who.personId === menteeId ? 'The mentee' : mentors.has(who.personId) ? 'Their mentor' : roles;
    return D.el('span', { text: known, title: who.personId ? roles + ', person ' + who.personId : roles });
  }

  let enrolledAs = null;

  async function showState(day) {
    // today is not over: the record as it stands now, not as it will by the end of the day
    const today = day === dayOf(new Date());
    const state = await D.api(base + '/state' + (today ? '' : '?asOf=' + encodeURIComponent(day)));
    const by = today ? 'so far today (' + D.day(day) + ')' : 'by the end of ' + D.day(day);
    if (!state.entries) {
      D.fill('state', D.el('p', { text: 'Nothing about ' + (enrolledAs || 'this mentee') + ' had been recorded ' + by
        + '. The history below dates things as they happened; this view reads the record as it stood on a day.' }));
      return;
    }
    D.fill('state', D.el('p', { text: (state.displayName || enrolledAs || 'This mentee') + ', ' + D.stage(state.stage) + ': ' + state.entries
        + ' records ' + (today ? 'have been' : 'had been') + ' made ' + by + '.' }),
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

  /** A mentee nobody knows has no record to export or read as it stood. */
  function nothingToShow() {
    ['exports', 'state-panel', 'history-panel'].forEach(id => { document.getElementById(id).hidden = true; });
  }

  async function show() {
    await D.viewer();
    let verification;
    let history;
    try {
      [verification, history] = await Promise.all([D.api(base + '/verify'), readHistory()]);
    } catch (problem) {
      if (problem.status === 404) nothingToShow();
      throw problem;
    }
    document.getElementById('export-csv').href = base + '/export?format=csv';
    document.getElementById('export-jsonl').href = base + '/export?format=jsonl';
    D.fill('chain', verification.intact
      ? D.el('p', { text: 'Yes: all ' + verification.entries + ' records follow one from another, unchanged since they were recorded.' })
      : D.el('p', { class: 'status error', text: 'No: record ' + verification.firstBreak.sequence + ' (' + verification.firstBreak.type + ') breaks the chain: '
          + verification.firstBreak.reason + '.' }));
    const mentors = new Set(history.events.map(event => event.data.mentorId).filter(Boolean));
    const severalPairings = new Set(history.events.map(event => event.data.pairingId).filter(Boolean)).size > 1;
    // the record's number is its place in the chain, as the check above and the exports name it
    D.fill('history', D.table(history.total + ' records, in the order things happened', ['Happened', { label: 'No.', num: true }, 'Recorded',
      'Recorded by', 'Event', 'Details'],
      history.events.map(event => [when(event.occurredAt), event.sequence, recordedWhen(event.recordedAt), recorder(event, mentors), event.type,
        details(event.data, severalPairings)])));
    const enrolled = history.events.find(event => event.type === 'MenteeEnrolled');
    if (enrolled) {
      enrolledAs = enrolled.data.displayName;
      document.getElementById('title').textContent = 'Audit record: ' + enrolledAs;
    }
    const form = document.getElementById('as-of');
    form.elements.asOf.value = dayOf(new Date());
    // the record is read as it stood, never as it will stand
    form.elements.asOf.max = form.elements.asOf.value;
    form.addEventListener('submit', event => {
      event.preventDefault();
      D.run(() => showState(form.elements.asOf.value), false);
    });
    await showState(form.elements.asOf.value);
  }

  document.addEventListener('DOMContentLoaded', () => D.run(show));
})();
