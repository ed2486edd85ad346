/** A share as a percentage with one decimal: 0.125 → 12.5%. */
export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
