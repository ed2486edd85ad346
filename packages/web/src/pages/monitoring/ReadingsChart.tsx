// ECharts is imported here only, by the station page's lazy chunk.
import { LineChart } from 'echarts/charts';
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
  GridComponent,
  LegendComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

export type ChartPoint = { at: string; value: number | null; flag: string | null };

const FLAGGED = '#fa8c16';
const NORMAL = '#1677ff';

/** One factor's series: flagged values coloured (they never count for limits), the limit as a line, zoomable. */
export function ReadingsChart({
  points,
  limit,
  labels,
}: {
  points: readonly ChartPoint[];
  limit: number | null;
  labels: { series: string; limit: string; flagged: string };
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
    const shanghai = (iso: string) =>
      new Date(iso).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai', hour12: false }).slice(5, 16);
    chart.current?.setOption(
      {
        grid: { left: 56, right: 32, top: 48, bottom: 72 },
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [labels.series, labels.flagged] },
        xAxis: { type: 'category', data: points.map((p) => shanghai(p.at)) },
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
            showSymbol: true,
            symbolSize: 5,
            itemStyle: { color: NORMAL },
            data: points.map((p) => ({
              value: p.value,
              itemStyle: { color: p.flag && p.flag !== 'N' ? FLAGGED : NORMAL },
            })),
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
          // legend entry for the flagged colour
          { name: labels.flagged, type: 'line', data: [], itemStyle: { color: FLAGGED } },
        ],
      },
      true,
    );
  }, [points, limit, labels]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} data-testid="readings-chart" />;
}
