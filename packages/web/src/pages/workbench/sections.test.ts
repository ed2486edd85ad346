import { describe, expect, it } from 'vitest';
import { workbenchSections } from './sections.ts';

describe('workbench per role', () => {
  it('gives every staff role its worklist, and each role the parts of its work', () => {
    expect(workbenchSections(['clerk'])).toEqual(['todo', 'appointments', 'reception']);
    expect(workbenchSections(['leader'])).toEqual(['todo', 'appointments', 'reception', 'figures']);
    expect(workbenchSections(['inspector'])).toEqual(['todo', 'reception']);
    expect(workbenchSections(['approver'])).toEqual(['todo', 'figures']);
    expect(workbenchSections(['monitor'])).toEqual(['todo', 'figures']);
  });
  it('joins the parts of several roles, and gives non-staff nothing', () => {
    expect(workbenchSections(['inspector', 'monitor'])).toEqual(['todo', 'reception', 'figures']);
    expect(workbenchSections(['enterprise'])).toEqual([]);
    expect(workbenchSections(['citizen'])).toEqual([]);
  });
});
