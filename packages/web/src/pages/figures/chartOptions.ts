// The dashboard's chart options as plain data (tested without a browser). Counts are whole
// numbers per month: drawn as bars, never as smoothed lines that invent values between months.

export const GOOD_COLOUR = '#3f8f5f';
/** 差评 (levels 1–2, 不满意 / 非常不满意) stand out from the rest. */
export const BAD_COLOUR = '#cf1322';
export const NEUTRAL_COLOUR = '#d4a017';

/** Rating figure keys, best first; levels 1 and 2 are the bad ones (国办发〔2019〕51号). */
export const RATING_KEYS = ['ratingsLevel5', 'ratingsLevel4', 'ratingsLevel3', 'ratingsLevel2', 'ratingsLevel1'];

export function ratingColour(key: string): string {
  const level = Number(/(\d)$/.exec(key)?.[1]);
  if (level <= 2) return BAD_COLOUR;
  if (level === 3) return NEUTRAL_COLOUR;
  return GOOD_COLOUR;
}

export function trendOption(months: string[], series: { name: string; data: number[] }[]) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 24 })),
  };
}

export function distributionOption(labels: string[], values: number[], colours: string[]) {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 20, bottom: 30 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: values.map((value, i) => ({ value, itemStyle: { color: colours[i] ?? GOOD_COLOUR } })),
      },
    ],
  };
}
