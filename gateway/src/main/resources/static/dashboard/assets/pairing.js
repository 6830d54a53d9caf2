/* A pairing's page: its warning signs, confidence meeting by meeting, depth of reflection, support. */
(function () {
  'use strict';
  const D = window.Dashboard;
  const pairingId = decodeURIComponent(location.pathname.split('/').pop());

  const days = count => count === 1 ? '1 day' : count + ' days';

  async function show() {
    const me = await D.viewer();
    const pairing = await D.api('/api/analytics/pairings/' + encodeURIComponent(pairingId));
    const p = pairing.progress;
    const title = D.person(pairing.mentee) + ' with ' + D.person(pairing.mentor);
    document.title = title + ' · Mentoring progress';
    document.getElementById('title').textContent = title;
    const readsSchool = me.readsTrustWide || me.leadsASchool && me.schoolIds.includes(pairing.schoolId);
    const school = !pairing.schoolName ? 'School not yet known' : readsSchool
      ? D.el('a', { href: '/dashboard/schools/' + encodeURIComponent(pairing.schoolId), text: pairing.schoolName }) : pairing.schoolName;
    const auditable = (me.roles.includes('AUDITOR') || me.roles.includes('TRUST_LEAD')) && pairing.mentee
      ? [' · ', D.el('a', { href: '/dashboard/audit/mentees/' + encodeURIComponent(pairing.mentee.id), text: 'the mentee\u2019s audit record' })] : [];
    D.fill('period', school, ' · ', D.stage(pairing.stage), ' · paired on ', D.day(pairing.pairedOn),
      pairing.status === 'ENDED' ? ' · ended on ' + D.day(pairing.endedOn) : ' · active', auditable);

    D.fill('risks', pairing.status === 'ENDED' ? D.el('p', { text: 'This pairing has ended.' })
      : p.risks.length ? D.reasons(p.risks) : D.el('p', { text: 'No warning signs.' }));

    D.figures('figures', [
      ['First meeting', p.firstMeeting.heldOn ? D.day(p.firstMeeting.heldOn) + ', ' + days(p.firstMeeting.daysAfterPairing) + ' after pairing' : 'Not yet'],
      ['Ground rules', p.groundRules.agreed ? 'Agreed ' + D.day(p.groundRules.agreedOn) + (p.groundRules.atFirstMeeting ? ', at the first meeting' : '') : 'Not yet agreed',
        p.groundRules.agreed ? null : 'risk'],
      ['Meetings held', D.number(p.cadence.meetingsHeld, 0)],
      // weeks, not meetings: two meetings in one week keep one week
      ['Weeks with a meeting', p.cadence.weeklySlots ? p.cadence.weeksWithAMeeting + ' of ' + p.cadence.weeklySlots + ' (' + D.percent(p.cadence.kept) + ')' : 'None yet'],
      ['Missed or cancelled', D.number(p.cadence.meetingsMissed + p.cadence.meetingsCancelled, 0)],
      ['Latest confidence (1-5)', D.number(p.confidence.latest, 0)],
      ['Confidence over the pairing', { RISING: 'Rising', STEADY: 'Steady', FALLING: 'Falling', TOO_FEW_MEETINGS: 'Too few meetings yet' }[p.confidence.trend]],
      ['Reflections', D.number(p.reflections.submitted, 0) + ' (' + p.reflections.reviewed + ' reviewed)'],
      ['Targets the mentee identified', p.targets.set ? p.targets.identifiedByMentee + ' of ' + p.targets.set : 'None set yet'],
      ['Lessons observed', D.number(p.observations.observed, 0)],
      ['Support now', D.support(p.support.current)]
    ]);

    const confidence = p.confidence.series;
    D.chart('confidence-chart', confidence.length
      ? 'The mentee\u2019s confidence at each of ' + confidence.length + ' meetings, on a scale of 1 to 5, from '
        + confidence[0].confidence + ' to ' + confidence[confidence.length - 1].confidence + '.'
      : 'No meetings held yet, so no confidence to show.', {
      xAxis: { type: 'category', data: confidence.map(point => D.day(point.on)), name: 'Meeting', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', min: 1, max: 5, interval: 1, name: 'Confidence' },
      series: [{ name: 'Confidence', type: 'line', data: confidence.map(point => point.confidence), symbolSize: 8 }]
    }, D.table('Confidence at each meeting', ['Meeting', { label: 'Confidence (1-5)', num: true }, 'Rated by'],
      confidence.map(point => [D.day(point.on), point.confidence, point.ownRating ? 'The mentee' : 'The mentor, at the meeting'])));

    const reflections = p.reflections.series;
    D.chart('depth-chart', reflections.length
      ? 'Depth of each of ' + reflections.length + ' reflections on Pappas\u2019 six levels, as the mentee assessed it and, once reviewed, as the mentor did.'
      : 'No reflections yet, so no depth to show.', {
      xAxis: { type: 'category', data: reflections.map(point => D.day(point.on)), name: 'Reflection', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'value', min: 1, max: 6, interval: 1, name: 'Depth', axisLabel: { formatter: level => D.DEPTHS[level - 1] || '' } },
      tooltip: { trigger: 'axis', valueFormatter: level => D.depth(level) },
      series: [
        { name: 'Mentee\u2019s view', type: 'line', data: reflections.map(point => point.selfAssessedLevel), symbolSize: 8 },
        { name: 'Mentor\u2019s view', type: 'line', connectNulls: false, data: reflections.map(point => point.mentorAssessedLevel), symbol: 'diamond',
          symbolSize: 11, lineStyle: { type: 'dashed' } }
      ]
    }, D.table('Depth of each reflection', ['Submitted', 'Model', 'Mentee\u2019s view', 'Mentor\u2019s view'],
      reflections.map(point => [D.day(point.on), point.model === 'GIBBS' ? 'Gibbs' : point.model === 'CRITICAL_INCIDENT' ? 'Critical incident' : 'Free',
        D.depth(point.selfAssessedLevel), point.mentorAssessedLevel ? D.depth(point.mentorAssessedLevel) : 'Not reviewed yet'])));

    const member = !!me.personId && [pairing.mentee, pairing.mentor].some(person => person && person.id === me.personId);
    records(pairing, member);

    const weeks = Object.entries(p.support.weeksAt);
    D.fill('support', D.table('Weeks at each level of support', ['Level', { label: 'Weeks', num: true }],
      weeks.map(([level, count]) => [D.support(level), D.number(count)])),
      p.support.changes.length ? D.table('Changes of support', ['On', 'From', 'To', 'Why more support'],
        p.support.changes.map(change => [D.day(change.on), D.support(change.from), D.support(change.to),
          change.increaseReason ? D.words(change.increaseReason) : '\u2013'])) : D.el('p', { text: 'Support has not changed yet.' }));
  }

  const time = iso => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
    timeZone: 'Europe/London' });
  const lines = (label, items) => items && items.length ? [D.el('dt', { text: label }), D.el('dd', { text: items.join('; ') })] : [];
  const line = (label, value) => value === null || value === undefined || value === '' ? [] : [D.el('dt', { text: label }), D.el('dd', { text: String(value) })];

  /** What was written, read from the service that keeps it when the person opens the record: only the two people in the pairing may. */
  const readers = {
    meeting: async id => {
      const m = await D.api('/api/meetings/' + encodeURIComponent(id));
      return [].concat(line('Scheduled for', time(m.scheduledFor)), line('Room', m.room), line('Held at', m.heldAt && time(m.heldAt)),
        lines('Topics', m.topics), lines('Agreed actions', m.agreedActions), line('Confidence as recorded', m.confidenceRecorded),
        line('The mentee\u2019s own rating', m.ownRating), line('Cancelled', m.cancellationReason && D.words(m.cancellationReason)));
    },
    observation: async id => {
      const o = await D.api('/api/observations/' + encodeURIComponent(id));
      return [].concat(line('Observed at', time(o.observedAt)), line('Focus', o.focus), lines('Strengths', o.strengths),
        lines('To develop', o.developmentPoints), line('Feedback', o.feedback));
    },
    reflection: async id => {
      const r = await D.api('/api/reflections/' + encodeURIComponent(id));
      return [].concat(...Object.entries(r.sections).map(([name, text]) => line(D.words(name.replace(/([A-Z])/g, '_$1').toUpperCase()), text)),
        line('Private note', r.privateNote), line('Mentor\u2019s review', r.review && r.review.feedback));
    },
    target: async id => {
      const t = await D.api('/api/development-targets/' + encodeURIComponent(id));
      return line('Area', t.area);
    }
  };

  function readable(kind, id, label) {
    const details = D.el('details', {}, D.el('summary', { text: label }));
    details.addEventListener('toggle', () => {
      if (!details.open || details.dataset.read) return;
      details.dataset.read = 'yes';
      D.run(async () => details.append(D.el('dl', { class: 'record' }, await readers[kind](id))), false);
    }, { once: false });
    return details;
  }

  /** The time of day in the schools, where the record has one: two meetings on one day are told apart. */
  const timeOf = iso => iso ? new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) : '\u2013';

  function records(pairing, member) {
    const r = pairing.records;
    const first = (kind, id, label) => member ? readable(kind, id, label) : label;
    const meetingState = m => m.heldOn ? 'Held' : m.cancelledOn ? 'Cancelled' : m.missedOn ? 'Missed' : 'Scheduled';
    document.getElementById('records-note').textContent = member
      ? 'Open a record to read what was written; only the two of you can.'
      : 'Dates and states only: what was written is for the mentor and the mentee.';
    D.fill('records',
      r.meetings.length ? D.table('Meetings', ['Day', 'Time', 'State', { label: 'Confidence', num: true }], r.meetings.map(m => [
        first('meeting', m.meetingId, D.day(m.heldOn || m.scheduledOn)), timeOf(m.heldAt || m.scheduledFor), meetingState(m),
        m.ownRatings && m.ownRatings.length ? m.ownRatings[m.ownRatings.length - 1].confidence : m.menteeConfidence === null ? '\u2013' : m.menteeConfidence]))
        : D.el('p', { text: 'No meetings yet.' }),
      r.observations.length ? D.table('Lessons observed', ['Day', 'Feedback'], r.observations.map(o => [
        first('observation', o.observationId, D.day(o.observedOn)), o.feedbackGiven ? 'Given' : 'Not yet'])) : [],
      r.reflections.length ? D.table('Reflections', ['Submitted', 'Model', 'Mentee\u2019s view', 'Mentor\u2019s view'], r.reflections.map(x => [
        first('reflection', x.reflectionId, D.day(x.submittedOn)), D.words(x.model), D.words(x.selfAssessed),
        x.mentorAssessed ? D.words(x.mentorAssessed) : 'Not reviewed yet'])) : [],
      r.targets.length ? D.table('Development targets', ['Set on', 'Need seen by', 'Met'], r.targets.map(t => [
        first('target', t.targetId, D.day(t.setOn)), D.words(t.identifiedBy), t.metOn ? D.day(t.metOn) : 'Not yet'])) : []);
  }

  document.addEventListener('DOMContentLoaded', () => D.run(show));
})();
