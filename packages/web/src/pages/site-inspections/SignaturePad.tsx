import { Button, Flex, Typography } from 'antd';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SignaturePadHandle = {
  /** the drawing as base64 PNG (no data: prefix), or null when nothing was drawn */
  png(): string | null;
};

type Props = {
  /** a drawing kept from before (base64 PNG), shown again: the pad was remounted, not cleared */
  initial?: string | null;
  /** the drawing after each stroke, null once cleared: for whoever keeps it across a remount */
  onChange?: (png: string | null) => void;
};

/** A canvas the enterprise's representative signs on with a finger (pointer events: touch, pen, mouse). */
export const SignaturePad = forwardRef<SignaturePadHandle, Props>(function SignaturePad({ initial, onChange }, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);
  /** the kept drawing until new strokes are on the canvas with it (its image loads asynchronously) */
  const kept = useRef<string | null>(initial ?? null);

  const current = () => {
    if (drawn.current && canvas.current) return canvas.current.toDataURL('image/png').split(',')[1]!;
    return kept.current;
  };
  useImperativeHandle(ref, () => ({ png: current }));
  const strokeEnd = () => {
    if (drawing.current && drawn.current) onChange?.(current());
    drawing.current = false;
  };

  // once, on mount: the pad is new, the drawing is the one it showed before the form was read again
  useEffect(() => {
    const png = kept.current;
    const c = canvas.current?.getContext('2d');
    if (!png || !c) return;
    const img = new Image();
    img.onload = () => {
      // beneath any stroke drawn while it loaded
      c.save();
      c.globalCompositeOperation = 'destination-over';
      c.drawImage(img, 0, 0);
      c.restore();
    };
    img.src = `data:image/png;base64,${png}`;
  }, []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const c = e.currentTarget;
    const r = c.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * c.width) / r.width, y: ((e.clientY - r.top) * c.height) / r.height };
  };
  const ctx = () => {
    const c = canvas.current?.getContext('2d');
    if (c) {
      c.lineWidth = 3;
      c.lineCap = 'round';
      c.strokeStyle = '#000';
    }
    return c;
  };

  return (
    <div>
      <Typography.Text type="secondary">{t('siteInspections.signHere')}</Typography.Text>
      <canvas
        ref={canvas}
        width={600}
        height={240}
        data-testid="signature-pad"
        style={{
          width: '100%',
          // the drawing's own proportions at any width: the stored image is what the signer saw
          aspectRatio: '600 / 240',
          height: 'auto',
          border: '1px dashed #999',
          borderRadius: 6,
          touchAction: 'none',
          background: '#fff',
        }}
        onPointerDown={(e) => {
          const c = ctx();
          if (!c) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const p = point(e);
          c.beginPath();
          c.moveTo(p.x, p.y);
          drawing.current = true;
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const c = ctx();
          if (!c) return;
          const p = point(e);
          c.lineTo(p.x, p.y);
          c.stroke();
          drawn.current = true;
        }}
        onPointerUp={strokeEnd}
        onPointerCancel={strokeEnd}
      />
      <Flex justify="end">
        <Button
          size="small"
          onClick={() => {
            const c = canvas.current;
            c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
            drawn.current = false;
            kept.current = null;
            onChange?.(null);
          }}
        >
          {t('siteInspections.clearSignature')}
        </Button>
      </Flex>
    </div>
  );
});
