import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  eiaWizard: {
    homeTitle: 'Which EIA document?',
    homeDesc:
      'Answer a few questions to learn whether your project needs an EIA report book, report form, registration form or no EIA under the 2021 catalogue, with the row it rests on.',
    menu: 'EIA class',
    title: 'Which EIA document?',
    intro:
      'Under the EIA classification catalogue (2021 edition), decides from the industry and the project facts whether a report book, a report form, a registration form or no EIA is needed. Only the facts that decide the answer are asked; the answer cites the catalogue row, column and text.',
    stepProject: 'Project',
    stepFacts: 'Questions',
    stepResult: 'Answer',
    industry: 'Industry (GB/T 4754-2017)',
    industryPlaceholder: 'Search by code or name, e.g. 2672',
    industryHelp: 'The industry class of the main works',
    industryRequired: 'Choose the industry',
    constructionType: 'Construction type',
    construction: {
      new: 'New',
      expansion: 'Expansion',
      alteration: 'Alteration (incl. upgrade)',
      relocation: 'Relocation',
    },
    ancillary: 'Ancillary works',
    ancillaryHelp: 'A project in two or more rows takes the highest class (Article 4)',
    works: {
      boiler: 'Boiler or heat supply',
      'hazardous-storage': 'Hazardous-goods store (incl. fireworks)',
      'air-pollution-control': 'Air-pollution control works',
    },
    next: 'Next',
    restart: 'Start again',
    deciding: 'Deciding: catalogue row {{row}}, column "{{column}}"',
    yes: 'Yes',
    no: 'No',
    answerRequired: 'Answer this question',
    areasHelp: 'Only the areas this row counts are listed; tick none if none applies',
    resultTitle: 'Answer',
    row: 'Catalogue row',
    rowValue: 'Row {{row}}',
    noRow: 'Not in the catalogue',
    column: 'Column',
    quote: 'Text',
    clause: 'Case that applies',
    permit: 'Discharge-permit class',
    permitUnknown: 'Cannot be read from these facts (it depends on general processes); see the 2019 permit catalogue',
    notes: 'Notes',
    version: 'Catalogue edition',
  },
};

export default en;
