// What the EIA wizard hands to the case form (router state): the engine's input, so the server can
// classify again and keep the evidence, and its answer, so the form can show what it rests on.
import type { EiaPath } from '@qingshan/core/eia';

export type EiaWizardHandoff = {
  classification: {
    industryCode: string;
    constructionType: 'new' | 'expansion' | 'alteration' | 'relocation';
    facts: Record<string, unknown>;
  };
  answer: {
    category: 'report-book' | 'report-form' | 'registration-form' | 'none';
    categoryLabel: string;
    basis: string;
    /** the same basis in English (the answer's basis is the catalogue's Chinese) */
    basisEn?: string;
    quote: string;
  };
  /** set when the wizard was opened from an accepted application */
  application?: { id: string; enterpriseId: string; projectName: string; path?: EiaPath };
};

export function handoffOf(state: unknown): EiaWizardHandoff | null {
  const s = state as { eiaWizard?: EiaWizardHandoff } | null;
  return s?.eiaWizard ?? null;
}
