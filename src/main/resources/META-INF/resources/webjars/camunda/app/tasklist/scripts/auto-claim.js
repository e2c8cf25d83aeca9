// Jixiao: a task the user may work on is claimed for them as soon as they open it (Camunda 7.24.0 Tasklist).
//
// The Tasklist shows a task's form read-only until 认领 is clicked, so a clerk who opens a section and starts typing
// finds nothing happens, and a leader cannot follow the document link of the review form. When the opened task has
// no holder and offers 认领, this clicks it once for that task: the header then shows the user as holder, with the
// × to give the task back (unclaim), exactly as if they had clicked it themselves. A task someone else holds is left
// alone; the server decides as always whether the user may claim.
(function () {
  const claimed = new Set();

  function openTaskId() {
    const match = /[?&]task=([^&]+)/.exec(window.location.hash || '') || /[?&]task=([^&]+)/.exec(window.location.search || '');
    return match ? match[1] : null;
  }

  function claimOnOpening() {
    const id = openTaskId();
    const button = document.querySelector('section.task-card button.claim');
    if (!id || !button || claimed.has(id) || button.disabled || button.offsetParent === null) {
      return;
    }
    claimed.add(id);
    button.click();
  }

  new MutationObserver(claimOnOpening).observe(document.documentElement, { childList: true, subtree: true });
})();
