/**
 * Chart colours and patterns, readable in both themes and by colour-blind readers: the
 * Okabe–Ito palette (distinguishable with every common colour-vision deficiency), a lighter
 * variant of each on dark backgrounds, and a second cue on every series — a dash pattern for
 * lines, a hatch direction for stacked areas — so no series is told apart by colour alone.
 */
export type ChartTheme = 'light' | 'dark';

export interface SeriesStyle {
  stroke: string;
  dash: number[] | undefined;
  /** Hatch angle for areas: 0 none, else 45, 135, 90 or 180 (degrees). */
  hatch: number;
}

const OKABE_ITO_LIGHT = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
// Same hues, lifted for contrast on a dark surface (≥ 4.5:1 against #151a21).
const OKABE_ITO_DARK = ['#56B4E9', '#FF8A3D', '#2ED3A0', '#E6A0C8', '#F5C342', '#9AD3F5'];
const DASHES: Array<number[] | undefined> = [
  undefined,
  [6, 4],
  [2, 3],
  [10, 3, 2, 3],
  [4, 2],
  [1, 2],
];
const HATCHES = [0, 45, 135, 90, 180, 60];

/** The style of series number `index` in `theme`. */
export function seriesStyle(index: number, theme: ChartTheme): SeriesStyle {
  const palette = theme === 'dark' ? OKABE_ITO_DARK : OKABE_ITO_LIGHT;
  const slot = index % palette.length;
  return {
    stroke: palette[slot] ?? '#888888',
    dash: DASHES[slot],
    hatch: HATCHES[slot] ?? 0,
  };
}

/** Axis, grid and text colours of a theme (canvas cannot read CSS variables). */
export function axisColours(theme: ChartTheme): { text: string; grid: string; tick: string } {
  return theme === 'dark'
    ? { text: '#c4ccd6', grid: '#2a323d', tick: '#3b4553' }
    : { text: '#3a4656', grid: '#e1e6ec', tick: '#aeb8c5' };
}

/** A translucent version of a #rrggbb colour. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${alpha})`;
}

/** A canvas pattern: the colour at low opacity with hatch lines at `angle` (0 = plain fill). */
export function hatchPattern(
  context: CanvasRenderingContext2D,
  colour: string,
  angle: number,
): CanvasPattern | string {
  const base = withAlpha(colour, 0.35);
  if (angle === 0 || typeof document === 'undefined') return base;
  const size = 8;
  const tile = document.createElement('canvas');
  tile.width = size;
  tile.height = size;
  const draw = tile.getContext('2d');
  if (!draw) return base;
  draw.fillStyle = base;
  draw.fillRect(0, 0, size, size);
  draw.strokeStyle = withAlpha(colour, 0.9);
  draw.lineWidth = 1.5;
  draw.translate(size / 2, size / 2);
  draw.rotate((angle * Math.PI) / 180);
  for (let offset = -size; offset <= size; offset += size / 2) {
    draw.beginPath();
    draw.moveTo(-size, offset);
    draw.lineTo(size, offset);
    draw.stroke();
  }
  return context.createPattern(tile, 'repeat') ?? base;
}
