import { MAP_EXTENT, tileOf, townOutlines } from '@qingshan/core/county-map';
import { Tooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClueMap } from './api.ts';

// One projection for shapes and tiles: Web Mercator pixels at this zoom (the county is ~3 tiles across).
const ZOOM = 11;
const TILE = 256;
const project = (lat: number, lng: number) => {
  const t = tileOf({ lat, lng }, ZOOM);
  return { x: t.x * TILE, y: t.y * TILE };
};

const TOWN_FILLS = ['#f6ffed', '#e6f4ff', '#fff7e6', '#f9f0ff', '#fff0f6'];
const CLUE_COLORS = { pending: '#fa541c', verified: '#389e0d' } as const;

export type CountyMapProps = {
  data: ClueMap;
  onClueClick?: (id: string) => void;
  /** highlight one clue (the detail page) */
  focus?: { lat: number; lng: number } | null;
  height?: number;
};

/**
 * The county map. With a tile URL configured it lays the tiles under the shapes; without one it
 * draws the towns' schematic outlines itself, so the page never depends on the internet.
 */
export function CountyMap({ data, onClueClick, focus, height = 560 }: CountyMapProps) {
  const { t } = useTranslation();
  const towns = useMemo(() => townOutlines(), []);
  const tl = project(MAP_EXTENT.maxLat, MAP_EXTENT.minLng);
  const br = project(MAP_EXTENT.minLat, MAP_EXTENT.maxLng);
  const w = br.x - tl.x;
  const h = br.y - tl.y;
  const tiles: { key: string; href: string; x: number; y: number }[] = [];
  if (data.tileUrl)
    for (let x = Math.floor(tl.x / TILE); x <= Math.floor(br.x / TILE); x++)
      for (let y = Math.floor(tl.y / TILE); y <= Math.floor(br.y / TILE); y++)
        tiles.push({
          key: `${x}-${y}`,
          href: data.tileUrl.replace('{z}', String(ZOOM)).replace('{x}', String(x)).replace('{y}', String(y)),
          x: x * TILE,
          y: y * TILE,
        });
  const px = (lat: number, lng: number) => project(lat, lng);
  return (
    <div data-testid="county-map">
      <svg
        viewBox={`${tl.x} ${tl.y} ${w} ${h}`}
        style={{ width: '100%', height, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 8 }}
        // a group, not an image: the clues on it are links a keyboard reaches, which an image may not hold
        role={onClueClick ? 'group' : 'img'}
        aria-label={t('clues.mapTitle')}
      >
        {tiles.map((tile) => (
          <image key={tile.key} href={tile.href} x={tile.x} y={tile.y} width={TILE} height={TILE} />
        ))}
        {towns.map((town, i) => (
          <polygon
            key={town.code}
            points={town.outline.map((p) => `${px(p.lat, p.lng).x},${px(p.lat, p.lng).y}`).join(' ')}
            fill={data.tileUrl ? 'none' : TOWN_FILLS[i % TOWN_FILLS.length]}
            stroke="#8c8c8c"
            strokeDasharray="6 4"
            strokeWidth={1.5}
          />
        ))}
        {towns.map((town) => {
          const p = px(town.seat.lat, town.seat.lng);
          return (
            <text key={town.code} x={p.x} y={p.y} textAnchor="middle" fontSize={16} fill="#595959" fontWeight={600}>
              {town.name}
            </text>
          );
        })}
        {data.enterprises.map((e) => {
          const p = px(e.lat, e.lng);
          return (
            <Tooltip key={e.id} title={e.name}>
              <circle cx={p.x} cy={p.y} r={3.5} fill="#8c8c8c" opacity={0.7} />
            </Tooltip>
          );
        })}
        {data.videoPoints.map((v) => {
          const p = px(v.lat, v.lng);
          return (
            <Tooltip key={v.id} title={t('common.labelled', { label: t('clues.videoPoint'), value: v.name })}>
              <rect x={p.x - 5} y={p.y - 5} width={10} height={10} fill="#1677ff" />
            </Tooltip>
          );
        })}
        {data.clues.map((c) => {
          const p = px(c.lat, c.lng);
          const dot = (
            <circle
              data-testid={`clue-marker-${c.id}`}
              cx={p.x}
              cy={p.y}
              r={8}
              fill={CLUE_COLORS[c.status]}
              stroke="#fff"
              strokeWidth={2}
            />
          );
          return (
            <Tooltip
              key={c.id}
              title={t('common.labelled', { label: t(`clues.status.${c.status}`), value: c.description })}
            >
              {onClueClick ? (
                // an SVG link: keyboard and screen readers reach it; the click stays in the single-page app
                <a
                  href={`/staff/clues/${encodeURIComponent(c.id)}`}
                  aria-label={c.description}
                  onClick={(e) => {
                    e.preventDefault();
                    onClueClick(c.id);
                  }}
                >
                  {dot}
                </a>
              ) : (
                dot
              )}
            </Tooltip>
          );
        })}
        {focus
          ? (() => {
              const p = px(focus.lat, focus.lng);
              return <circle cx={p.x} cy={p.y} r={16} fill="none" stroke="#fa541c" strokeWidth={3} />;
            })()
          : null}
      </svg>
      <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', fontSize: 12, color: '#595959', marginTop: 8 }}>
        <span>
          <span style={{ color: CLUE_COLORS.pending }}>●</span> {t('clues.status.pending')}
        </span>
        <span>
          <span style={{ color: CLUE_COLORS.verified }}>●</span> {t('clues.status.verified')}
        </span>
        <span>
          <span style={{ color: '#8c8c8c' }}>●</span> {t('clues.registeredSite')}
        </span>
        <span>
          <span style={{ color: '#1677ff' }}>■</span> {t('clues.videoPoint')}
        </span>
        <span>{data.tileUrl ? (data.tileAttribution ?? '') : t('clues.schematic')}</span>
      </div>
    </div>
  );
}
