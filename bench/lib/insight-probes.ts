/**
 * Scripts run inside Chromium for the insight figures (classic scripts; times are the page's
 * performance.now()).
 */

/**
 * Switch the insight scope select to `value` inside the page and resolve with the time it took
 * until every chart named in `charts` has drawn (`cc-chart-drawn:<testId>` marks after the
 * switch): the history fetched over the binding, the store, React and uPlot's drawing.
 */
export function scopeSwitchScript(value: string, charts: readonly string[]): string {
  return `(async function () {
    var select = document.querySelector('select.insight-scope');
    if (!select) throw new Error('no insight scope select');
    var charts = ${JSON.stringify(charts)};
    var start = performance.now();
    select.value = ${JSON.stringify(value)};
    select.dispatchEvent(new Event('change', { bubbles: true }));
    var deadline = start + 10000;
    for (;;) {
      var done = charts.map(function (name) {
        var marks = performance.getEntriesByName('cc-chart-drawn:' + name)
          .filter(function (mark) { return mark.startTime > start; });
        return marks.length ? marks[0].startTime : null;
      });
      if (done.every(function (at) { return at !== null; }))
        return Math.max.apply(null, done) - start;
      if (performance.now() > deadline) throw new Error('charts not drawn within 10 s');
      await new Promise(function (resolve) { setTimeout(resolve, 1); });
    }
  })()`;
}

/**
 * The baseline: the same 12 hours (8,640 samples) of three charts drawn the naive way, as SVG
 * with one element per sample (what a hover-able DOM chart does), timed until painted.
 */
export const NAIVE_SVG_HISTORY_SCRIPT = `(async function (samples, seriesCount) {
  var start = performance.now();
  var ns = 'http://www.w3.org/2000/svg';
  for (var chart = 0; chart < 3; chart++) {
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('width', '600');
    svg.setAttribute('height', '160');
    for (var s = 0; s < seriesCount[chart]; s++) {
      for (var i = 0; i < samples; i++) {
        var dot = document.createElementNS(ns, 'circle');
        dot.setAttribute('cx', String((i / samples) * 600));
        dot.setAttribute('cy', String(80 + 60 * Math.sin(i / 300 + s)));
        dot.setAttribute('r', '1');
        var title = document.createElementNS(ns, 'title');
        title.textContent = String(i);
        dot.appendChild(title);
        svg.appendChild(dot);
      }
    }
    document.body.appendChild(svg);
  }
  await new Promise(function (resolve) {
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  });
  return performance.now() - start;
})`;
