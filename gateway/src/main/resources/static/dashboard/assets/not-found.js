/* A dashboard address nothing answers: who is signed in, and the way back to their own page. */
(function () {
  'use strict';
  document.addEventListener('DOMContentLoaded', () => window.Dashboard.run(window.Dashboard.viewer));
})();
