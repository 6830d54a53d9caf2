/* The trust overview: schools compared, pairings at risk with why, the term week by week. */
(function () {
  'use strict';
  const D = window.Dashboard;

  /** A mentor's or a mentee's pairings, listed; with only one, they go straight to it. */
  async function ownPairings(me) {
    const mentor = me.roles.includes('MENTOR');
    if (!me.personId || !(mentor || me.roles.includes('MENTEE'))) {
      throw new Error('The trust overview is for trust leads and auditors, and a school\u2019s page for its leads.');
    }
    const path = (mentor ? '/api/analytics/mentors/' : '/api/analytics/mentees/') + encodeURIComponent(me.personId);
    const view = await D.api(path);
    const pairings = mentor ? view.activePairings.concat(view.startingLater, view.endedPairings) : view.pairings.slice().reverse();
    if (pairings.length === 1) {
      location.replace('/dashboard/pairings/' + encodeURIComponent(pairings[0].pairingId));
      return;
    }
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const state = pairing => pairing.status === 'ENDED' ? 'Ended ' + D.day(pairing.endedOn)
      : pairing.pairedOn > today ? 'Starts ' + D.day(pairing.pairedOn) : 'Active';
    // a pairing that has not started has no page yet
    const named = (pairing, who) => pairing.pairedOn > today ? D.person(who)
      : D.el('a', { href: '/dashboard/pairings/' + encodeURIComponent(pairing.pairingId), text: D.person(who) });
    document.title = 'Your pairings \u00b7 Mentoring progress';
    const status = document.getElementById('status');
    const away = mentor && view.away ? D.el('p', { class: 'subtitle', text: 'Your school has you away from ' + D.day(view.away.from)
      + (view.away.to ? ' to ' + D.day(view.away.to) : ', with no return date yet') + '.' }) : null;
    document.getElementById('content').replaceChildren(D.el('h1', { text: 'Your pairings' }), ...(away ? [away] : []), status,
      D.el('section', { class: 'panel' }, pairings.length
        ? D.table(mentor ? 'The mentees you mentor, now and before' : 'Your mentors, the latest first', [mentor ? 'Mentee' : 'Mentor', 'School', 'Stage', 'Paired on', 'Status'],
          pairings.map(pairing => [named(pairing, mentor ? pairing.mentee : pairing.mentor), pairing.schoolName || 'Not yet known',
            D.stage(pairing.stage), D.day(pairing.pairedOn), state(pairing)]))
        : D.el('p', { text: mentor ? 'You are not mentoring anyone at the moment.' : 'You have not been paired with a mentor yet.' })));
  }

  async function show(params) {
    const me = await D.viewer();
    if (!me.readsTrustWide) {
      // a school lead's dashboard is their school; a mentor's or a mentee's, their own pairings
      if (me.leadsASchool) {
        location.replace('/dashboard/schools/' + encodeURIComponent(me.schoolIds[0]));
      } else {
        await ownPairings(me);
      }
      return;
    }
    const trust = await D.api('/api/analytics/trust' + D.query(params));
    document.getElementById('period').textContent = 'From ' + D.day(trust.from) + ' to ' + D.day(trust.asOf)
      + (trust.stages.length ? ', ' + trust.stages.map(D.stage).join(', ') : ', every stage');

    D.progressFigures('figures', trust.progress, [
      ['Schools', D.number(trust.schools, 0)],
      ['Mentors', D.number(trust.mentors, 0)],
      ['Mentees', D.number(trust.mentees, 0)],
      ['Mentees waiting for a mentor', D.number(trust.menteesWithoutMentor, 0), trust.menteesWithoutMentor ? 'risk' : null]
    ], trust.inPeriod);

    D.fill('at-risk', trust.atRisk.length ? D.table(trust.atRisk.length + ' active pairings with at least one warning sign, most first',
      ['Mentee', 'Mentor', 'School', 'Stage', 'Paired on', 'Why'],
      D.byMenteeWithin(trust.atRisk, pairing => pairing.risks.length + '/' + pairing.schoolName).map(pairing => [
        D.el('a', { href: '/dashboard/pairings/' + encodeURIComponent(pairing.pairingId), text: D.person(pairing.mentee) }),
        D.person(pairing.mentor), pairing.schoolName || '–', D.stage(pairing.stage), D.day(pairing.pairedOn), D.reasons(pairing.risks)
      ])) : D.el('p', { text: 'No active pairing shows a warning sign.' }));

    const schools = trust.bySchool.map(school => ({ name: school.name || 'Unnamed school', circle: school.circle }));
    D.circleChart('schools-chart', schools, 'each school');
    D.weeksChart('weeks-chart', trust.weeks, 'the trust', trust.asOf);

    D.fill('schools', D.table('Each school: its people as they are today, its pairings as selected above', ['School', { label: 'Mentors', num: true },
      { label: 'Mentees', num: true }, { label: 'Waiting for a mentor', num: true }, { label: 'Active pairings', num: true },
      { label: 'At risk', num: true }, { label: 'Weekly meetings kept', num: true }, { label: 'Average confidence', num: true },
      { label: 'Average depth', num: true }, { label: 'Light support or independent', num: true }],
      trust.bySchool.map(school => [
        D.el('a', { href: '/dashboard/schools/' + encodeURIComponent(school.schoolId) + D.query(params), text: school.name || 'Unnamed school' }),
        school.mentors, school.mentees, school.menteesWithoutMentor, school.progress.activePairings, school.progress.atRisk,
        D.percent(school.progress.cadenceKept), D.number(school.progress.averageConfidence),
        D.number(school.progress.averageReflectionDepth), D.percent(school.progress.lightOrIndependentShare)
      ])));

    const stages = Object.entries(trust.byStage);
    D.fill('stages', stages.length ? D.table('Pairings by the mentee\u2019s stage', ['Stage', { label: 'Pairings', num: true },
      { label: 'Active', num: true }, { label: 'At risk', num: true }, { label: 'Weekly meetings kept', num: true },
      { label: 'Average confidence', num: true }, { label: 'Average depth', num: true }],
      stages.map(([stage, { progress: group }]) => [D.stage(stage), group.pairings, group.activePairings, group.atRisk, D.percent(group.cadenceKept),
        D.number(group.averageConfidence), D.number(group.averageReflectionDepth)])) : D.el('p', { text: 'No pairings in this selection.' }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    const params = D.filters('filters', next => D.run(() => show(next)));
    D.run(() => show(params));
  });
})();
