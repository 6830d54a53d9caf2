/* The trust overview: schools compared, pairings at risk with why, the term week by week. */
(function () {
  'use strict';
  const D = window.Dashboard;

  async function show(params) {
    const me = await D.viewer();
    if (!me.readsTrustWide) {
      // a school lead's dashboard is their school
      if (me.schoolIds.length) {
        location.replace('/dashboard/schools/' + encodeURIComponent(me.schoolIds[0]));
        return;
      }
      throw new Error('The trust overview is for trust leads and auditors.');
    }
    const trust = await D.api('/api/analytics/trust' + D.query(params));
    document.getElementById('period').textContent = 'From ' + D.day(trust.from) + ' to ' + D.day(trust.asOf)
      + (trust.stages.length ? ', ' + trust.stages.map(D.stage).join(', ') : ', every stage');

    D.progressFigures('figures', trust.progress, [
      ['Schools', D.number(trust.schools, 0)],
      ['Mentors', D.number(trust.mentors, 0)],
      ['Mentees', D.number(trust.mentees, 0)],
      ['Mentees waiting for a mentor', D.number(trust.menteesWithoutMentor, 0), trust.menteesWithoutMentor ? 'risk' : null]
    ]);

    D.fill('at-risk', trust.atRisk.length ? D.table(trust.atRisk.length + ' active pairings with at least one warning sign, most first',
      ['Mentee', 'Mentor', 'School', 'Stage', 'Paired on', 'Why'],
      D.byMenteeWithin(trust.atRisk, pairing => pairing.risks.length + '/' + pairing.schoolName).map(pairing => [
        D.el('a', { href: '/dashboard/pairings/' + encodeURIComponent(pairing.pairingId), text: D.person(pairing.mentee) }),
        D.person(pairing.mentor), pairing.schoolName || '–', D.stage(pairing.stage), D.day(pairing.pairedOn), D.reasons(pairing.risks)
      ])) : D.el('p', { text: 'No active pairing shows a warning sign.' }));

    const schools = trust.bySchool.map(school => ({ name: school.name || 'Unnamed school', circle: school.circle }));
    D.circleChart('schools-chart', schools, 'each school');
    D.weeksChart('weeks-chart', trust.weeks, 'the trust');

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
