import { Button, Flex, Typography } from 'antd';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export type SignaturePadHandle = {
  /** the drawing as base64 PNG (no data: prefix), or null when nothing was drawn */
  png(): string | null;
};

/** A canvas the enterprise's representative signs on with a finger (pointer events: touch, pen, mouse). */
export const SignaturePad = forwardRef<SignaturePadHandle>(function SignaturePad(_props, ref) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);

  useImperativeHandle(ref, () => ({
    png: () => (drawn.current && canvas.current ? canvas.current.toDataURL('image/png').split(',')[1]! : null),
  }));

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
        onPointerUp={() => {
          drawing.current = false;
        }}
        onPointerCancel={() => {
          drawing.current = false;
        }}
      />
      <Flex justify="end">
        <Button
          size="small"
          onClick={() => {
            const c = canvas.current;
            c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
            drawn.current = false;
          }}
        >
          {t('siteInspections.clearSignature')}
        </Button>
      </Flex>
    </div>
  );
});
