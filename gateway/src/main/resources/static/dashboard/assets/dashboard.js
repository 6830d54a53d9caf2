/*
 * What every dashboard page shares: calling the analytics API with the signed-in person's
 * session, turning answers into readable text, and drawing charts with ECharts. Data is only ever
 * written into the page as text, never as markup.
 */
(function () {
  'use strict';

  const STAGES = {
    TRAINEE: 'Trainee', ECT_YEAR_1: 'ECT year 1', ECT_YEAR_2: 'ECT year 2',
    NEW_MIDDLE_LEADER: 'New middle leader', NEW_SENIOR_LEADER: 'New senior leader'
  };
  const SUPPORT = { INTENSIVE: 'Intensive', REGULAR: 'Regular', LIGHT: 'Light', INDEPENDENT: 'Independent' };
  const DEPTHS = ['Remembering', 'Understanding', 'Applying', 'Analysing', 'Evaluating', 'Creating'];

  class Problem extends Error {
    constructor(status, title, detail) {
      super(detail || title);
      this.status = status;
      this.title = title;
    }
  }

  async function api(path) {
    let response;
    try {
      // a session that has ended is sent to sign in elsewhere; followed, that redirect only fails
      response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin', redirect: 'manual' });
    } catch (unreachable) {
      throw new Problem(0, 'Unreachable', 'The platform could not be reached just now. Check the connection, then reload the page.');
    }
    if (response.status === 401 || response.type === 'opaqueredirect') {
      throw new Problem(401, 'Signed out', 'Your session has ended. Reload the page to sign in again.');
    }
    const type = response.headers.get('Content-Type') || '';
    const body = type.includes('json') ? await response.json() : null;
    if (!response.ok) {
      throw new Problem(response.status, body && body.title || response.statusText,
        body && body.detail || 'The progress service could not answer just now. Try again in a moment.');
    }
    return body;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : value);
    });
    children.flat().forEach(child => {
      if (child === null || child === undefined) return;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    });
    return node;
  }

  function fill(id, ...children) {
    const target = document.getElementById(id);
    target.replaceChildren(...children.flat());
    return target;
  }

  const none = '–';
  // one decimal place always where there is one at all, so 4.0 stands beside 3.5 rather than 4
  const number = (value, digits = 1) => value === null || value === undefined ? none
    : Number(value).toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const percent = share => share === null || share === undefined ? none : Math.round(share * 100) + '%';
  const score = value => value === null || value === undefined ? none : Math.round(value) + ' / 100';
  const day = iso => iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }) : none;
  const shortDay = iso => new Date(iso + 'T12:00:00Z').toLocaleDateString('en-GB', { day: 'numeric', month: 'short' });
  const stage = value => STAGES[value] || value || none;
  const support = value => SUPPORT[value] || value || none;
  const depth = level => level ? level + ' ' + DEPTHS[level - 1] : none;
  const person = p => p && p.displayName ? p.displayName : 'Not yet known';
  /** A code such as RETURN_FROM_ABSENCE as words: "Return from absence". */
  const words = code => code ? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ') : none;

  /**
   * Rows in the API's order of importance, and by mentee name within rows of equal importance:
   * names are sealed where the order is worked out, and readable only here.
   */
  const byMenteeWithin = (rows, importance) => {
    const rank = new Map();
    rows.forEach(row => { const key = importance(row); if (!rank.has(key)) rank.set(key, rank.size); });
    return rows.slice().sort((a, b) => rank.get(importance(a)) - rank.get(importance(b))
      || person(a.mentee).localeCompare(person(b.mentee), 'en-GB'));
  };

  function figures(id, items) {
    // a word or a date reads better smaller than a number
    fill(id, items.map(([label, value, kind]) => el('div', { class: kind || null }, el('dt', { text: label }),
      el('dd', { class: String(value).length > 9 ? 'words' : null, text: value }))));
  }

  function table(caption, headings, rows) {
    return el('div', { class: 'table-wrap' }, el('table', {},
      el('caption', { text: caption }),
      el('thead', {}, el('tr', {}, headings.map(h => el('th', { scope: 'col', class: h.num ? 'num' : null, text: h.label || h })))),
      el('tbody', {}, rows.map(cells => el('tr', {}, cells.map((cell, i) =>
        i === 0 ? el('th', { scope: 'row' }, cell) : el('td', { class: headings[i].num ? 'num' : null }, cell)))))));
  }

  function reasons(risks) {
    return risks && risks.length ? el('ul', { class: 'reasons' }, risks.map(risk => el('li', { text: risk.reason }))) : 'None';
  }

  const charts = [];

  /** A chart with a spoken summary for screen readers, and its numbers in a table beneath. */
  function chart(id, summary, option, dataTable) {
    const container = document.getElementById(id);
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', summary);
    const existing = echarts.getInstanceByDom(container);
    const instance = existing || echarts.init(container, null, { renderer: 'svg' });
    if (!existing) charts.push(instance);
    instance.setOption(Object.assign({
      // the container carries a written summary and the numbers sit in a table beneath;
      // ECharts' own generated description would replace that summary with a worse one
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: 'system-ui, sans-serif' },
      color: ['#1f5fa8', '#d9822b', '#2a9d8f', '#8e5ea2', '#a3221c'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 64, bottom: 40, containLabel: true }
    }, option), true);
    if (dataTable) {
      const holder = document.getElementById(id + '-table');
      if (holder) holder.replaceChildren(el('details', {}, el('summary', { text: 'The numbers behind this chart' }), dataTable));
    }
    return instance;
  }

  window.addEventListener('resize', () => charts.forEach(instance => instance.resize()));
  document.addEventListener('DOMContentLoaded', () => document.querySelectorAll('header nav a').forEach(link => {
    if (link.getAttribute('href') === location.pathname) link.setAttribute('aria-current', 'page');
  }));

  function showStatus(message, isError) {
    const status = document.getElementById('status');
    status.hidden = !message;
    status.className = isError ? 'status error' : 'status';
    status.textContent = message || '';
  }

  async function viewer() {
    const me = await api('/dashboard/me');
    const who = document.getElementById('who');
    if (who) who.textContent = 'Signed in as ' + me.name;
    me.readsTrustWide = me.roles.includes('TRUST_LEAD') || me.roles.includes('AUDITOR');
    me.leadsASchool = me.roles.includes('SCHOOL_LEAD') && me.schoolIds.length > 0;
    // the menu offers only what this person may open
    const home = document.getElementById('nav-home');
    if (home) home.textContent = me.readsTrustWide ? 'Trust overview' : me.leadsASchool ? 'Your school' : 'Your pairings';
    document.querySelectorAll('[data-trust-wide]').forEach(item => { item.hidden = !me.readsTrustWide; });
    return me;
  }

  /** The stage and date filters, kept in the address so a view can be shared and reloaded. */
  function filters(formId, onChange) {
    const form = document.getElementById(formId);
    const params = new URLSearchParams(location.search);
    const stageSelect = form.elements.stage;
    stageSelect.replaceChildren(el('option', { value: '', text: 'All stages' }),
      ...Object.entries(STAGES).map(([value, label]) => el('option', { value, text: label })));
    stageSelect.value = params.get('stage') || '';
    form.elements.from.value = params.get('from') || '';
    form.elements.to.value = params.get('to') || '';
    form.addEventListener('submit', event => {
      event.preventDefault();
      const next = new URLSearchParams();
      ['stage', 'from', 'to'].forEach(name => { if (form.elements[name].value) next.set(name, form.elements[name].value); });
      history.replaceState(null, '', location.pathname + (next.toString() ? '?' + next : ''));
      onChange(next);
    });
    return params;
  }

  function query(params) {
    const kept = new URLSearchParams();
    ['stage', 'from', 'to'].forEach(name => { if (params.get(name)) kept.set(name, params.get(name)); });
    return kept.toString() ? '?' + kept : '';
  }

  /**
   * Weeks up to the view's last day ({@code asOf}: the day asked for, or today). A week that runs
   * past it, or is not over yet, has only its first days in it: said so, lest its figures read as a drop.
   */
  function weeksChart(id, weeks, what, asOf) {
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const lastDay = asOf || today;
    const endOf = week => new Date(Date.parse(week.weekStarting + 'T12:00:00Z') + 6 * 86400000).toISOString().slice(0, 10);
    const underWay = week => endOf(week) > lastDay || endOf(week) >= today;
    const labels = weeks.map(week => shortDay(week.weekStarting) + (underWay(week) ? ' (so far)' : ''));
    chart(id, 'Week by week for ' + what + ': meetings held each week as bars, and the mentees\u2019 average confidence (1 to 5) '
      + 'at those meetings as a line, from ' + day(weeks.length ? weeks[0].weekStarting : null) + '.', {
      xAxis: { type: 'category', data: labels, name: 'Week starting', nameLocation: 'middle', nameGap: 28 },
      yAxis: [{ type: 'value', name: 'Meetings held', minInterval: 1 }, { type: 'value', name: 'Confidence', min: 1, max: 5 }],
      series: [
        { name: 'Meetings held', type: 'bar', data: weeks.map(week => week.meetingsHeld) },
        { name: 'Average confidence', type: 'line', yAxisIndex: 1, connectNulls: true, data: weeks.map(week => week.averageConfidence) },
        { name: 'Reflections', type: 'bar', data: weeks.map(week => week.reflections) }
      ]
    }, table('Week by week', ['Week starting', { label: 'Active pairings', num: true }, { label: 'Meetings held', num: true },
      { label: 'Average confidence', num: true }, { label: 'Reflections', num: true }, { label: 'Average depth', num: true }],
      weeks.map(week => [day(week.weekStarting) + (underWay(week) ? ' (so far)' : ''), week.activePairings, week.meetingsHeld, number(week.averageConfidence),
        week.reflections, number(week.averageDepth)])));
  }

  function circleChart(id, groups, what) {
    const steps = [['trust', 'Trust'], ['confidence', 'Confidence'], ['reflectionDepth', 'Reflection depth'], ['independence', 'Independence']];
    chart(id, 'The virtuous circle for ' + what + ', each step scored out of 100: trust, confidence, reflection depth and independence.', {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: groups.map(group => group.name), axisLabel: { interval: 0, overflow: 'break', width: 110 } },
      yAxis: { type: 'value', min: 0, max: 100, name: 'Score out of 100' },
      series: steps.map(([key, label]) => ({ name: label, type: 'bar', data: groups.map(group => group.circle[key]) }))
    }, table('The virtuous circle, scored out of 100', ['Group'].concat(steps.map(([, label]) => ({ label, num: true }))),
      groups.map(group => [group.name].concat(steps.map(([key]) => number(group.circle[key]))))));
  }

  /** A group's figures; {@code inPeriod}, what was done between the period's first and last day, beside its pairings' measures. */
  function progressFigures(id, group, extra, inPeriod) {
    const done = inPeriod ? [['Meetings held in the period', number(inPeriod.meetingsHeld, 0)],
      ['Reflections in the period', number(inPeriod.reflections, 0)]] : [];
    figures(id, (extra || []).concat(done, [
      ['Active pairings', number(group.activePairings, 0)],
      ['Pairings at risk', number(group.atRisk, 0), group.atRisk ? 'risk' : null],
      ['Weekly meetings kept (pairings that have met)', percent(group.cadenceKept)],
      ['Average confidence (1-5)', number(group.averageConfidence)],
      ['Average reflection depth (1-6)', number(group.averageReflectionDepth)],
      ['Ground rules at first meeting', percent(group.groundRulesAtFirstMeetingShare)],
      ['Days to first meeting (pairings that have met)', number(group.averageDaysToFirstMeeting)],
      ['Active pairings yet to meet', number(group.awaitingFirstMeeting, 0), group.awaitingFirstMeeting ? 'risk' : null],
      ['Independent (or finished as independent)', percent(group.independentShare)],
      ['Light support or independent', percent(group.lightOrIndependentShare)]
    ]));
  }

  /**
   * Loads a page, or a part of one ({@code wholePage} false). A page refused or not found shows
   * its reason and the way back, not empty panels around it.
   */
  async function run(load, wholePage = true) {
    try {
      showStatus('Loading\u2026');
      await load();
      showStatus('');
    } catch (problem) {
      showStatus(problem.message || 'Something went wrong.', true);
      if (!(problem instanceof Problem)) console.error(problem);
      if (wholePage && problem instanceof Problem && (problem.status === 403 || problem.status === 404)) {
        document.querySelectorAll('main > :not(h1):not(#status)').forEach(part => { part.hidden = true; });
        const status = document.getElementById('status');
        status.after(el('p', {}, el('a', { href: '/dashboard', text: 'Go to your dashboard' })));
      }
    }
  }

  window.Dashboard = {
    api, el, fill, figures, table, reasons, chart, weeksChart, circleChart, progressFigures, showStatus, viewer, filters, query, run,
    number, percent, score, day, stage, support, depth, person, words, byMenteeWithin, DEPTHS
  };
})();
