/**
 * What the county map draws when no tile server is configured: an outline of each town built from
 * the town seats (乡镇驻地), so the map works offline. The seats are approximate (to about 2 km) and
 * the outlines are the area nearer to each seat than to any other (Voronoi cells) inside the
 * county's extent — a schematic (示意), not surveyed boundaries; the map says so.
 */
import { TOWNS } from './towns.ts';

export type LatLng = { lat: number; lng: number };

/** the extent drawn: the county with a margin */
export const MAP_EXTENT = { minLat: 27.7, maxLat: 28.15, minLng: 113.6, maxLng: 114.1 } as const;

/** approximate seats of the ten towns, by statistical code */
export const TOWN_SEATS: Readonly<Record<string, LatLng>> = {
  '360322101': { lat: 27.88, lng: 113.8 }, // 上栗镇 (county seat)
  '360322102': { lat: 28.02, lng: 113.82 }, // 桐木镇
  '360322103': { lat: 27.97, lng: 113.72 }, // 金山镇
  '360322104': { lat: 27.8, lng: 113.73 }, // 福田镇
  '360322105': { lat: 27.78, lng: 113.85 }, // 彭高镇
  '360322106': { lat: 27.93, lng: 113.9 }, // 赤山镇
  '360322200': { lat: 27.86, lng: 113.68 }, // 鸡冠山乡
  '360322201': { lat: 27.95, lng: 113.98 }, // 长平乡
  '360322202': { lat: 28.06, lng: 113.95 }, // 东源乡
  '360322203': { lat: 27.79, lng: 113.96 }, // 杨岐乡
};

type P = [number, number]; // [lng, lat]

/** Keeps the part of a convex polygon nearer to a than to b (a half-plane clip). */
function clipNearer(poly: P[], a: P, b: P): P[] {
  // points x with (x - m)·(b - a) <= 0, m the midpoint
  const m: P = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const d: P = [b[0] - a[0], b[1] - a[1]];
  const side = (x: P) => (x[0] - m[0]) * d[0] + (x[1] - m[1]) * d[1];
  const out: P[] = [];
  for (let i = 0; i < poly.length; i++) {
    const cur = poly[i]!;
    const next = poly[(i + 1) % poly.length]!;
    const sc = side(cur);
    const sn = side(next);
    if (sc <= 0) out.push(cur);
    if ((sc < 0 && sn > 0) || (sc > 0 && sn < 0)) {
      const t = sc / (sc - sn);
      out.push([cur[0] + t * (next[0] - cur[0]), cur[1] + t * (next[1] - cur[1])]);
    }
  }
  return out;
}

export type TownOutline = { code: string; name: string; seat: LatLng; outline: LatLng[] };

/** Each town's schematic outline (its Voronoi cell within MAP_EXTENT). */
export function townOutlines(): TownOutline[] {
  const e = MAP_EXTENT;
  const box: P[] = [
    [e.minLng, e.minLat],
    [e.maxLng, e.minLat],
    [e.maxLng, e.maxLat],
    [e.minLng, e.maxLat],
  ];
  return TOWNS.flatMap((t) => {
    const seat = TOWN_SEATS[t.code];
    if (!seat) return [];
    const a: P = [seat.lng, seat.lat];
    let poly = box;
    for (const [code, other] of Object.entries(TOWN_SEATS))
      if (code !== t.code) poly = clipNearer(poly, a, [other.lng, other.lat]);
    return [{ code: t.code, name: t.name, seat, outline: poly.map(([lng, lat]) => ({ lat, lng })) }];
  });
}

/** Web Mercator tile of a point at a zoom (for a configured tile server). */
export function tileOf(p: LatLng, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const x = ((p.lng + 180) / 360) * n;
  const r = (p.lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
  return { x, y };
}
