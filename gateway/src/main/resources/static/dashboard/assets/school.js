/* A school's page: its figures, every pairing with its warning signs, the term week by week. */
(function () {
  'use strict';
  const D = window.Dashboard;
  const schoolId = decodeURIComponent(location.pathname.split('/').pop());

  async function show(params) {
    await D.viewer();
    const school = await D.api('/api/analytics/schools/' + encodeURIComponent(schoolId) + D.query(params));
    document.title = school.name + ' · Mentoring progress';
    document.getElementById('title').textContent = school.name;
    document.getElementById('period').textContent = 'URN ' + (school.urn || '–') + ' · ' + (school.phase || '').toLowerCase().replace(/_/g, '-')
      + ' · from ' + D.day(school.from) + ' to ' + D.day(school.asOf);

    D.progressFigures('figures', school.progress, [
      ['Mentors', D.number(school.mentors, 0)],
      ['Mentees', D.number(school.mentees, 0)],
      ['Mentees waiting for a mentor', D.number(school.menteesWithoutMentor, 0), school.menteesWithoutMentor ? 'risk' : null]
    ], school.inPeriod);

    if (school.waitingForMentor.length) {
      document.getElementById('waiting-panel').hidden = false;
      const more = school.menteesWithoutMentor - school.waitingForMentor.length;
      D.fill('waiting', D.table('Mentees of the school in no pairing today who have not finished' + (more > 0 ? ' (the first '
        + school.waitingForMentor.length + ' of ' + school.menteesWithoutMentor + ')' : ''), ['Mentee'],
        school.waitingForMentor.map(mentee => [D.person(mentee)])));
    }

    D.fill('pairings', school.pairings.length ? D.table('Active pairings first, those with most warning signs at the top',
      ['Mentee', 'Mentor', 'Stage', 'Status', 'Support', 'Last meeting', { label: 'Confidence', num: true },
        { label: 'Reflections', num: true }, { label: 'Average depth', num: true }, 'Warning signs'],
      D.byMenteeWithin(school.pairings, row => row.status + '/' + row.risks.length).map(row => [
        D.el('a', { href: '/dashboard/pairings/' + encodeURIComponent(row.pairingId), text: D.person(row.mentee) }),
        D.person(row.mentor), D.stage(row.stage),
        D.el('span', { class: row.status === 'ACTIVE' ? 'tag' : 'tag ended', text: row.status === 'ACTIVE' ? 'Active' : 'Ended ' + D.day(row.endedOn) }),
        D.support(row.support), D.day(row.lastMeetingOn), D.number(row.latestConfidence, 0), row.reflections,
        D.number(row.averageDepth), D.reasons(row.risks)
      ])) : D.el('p', { text: 'No pairings in this selection.' }));

    D.weeksChart('weeks-chart', school.weeks, school.name, school.asOf);
    const stages = Object.entries(school.byStage).map(([stage, group]) => ({ name: D.stage(stage), circle: group.circle }));
    D.circleChart('circle-chart', [{ name: 'Whole school', circle: school.circle }].concat(stages), school.name + ' and each stage');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const params = D.filters('filters', next => D.run(() => show(next)));
    D.run(() => show(params));
  });
})();
