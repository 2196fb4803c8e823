// A running job's page: poll its progress, and reload once it has finished.
"use strict";

(function () {
  const job = document.getElementById("job");
  if (!job || !job.dataset.live) return;
  const bar = document.getElementById("job-bar");
  const counts = document.getElementById("job-counts");
  const state = document.getElementById("job-state");

  async function poll() {
    try {
      const response = await fetch(`/jobs/${job.dataset.job}/progress`, { credentials: "same-origin" });
      if (response.ok) {
        const progress = await response.json();
        bar.max = progress.total || 1;
        bar.value = progress.finished;
        const articles = progress.total === 1 ? "article" : "articles";
        counts.textContent = `${progress.finished} / ${progress.total} ${articles}, ${progress.failed} failed`;
        state.textContent = progress.state;
        state.className = `badge state-${progress.state}`;
        if (!progress.live) {
          window.location.reload();
          return;
        }
      }
    } catch (error) {
      // The server restarts or the network drops: try again at the next tick.
    }
    window.setTimeout(poll, 2000);
  }
  window.setTimeout(poll, 2000);
})();
