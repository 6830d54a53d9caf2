/* Following a rebuild of the views: events done of the total, the rate, the time left. */
(function () {
  'use strict';
  const D = window.Dashboard;
  const STATES = { RUNNING: 'Rebuilding', FINISHED: 'Finished', FAILED: 'Failed', ABANDONED: 'Stopped before it finished' };
  let timer = null;

  function duration(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    return seconds < 60 ? Math.round(seconds) + ' s' : Math.floor(seconds / 60) + ' min ' + Math.round(seconds % 60) + ' s';
  }

  function render(rebuild) {
    const bar = document.getElementById('bar');
    bar.max = Math.max(1, rebuild.eventsTotal);
    bar.value = rebuild.eventsDone;
    bar.textContent = rebuild.eventsDone + ' of ' + rebuild.eventsTotal;
    document.getElementById('start').disabled = rebuild.state === 'RUNNING';
    D.figures('figures', [
      ['State', STATES[rebuild.state] || rebuild.state, rebuild.state === 'FAILED' || rebuild.state === 'ABANDONED' ? 'risk' : null],
      ['Events done', D.number(rebuild.eventsDone, 0)],
      ['Events in all', D.number(rebuild.eventsTotal, 0)],
      ['Rate', rebuild.eventsPerSecond === null ? '–' : D.number(rebuild.eventsPerSecond, 0) + ' a second'],
      ['Time left', rebuild.state === 'RUNNING' ? duration(rebuild.secondsLeft) : '–'],
      ['Started', new Date(rebuild.startedAt).toLocaleString('en-GB')]
    ].concat(rebuild.failure ? [['Why it failed', rebuild.failure, 'risk']] : []));
  }

  async function poll() {
    try {
      const response = await fetch('/api/admin/projections/rebuild', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.status === 404) {
        D.showStatus('The views have not been rebuilt yet.');
        D.figures('figures', []);
      } else {
        const rebuild = response.ok ? await response.json() : null;
        if (!rebuild) throw new Error((await response.json().catch(() => ({}))).detail || 'The progress service could not answer just now.');
        render(rebuild);
        D.showStatus(rebuild.state === 'RUNNING' ? 'Rebuilding: the dashboards keep showing the current views until this finishes.' : '');
        if (rebuild.state === 'RUNNING') {
          timer = setTimeout(poll, 1000);
          return;
        }
      }
    } catch (problem) {
      D.showStatus(problem.message, true);
    }
    timer = null;
  }

  async function start() {
    const token = (document.cookie.split('; ').find(cookie => cookie.startsWith('XSRF-TOKEN=')) || '').split('=')[1] || '';
    const response = await fetch('/api/admin/projections/rebuild', {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token) }
    });
    if (!response.ok && response.status !== 409) {
      const problem = await response.json().catch(() => ({}));
      D.showStatus(problem.detail || 'The rebuild could not be started.', true);
      return;
    }
    if (!timer) poll();
  }

  document.addEventListener('DOMContentLoaded', async () => {
    try {
      const me = await D.viewer();
      const button = document.getElementById('start');
      button.hidden = !me.roles.includes('TRUST_LEAD');
      button.addEventListener('click', start);
    } catch (problem) {
      D.showStatus(problem.message, true);
    }
    poll();
  });
})();
