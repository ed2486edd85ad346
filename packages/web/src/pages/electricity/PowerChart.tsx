// ECharts imported here only, by the meters page's lazy chunk.
import { LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([LineChart, DataZoomComponent, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type PowerSeries = { name: string; points: { at: string; kw: number }[] };

/** A production line's power beside its control facilities', time on the x-axis, zoomable. */
export function PowerChart({ series, yName }: { series: PowerSeries[]; yName: string }) {
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
    chart.current?.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 56, right: 24, top: 36, bottom: 64 },
        xAxis: {
          type: 'time',
          axisLabel: {
            formatter: (v: number) =>
              new Date(v).toLocaleString('zh-CN', {
                timeZone: 'Asia/Shanghai',
                hour12: false,
                month: '2-digit',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
              }),
          },
        },
        yAxis: { type: 'value', name: yName },
        dataZoom: [{ type: 'inside' }, { type: 'slider', bottom: 16 }],
        series: series.map((s) => ({
          name: s.name,
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: s.points.map((p) => [p.at, p.kw]),
        })),
      },
      true,
    );
  }, [series, yName]);
  return <div ref={ref} style={{ width: '100%', height: 360 }} data-testid="power-chart" />;
}
