import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import i18n from 'i18next';
import { describe, expect, it } from 'vitest';
import '../../i18n.ts';
import { type ChartPoint, FLAGGED, readingsChartOption } from './ReadingsChart.tsx';

echarts.use([SVGRenderer]);

const labels = {
  series: '氮氧化物 (mg/m³)',
  limit: '限值 180',
  flagged: '标记数据（不参与超标判定）',
  flagName: (flag: string) => (flag === 'D' ? 'D 仪器仪表故障' : flag),
  parenthetical: (text: string, note: string) => i18n.getFixedT('zh-CN')('common.parenthetical', { text, note }),
};

/** A day of minute values, all normal but for the given minutes' flags. */
function day(flags: Record<number, string>): ChartPoint[] {
  const start = Date.parse('2026-12-05T04:00:00Z');
  return Array.from({ length: 1440 }, (_, i) => ({
    at: new Date(start + i * 60_000).toISOString(),
    value: 150 + 30 * Math.sin(i / 40),
    flag: flags[i] ?? 'N',
  }));
}

/** The chart drawn as SVG at a page's width, and how many shapes are filled in the flagged colour. */
function flaggedShapes(points: ChartPoint[]): number {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 1100, height: 360 });
  try {
    chart.setOption({ ...readingsChartOption(points, 180, labels), animation: false });
    return chart.renderToSVGString().split(`fill="${FLAGGED}"`).length - 1;
  } finally {
    chart.dispose();
  }
}

describe('the station chart', () => {
  it('draws every flagged value of a day of minute values, however dense the line', () => {
    // beside the legend's own mark
    const none = flaggedShapes(day({}));
    expect(flaggedShapes(day({ 100: 'D', 701: 'M', 1302: 'C' }))).toBe(none + 3);
    expect(flaggedShapes(day({ 5: 'F', 6: 'F' }))).toBe(none + 2);
  });

  it('keeps a gap where a value is missing and never marks one as flagged', () => {
    const points = day({ 10: 'D' });
    points[10] = { ...points[10]!, value: null };
    expect(flaggedShapes(points)).toBe(flaggedShapes(day({})));
    const option = readingsChartOption(points, null, labels);
    expect(option.series[0]!.data[10]).toEqual([Date.parse(points[10]!.at), null]);
    expect(option.series[0]!.markLine).toBeUndefined();
  });

  it('spaces the values by their time, and breaks the line where the logger sent nothing', () => {
    // three hours without data in a day of minute values
    const points = day({ 500: 'D' }).filter((_, i) => i < 300 || i >= 480);
    const option = readingsChartOption(points, null, labels);
    const line = option.series[0]!.data as [number, number | null][];
    expect(option.xAxis.type).toBe('time');
    expect(line).toHaveLength(points.length + 1);
    // the break sits one step after the last value before the gap, and the values go on at their own times
    expect(line[300]).toEqual([Date.parse(points[299]!.at) + 60_000, null]);
    expect(line[301]).toEqual([Date.parse(points[300]!.at), points[300]!.value]);
    expect((option.series[1]!.data as { value: [number, number] }[])[0]!.value[0]).toBe(Date.parse(points[320]!.at));
    // no break in an unbroken series
    expect(readingsChartOption(day({}), null, labels).series[0]!.data.some((v) => (v as unknown[])[1] === null)).toBe(
      false,
    );
    // the axis and the tooltip read Shanghai's time, whatever the browser's zone
    expect(option.xAxis.axisLabel.formatter(Date.parse('2026-12-05T04:07:00Z'))).toBe('12-05 12:07');
    expect(
      option.tooltip.formatter([
        { seriesName: labels.series, axisValue: Date.parse('2026-12-05T04:07:00Z'), value: [0, 1] },
      ]),
    ).toContain('12-05 12:07');
  });

  it("names a flagged value's flag in the tooltip, and shows what a logger sent as text, never as markup", () => {
    const option = readingsChartOption(day({ 7: 'D', 8: '<img src=x onerror=alert(1)>' }), 180, labels);
    const flagged = option.series[1]!.data as { value: [number, number]; flag: string }[];
    const at = (i: number) => [
      { marker: '', seriesName: labels.series, axisValueLabel: '12-05 12:07', value: 151, data: 151 },
      {
        marker: '',
        seriesName: labels.flagged,
        axisValueLabel: '12-05 12:07',
        value: flagged[i]!.value,
        data: flagged[i],
      },
    ];
    const text = option.tooltip.formatter(at(0));
    expect(text).toContain('12-05 12:07');
    expect(text).toContain('氮氧化物 (mg/m³) 151');
    expect(text).toContain(`标记数据（不参与超标判定） ${flagged[0]!.value[1]}（D 仪器仪表故障）`);
    const hostile = option.tooltip.formatter(at(1));
    expect(hostile).not.toContain('<img');
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    // in English the note is in ASCII brackets after a space
    const en = readingsChartOption(day({ 7: 'D' }), 180, {
      ...labels,
      flagName: (flag: string) => (flag === 'D' ? 'D instrument fault' : flag),
      parenthetical: (text: string, note: string) => i18n.getFixedT('en')('common.parenthetical', { text, note }),
    });
    expect(en.tooltip.formatter(at(0))).toContain(` ${flagged[0]!.value[1]} (D instrument fault)`);
  });
});
