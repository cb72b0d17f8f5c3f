/**
 * Scripts run inside Chromium for the agent-table figure (classic scripts, installed before
 * the page's own). Times are the page's performance.now().
 *
 * - First rows painted: when the first agent row appears in the DOM, the next animation frame
 *   posts a message; it runs once that frame's style, layout and paint are done.
 * - Frame work: for every animation frame, from the frame's start (the rAF timestamp, shared
 *   by every callback of the frame, so the store's own rAF work counts) until the main thread
 *   is free again after painting (a message posted from the frame). The rAF-to-rAF interval is
 *   kept too (dropped frames show there).
 */

/** Sets `window.__ccFirstRowsPaintedAt` once the first agent rows have been painted. */
export const FIRST_ROWS_PROBE = `
  window.__ccFirstRowsPaintedAt = undefined;
  (function () {
    var observer = new MutationObserver(function () {
      if (!document.querySelector('[role="row"][data-workno]')) return;
      observer.disconnect();
      requestAnimationFrame(function () {
        var channel = new MessageChannel();
        channel.port1.onmessage = function () {
          window.__ccFirstRowsPaintedAt = performance.now();
          performance.mark('cc-first-rows-painted');
        };
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
        var channel = new MessageChannel();
        channel.port1.onmessage = function () { resolve(performance.now() - started); };
        channel.port2.postMessage(null);
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
