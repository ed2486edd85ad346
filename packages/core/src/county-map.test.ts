import { describe, expect, it } from 'vitest';
import { distanceMetres, featurePoint } from './clues.ts';
import { MAP_EXTENT, TOWN_SEATS, tileOf, townOutlines } from './county-map.ts';

/** Point-in-polygon by ray casting. */
function inside(p: { lat: number; lng: number }, poly: { lat: number; lng: number }[]) {
  let c = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const a = poly[i]!;
    const b = poly[j]!;
    if (a.lat > p.lat !== b.lat > p.lat && p.lng < ((b.lng - a.lng) * (p.lat - a.lat)) / (b.lat - a.lat) + a.lng)
      c = !c;
  }
  return c;
}

describe('county map: schematic town outlines', () => {
  const towns = townOutlines();
  it('gives every town an outline that holds its own seat and no other', () => {
    expect(towns).toHaveLength(10);
    for (const t of towns) {
      expect(inside(t.seat, t.outline)).toBe(true);
      for (const [code, seat] of Object.entries(TOWN_SEATS))
        if (code !== t.code) expect(inside(seat, t.outline)).toBe(false);
    }
  });
  it('places a point of the extent in exactly one outline', () => {
    for (let i = 0; i < 50; i++) {
      const p = {
        lat: MAP_EXTENT.minLat + (((i * 37) % 100) / 100) * (MAP_EXTENT.maxLat - MAP_EXTENT.minLat),
        lng: MAP_EXTENT.minLng + (((i * 61) % 100) / 100) * (MAP_EXTENT.maxLng - MAP_EXTENT.minLng),
      };
      expect(towns.filter((t) => inside(p, t.outline)).length).toBe(1);
    }
  });
  it('finds the standard tile of a point', () => {
    // zoom 1 splits the world in four: the county is in the north-east quarter
    const t = tileOf({ lat: 27.9, lng: 113.8 }, 1);
    expect(Math.floor(t.x)).toBe(1);
    expect(Math.floor(t.y)).toBe(0);
  });
});

describe('clues: geometry', () => {
  it('measures 1° of latitude as about 111 km', () => {
    expect(distanceMetres({ lat: 27, lng: 113 }, { lat: 28, lng: 113 })).toBeCloseTo(111_195, -2);
  });
  it('places a polygon at the mean of its ring without counting the closing point twice', () => {
    const p = featurePoint({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [113.7, 27.9],
            [113.8, 27.9],
            [113.8, 28.0],
            [113.7, 28.0],
            [113.7, 27.9],
          ],
        ],
      },
      properties: { description: 'x' },
    });
    expect(p.lat).toBeCloseTo(27.95, 9);
    expect(p.lng).toBeCloseTo(113.75, 9);
  });
});
