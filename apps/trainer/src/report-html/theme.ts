/** @module The report's visual constants: fonts, method colours and the shared Vega-Lite config. */
import type { Config } from 'vega-lite';

/** Font stack used by the page and by every chart. */
export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** Colour of the teacher everywhere in the report. */
export const TEACHER_COLOR = '#1f2937';

/** Colour of the CE-only student reference. */
export const CE_COLOR = '#6b7280';

const STUDENT_PALETTE = [
  '#4c78a8',
  '#f58518',
  '#54a24b',
  '#e45756',
  '#b279a2',
  '#72b7b2',
  '#eeca3b',
  '#9d755d',
  '#ff9da6',
];

/** A categorical colour scale over method ids, stable across every chart of one report. */
export interface MethodColors {
  readonly domain: readonly string[];
  readonly range: readonly string[];
}

/**
 * Assigns each method a colour: the teacher dark grey, the CE-only student grey, the others from a
 * colour-blind-aware categorical palette in report order. Students of one method share its colour
 * across a size family (`student-kd@xs` and `student-kd@l` alike), keyed by `method`.
 *
 * @param methods - the report's methods in report order.
 * @param isCe - whether a student is a CE-only student.
 * @example
 * ```ts
 * methodColors([{ id: 'teacher', role: 'teacher' }], () => false); // { domain: ['teacher'], range: ['#1f2937'] }
 * ```
 */
export function methodColors(
  methods: readonly { readonly id: string; readonly role: 'teacher' | 'student'; readonly method?: string }[],
  isCe: (m: { readonly id: string; readonly method?: string }) => boolean,
): MethodColors {
  const byMethod = new Map<string, string>();
  const range = methods.map((m) => {
    if (m.role === 'teacher') return TEACHER_COLOR;
    if (isCe(m)) return CE_COLOR;
    const key = m.method ?? m.id;
    const known = byMethod.get(key);
    if (known !== undefined) return known;
    const color = STUDENT_PALETTE[byMethod.size % STUDENT_PALETTE.length] ?? CE_COLOR;
    byMethod.set(key, color);
    return color;
  });
  return { domain: methods.map((m) => m.id), range };
}

/** Vega-Lite config shared by every chart: fonts, sizes and a quiet frame. */
export const CHART_CONFIG: Config = {
  font: FONT_STACK,
  background: '#ffffff',
  padding: 6,
  view: { stroke: null },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 600,
    labelColor: '#374151',
    titleColor: '#111827',
    gridColor: '#e5e7eb',
    domainColor: '#9ca3af',
    tickColor: '#9ca3af',
    labelLimit: 140,
  },
  legend: { labelFontSize: 11, titleFontSize: 11, orient: 'bottom', direction: 'horizontal', labelLimit: 260 },
  title: { fontSize: 12, fontWeight: 600, anchor: 'start', color: '#111827' },
  header: { labelFontSize: 11, titleFontSize: 11 },
};
