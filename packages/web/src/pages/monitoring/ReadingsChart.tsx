// ECharts is imported here only, by the station page's lazy chunk.
import { LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type ChartPoint = { at: string; value: number | null; flag: string | null };

export const FLAGGED = '#fa8c16';
const NORMAL = '#1677ff';

type Labels = {
  series: string;
  limit: string;
  flagged: string;
  /** a data flag as the tooltip names it, e.g. "D 仪器仪表故障" */
  flagName: (flag: string) => string;
  /** a text with a note after it in brackets, as the language writes it: "151（D 仪器仪表故障）", "151 (D …)" */
  parenthetical: (text: string, note: string) => string;
};

/** Tooltip text is HTML to ECharts; a flag is whatever the logger sent. */
const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type TooltipParam = {
  marker?: string;
  seriesName?: string;
  axisValue?: unknown;
  axisValueLabel?: string;
  value?: unknown;
  data?: unknown;
};

/** A time as the bureau reads it, whatever the browser's zone: "12-05 12:07" in Asia/Shanghai. */
const shanghai = (t: string | number) =>
  new Date(t).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(5, 16);

/** The axis tooltip: each series' value at that time, and a flagged value with its flag in words. */
function tooltipText(params: TooltipParam | TooltipParam[], labels: Labels): string {
  const list = Array.isArray(params) ? params : [params];
  const lines = list.map((p) => {
    const value = Array.isArray(p.value) ? p.value[1] : p.value;
    const flag = (p.data as { flag?: unknown } | null | undefined)?.flag;
    const line = `${escapeHtml(p.seriesName ?? '')} ${escapeHtml(String(value ?? '—'))}`;
    const text = typeof flag === 'string' ? labels.parenthetical(line, escapeHtml(labels.flagName(flag))) : line;
    return `${p.marker ?? ''}${text}`;
  });
  // ECharts labels a time axis in the browser's zone: the label is made here, in Shanghai's
  const at = list[0]?.axisValue;
  return [escapeHtml(typeof at === 'number' ? shanghai(at) : (list[0]?.axisValueLabel ?? '')), ...lines].join('<br/>');
}

/**
 * The usual spacing of the points (their median step), which tells a gap from the series' own
 * pace: minute values and hour values alike. Null with fewer than three points.
 */
function typicalStep(points: readonly ChartPoint[]): number | null {
  if (points.length < 3) return null;
  const steps: number[] = [];
  for (let i = 1; i < points.length; i++) steps.push(Date.parse(points[i]!.at) - Date.parse(points[i - 1]!.at));
  steps.sort((a, b) => a - b);
  const median = steps[Math.floor(steps.length / 2)]!;
  return median > 0 ? median : null;
}

/** A flag other than N (normal): the logger marked the value (HJ 212 D, M, C, F…). */
const isFlagged = (flag: string | null): flag is string => flag !== null && flag !== 'N';

/**
 * The chart's ECharts option. Flagged values are a scatter series of their own, every one drawn: as
 * coloured symbols on the line they were thinned out with the rest whenever the points outnumbered
 * the pixels (a day of minute values), so a flagged value could not be seen.
 */
export function readingsChartOption(points: readonly ChartPoint[], limit: number | null, labels: Labels) {
  const line: [number, number | null][] = [];
  const flagged: { value: [number, number]; flag: string }[] = [];
  const step = typicalStep(points);
  let previous: number | null = null;
  for (const p of points) {
    const at = Date.parse(p.at);
    // a logger that sent nothing for a while leaves a break in the line, not a straight stroke across it
    if (previous !== null && step !== null && at - previous > 2 * step) line.push([previous + step, null]);
    line.push([at, p.value]);
    if (p.value !== null && isFlagged(p.flag)) flagged.push({ value: [at, p.value], flag: p.flag });
    previous = at;
  }
  return {
    grid: { left: 56, right: 32, top: 48, bottom: 72 },
    tooltip: { trigger: 'axis', formatter: (params: TooltipParam | TooltipParam[]) => tooltipText(params, labels) },
    legend: { top: 0, data: [labels.series, labels.flagged] },
    // a time axis, so hours without data take their width and a gap is seen as one
    xAxis: { type: 'time', axisLabel: { formatter: (t: number) => shanghai(t), hideOverlap: true } },
    // the limit line stays in view even when every value is far below it
    yAxis: {
      type: 'value',
      max: (v: { max: number }) => (limit !== null && limit > v.max ? Math.ceil(limit * 1.1) : null),
    },
    dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 16 }],
    series: [
      {
        name: labels.series,
        type: 'line',
        // symbols where there is room for them, so a value alone between gaps still shows
        showSymbol: true,
        symbolSize: 4,
        itemStyle: { color: NORMAL },
        data: line,
        markLine:
          limit === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed' },
                label: { formatter: labels.limit, position: 'insideEndTop' },
                data: [{ yAxis: limit }],
              },
      },
      {
        name: labels.flagged,
        type: 'scatter',
        symbolSize: 8,
        itemStyle: { color: FLAGGED, borderColor: '#fff', borderWidth: 1 },
        data: flagged,
        z: 3,
      },
    ],
  };
}

/** One factor's series: flagged values coloured (they never count for limits), the limit as a line, zoomable. */
export function ReadingsChart({
  points,
  limit,
  labels,
}: {
  points: readonly ChartPoint[];
  limit: number | null;
  labels: Labels;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current);
    chart.current = c;
    const onResize = () => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(readingsChartOption(points, limit, labels), true);
  }, [points, limit, labels]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} data-testid="readings-chart" />;
}
