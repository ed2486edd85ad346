// @vitest-environment jsdom
// A chart leaving the page disposes its ECharts instance once and asks nothing more of it: an off()
// after the dispose made ECharts warn "Instance … has been disposed" on every dashboard left.
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const instance = vi.hoisted(() => {
  let disposed = false;
  return {
    setOption: vi.fn(),
    on: vi.fn(),
    resize: vi.fn(),
    off: vi.fn(() => {
      if (disposed) throw new Error('off() on a disposed instance');
    }),
    dispose: vi.fn(() => {
      disposed = true;
    }),
    isDisposed: () => disposed,
  };
});
vi.mock('echarts/core', () => ({ use: vi.fn(), init: vi.fn(() => instance) }));

const { DistributionChart } = await import('./Charts.tsx');

afterEach(cleanup);

describe('DistributionChart', () => {
  it('disposes its chart on leaving and calls nothing on it afterwards', () => {
    const { unmount } = render(
      <DistributionChart labels={['甲', '乙']} values={[1, 2]} colours={['#000', '#111']} onClick={() => {}} />,
    );
    expect(instance.on).toHaveBeenCalledWith('click', expect.any(Function));
    unmount();
    expect(instance.dispose).toHaveBeenCalledTimes(1);
    expect(instance.off).not.toHaveBeenCalled();
  });
});
