/** @module The page's inline stylesheet: readable on a laptop and a phone, charts scale down. */
import { FONT_STACK } from './theme.js';

/** CSS inlined into `report.html`. SVGs keep their aspect ratio and never overflow the screen. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #111827; --muted: #4b5563; --line: #e5e7eb; --card: #f9fafb; --accent: #4c78a8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--fg); background: #fff; line-height: 1.45; font-size: 15px; }
main { max-width: 1180px; margin: 0 auto; padding: 20px 16px 48px; }
header h1 { font-size: 1.55rem; margin: 0 0 4px; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 1.2rem; margin: 36px 0 6px; padding-top: 10px; border-top: 1px solid var(--line); }
h3 { font-size: 1rem; margin: 18px 0 6px; }
p.lead { margin: 0 0 12px; color: var(--muted); max-width: 70ch; }
.note { margin: 8px 0; padding: 10px 12px; background: #fffbeb; border-left: 3px solid #f59e0b; border-radius: 4px; max-width: 70ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 200px), 1fr)); gap: 10px; margin: 16px 0 4px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .k { font-size: 0.8rem; color: var(--muted); }
.card .v { font-size: 1.25rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .s { font-size: 0.8rem; color: var(--muted); }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 360px), 1fr)); gap: 14px 18px; align-items: start; }
figure.chart { margin: 0; min-width: 0; }
figure.chart figcaption { font-size: 0.85rem; color: var(--muted); margin: 0 0 4px; }
figure.chart figcaption b { color: var(--fg); }
figure.chart svg { display: block; max-width: 100%; height: auto; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0 14px; font-size: 0.92rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.table-wrap { overflow-x: auto; margin: 8px 0 4px; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
th, td { padding: 5px 8px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--card); font-weight: 600; }
tr.best td { font-weight: 650; }
details { margin: 10px 0; }
summary { cursor: pointer; color: var(--accent); }
pre { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: 10px; overflow-x: auto; font-size: 0.8rem; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; }
@media (max-width: 480px) {
  body { font-size: 14px; }
  main { padding: 14px 10px 36px; }
  header h1 { font-size: 1.3rem; }
  th, td { padding: 4px 7px; }
}
@media print { h2 { break-before: auto; } figure.chart { break-inside: avoid; } }
`;
