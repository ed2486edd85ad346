import { describe, expect, it } from 'vitest';
import { homeCards } from '../../routes.tsx';

describe('the public home cards, declared by their features', () => {
  it('are public routes, in order, each with a test id of its own', () => {
    const cards = homeCards();
    expect(cards.map((r) => r.path)).toEqual([
      '/matters',
      '/eia-wizard',
      '/eia/notices',
      '/appointments',
      '/appointments/lookup',
      '/petitions/submit',
      '/reports/submit',
      '/reception',
      '/petitions/track',
      '/positive-list',
      '/inspection-results',
    ]);
    for (const r of cards) expect(r.access, r.path).toBe('public');
    expect(new Set(cards.map((r) => r.home.testId)).size).toBe(cards.length);
    expect(new Set(cards.map((r) => r.home.order)).size).toBe(cards.length);
  });
});
