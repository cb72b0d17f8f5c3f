/**
 * The benchmark suite: `npm run bench` (full, ~5–6 min on 2 cores) or `npm run bench -- --quick`
 * (CI, ~2 min). Every figure is measured side by side with its baseline in this one run; the
 * table goes to stdout and, with the machine's description, to bench/results.json.
 *
 * Options: --quick, --only=name[,name], --out=path, --strict (exit 1 when a target is missed).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchContext, Figure } from './lib/bench-context';
import { currentLoadAverage, describeMachine } from './lib/machine';
import {
  formatNotes,
  formatTable,
  judgeRow,
  writeReport,
  type FigureRow,
  type ReportedRow,
} from './lib/report';
import { agentTableFigure } from './figures/agent-table';
import { cliStartupFigure } from './figures/cli-startup';
import { clientOverheadFigure } from './figures/client-overhead';
import { coldStartFigure } from './figures/cold-start';
import { firstPaintFigure } from './figures/first-paint';
import { gatewayLoadFigure } from './figures/gateway-load';
import { hotkeyToWireFigure } from './figures/hotkey-to-wire';
import { insightChartsFigure } from './figures/insight-charts';
import { mainHeapFigure } from './figures/main-heap';
import { queuePanelFigure } from './figures/queue-panel';
import { soakFigure } from './figures/soak';
import { stateToUiFigure } from './figures/state-to-ui';

const FIGURES: readonly Figure[] = [
  clientOverheadFigure,
  stateToUiFigure,
  hotkeyToWireFigure,
  firstPaintFigure,
  agentTableFigure,
  coldStartFigure,
  mainHeapFigure,
  gatewayLoadFigure,
  soakFigure,
  insightChartsFigure,
  queuePanelFigure,
  cliStartupFigure,
];

interface RunOptions {
  quick: boolean;
  only: Set<string> | null;
  out: string;
  strict: boolean;
}

function parseOptions(argv: readonly string[]): RunOptions {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const options: RunOptions = {
    quick: false,
    only: null,
    out: path.join(here, 'results.json'),
    strict: false,
  };
  for (const arg of argv) {
    if (arg === '--quick') options.quick = true;
    else if (arg === '--strict') options.strict = true;
    else if (arg.startsWith('--only='))
      options.only = new Set(arg.slice('--only='.length).split(',').filter(Boolean));
    else if (arg.startsWith('--out=')) options.out = path.resolve(arg.slice('--out='.length));
    else throw new Error(`Unknown option ${arg}. Use --quick, --only=a,b, --out=file, --strict.`);
  }
  if (options.only) {
    const known = new Set(FIGURES.map((figure) => figure.name));
    const unknown = [...options.only].filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new Error(`Unknown figure ${unknown.join(', ')}; known: ${[...known].join(', ')}.`);
  }
  return options;
}

/** Run one figure; a crash becomes a "not measured" row with the error, never a lost run. */
async function runFigure(figure: Figure, context: BenchContext): Promise<FigureRow[]> {
  const started = performance.now();
  try {
    const rows = await figure.run(context);
    context.log(`${figure.name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return rows;
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    context.log(`${figure.name}: FAILED ${message}`);
    return [
      {
        id: figure.name,
        figure: `${figure.name} (crashed)`,
        unit: '',
        ours: Number.NaN,
        baseline: null,
        baselineLabel: '',
        target: 0,
        targetOn: 'ours',
        details: { error: message },
        note: `crashed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const context: BenchContext = {
    quick: options.quick,
    log: (message) => process.stderr.write(`[bench] ${message}\n`),
  };
  const started = performance.now();
  const machine = describeMachine();
  context.log(
    `${options.quick ? 'quick' : 'full'} run on ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}`,
  );
  const selected = FIGURES.filter((figure) => !options.only || options.only.has(figure.name));
  const background = selected
    .filter((figure) => figure.background)
    .map((figure) => ({ figure, rows: runFigure(figure, context) }));
  const rows: FigureRow[] = [];
  for (const figure of selected) {
    if (!figure.background) rows.push(...(await runFigure(figure, context)));
  }
  for (const entry of background) rows.push(...(await entry.rows));
  const judged: ReportedRow[] = rows.map(judgeRow).sort((a, b) => a.id.localeCompare(b.id));
  const durationSeconds = (performance.now() - started) / 1000;
  writeReport(options.out, {
    mode: options.quick ? 'quick' : 'full',
    machine: { ...machine, loadAverageAtEnd: currentLoadAverage() },
    durationSeconds,
    rows: judged,
  });
  process.stdout.write(`\n${formatTable(judged)}\n\n${formatNotes(judged)}\n\n`);
  process.stdout.write(
    `${judged.length} figures in ${durationSeconds.toFixed(1)} s; results in ${path.relative(process.cwd(), options.out)}\n`,
  );
  const crashed = judged.filter((row) => row.figure.endsWith('(crashed)'));
  const missed = judged.filter((row) => row.verdict === 'miss');
  if (missed.length > 0)
    process.stdout.write(`Missed targets (findings): ${missed.map((row) => row.id).join(', ')}\n`);
  // A crash is a broken benchmark; a miss is a finding, fatal only with --strict (noisy CI).
  if (crashed.length > 0 || (options.strict && missed.length > 0)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
