/**
 * Scripts run inside Chromium for the agent-table figure (classic scripts, installed before
 * the page's own). Times are the page's performance.now().
 *
 * - First rows painted: when the first agent row appears in the DOM, the end of the next
 *   animation frame's style, layout and paint (AFTER_FRAME_HELPER).
 * - Frame work: for every animation frame, from the frame's start (the rAF timestamp, shared
 *   by every callback of the frame, so the store's own rAF work counts) until the main thread
 *   is free again after painting (a message posted from the frame). The rAF-to-rAF interval is
 *   kept too (dropped frames show there).
 */

/**
 * `window.__ccAfterFrame(callback)`, called from a requestAnimationFrame callback: runs
 * `callback` as soon as that frame's style, layout and paint are done. A user-blocking task
 * (scheduler.postTask) goes ahead of the page's own queued work — React's passive effects,
 * idle callbacks — so it marks the paint, not the paint plus whatever waited behind it; a
 * posted message where postTask is missing.
 */
export const AFTER_FRAME_HELPER = `
  window.__ccAfterFrame = function (callback) {
    if (window.scheduler && typeof window.scheduler.postTask === 'function') {
      window.scheduler.postTask(callback, { priority: 'user-blocking' });
      return;
    }
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { callback(); };
    channel.port2.postMessage(null);
  };
`;

/**
 * Sets `window.__ccFirstRowsPaintedAt` once the first agent rows have been painted: when a
 * row appears in the DOM, the next animation frame's paint (see AFTER_FRAME_HELPER). Also
 * `__ccFirstRowsQueuedAt`: the same moment measured the way figure 4a did until issue 13, by a
 * posted message that also waits for the tasks queued before it (kept for comparison).
 */
export const FIRST_ROWS_PROBE = `
  ${AFTER_FRAME_HELPER}
  window.__ccFirstRowsPaintedAt = undefined;
  window.__ccFirstRowsQueuedAt = undefined;
  (function () {
    var observer = new MutationObserver(function () {
      if (!document.querySelector('[role="row"][data-workno]')) return;
      observer.disconnect();
      requestAnimationFrame(function () {
        window.__ccAfterFrame(function () {
          window.__ccFirstRowsPaintedAt = performance.now();
          performance.mark('cc-first-rows-painted');
        });
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { window.__ccFirstRowsQueuedAt = performance.now(); };
        channel.port2.postMessage(null);
      });
    });
    observer.observe(document, { subtree: true, childList: true });
  })();
`;

/** Defines `window.__ccStartFrames()` / `__ccStopFrames()` (per-frame work and intervals). */
export const FRAME_PROBE = `
  window.__ccFrames = { generation: 0, running: false, work: [], intervals: [], last: undefined };
  window.__ccStartFrames = function () {
    var frames = window.__ccFrames;
    // A new generation ends any loop still scheduled from an earlier start.
    var generation = ++frames.generation;
    frames.running = true;
    frames.work = [];
    frames.intervals = [];
    frames.last = undefined;
    function loop(frameStart) {
      if (!frames.running || frames.generation !== generation) return;
      if (frames.last !== undefined) frames.intervals.push(frameStart - frames.last);
      frames.last = frameStart;
      var channel = new MessageChannel();
      channel.port1.onmessage = function () { frames.work.push(performance.now() - frameStart); };
      channel.port2.postMessage(null);
      requestAnimationFrame(loop);
    }
    requestAnimationFrame(loop);
  };
  window.__ccStopFrames = function () {
    window.__ccFrames.running = false;
    return { work: window.__ccFrames.work, intervals: window.__ccFrames.intervals };
  };
`;

/**
 * The naive baseline of the first render, run in a blank page: every row as a plain table row
 * (no virtualisation), built in one go, timed until painted.
 */
export const NAIVE_TABLE_SCRIPT = `
  (function (count) {
    ${AFTER_FRAME_HELPER}
    return new Promise(function (resolve) {
      var started = performance.now();
      var html = '';
      for (var index = 0; index < count; index++) {
        var id = 10001 + index;
        html += '<tr><td>' + id + '</td><td>Agent ' + id + '</td><td>Support</td><td>talking</td><td>12:34</td><td>138' + index + '</td></tr>';
      }
      var table = document.createElement('table');
      table.innerHTML = '<tbody>' + html + '</tbody>';
      document.body.appendChild(table);
      requestAnimationFrame(function () {
        window.__ccAfterFrame(function () { resolve(performance.now() - started); });
      });
    });
  })
`;

/**
 * The naive baseline of the frame figure, run in a blank page: the plain table above, and a
 * timer applying `perSecond` changes by writing straight into the rows' cells.
 */
export const NAIVE_FEED_SCRIPT = `
  (function (count, perSecond, tickMs) {
    var rows = document.querySelectorAll('tbody tr');
    var states = ['idle', 'talking', 'busy', 'wrap-up', 'rest'];
    var seed = 7;
    function random() { seed = (seed * 1664525 + 1013904223) >>> 0; return seed / 4294967296; }
    var carry = 0;
    window.__ccNaiveFeed = setInterval(function () {
      carry += perSecond * tickMs / 1000;
      var n = Math.floor(carry);
      carry -= n;
      for (var i = 0; i < n; i++) {
        var row = rows[Math.floor(random() * count)];
        row.cells[3].textContent = states[Math.floor(random() * states.length)];
        row.cells[4].textContent = '00:00';
      }
    }, tickMs);
  })
`;

/**
 * `window.__ccWatchNewList(prefix)`: from now on, sets `window.__ccNewListPaintedAt` when the
 * first agent row whose id starts with `prefix` is painted (the end of the next frame's paint,
 * as FIRST_ROWS_PROBE): a whole new list arriving in the running screen. Needs
 * AFTER_FRAME_HELPER (installed by FIRST_ROWS_PROBE).
 */
export const NEW_LIST_PROBE = `
  window.__ccWatchNewList = function (prefix) {
    window.__ccNewListPaintedAt = undefined;
    var selector = '[role="row"][data-workno^="' + prefix + '"]';
    var observer = new MutationObserver(function () {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      requestAnimationFrame(function () {
        window.__ccAfterFrame(function () { window.__ccNewListPaintedAt = performance.now(); });
      });
    });
    observer.observe(document, { subtree: true, childList: true });
  };
`;
