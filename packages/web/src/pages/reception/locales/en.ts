import type { Leaves } from '../../../locales/types.ts';
import type zh from './zh-CN.ts';

const en: Leaves<typeof zh> = {
  reception: {
    homeTitle: 'Public reception day',
    homeDesc:
      'Each month a bureau leader receives the public: book a place online and raise your concern, or read the published answers.',
    notHeldYet: 'Who came and their concerns can be recorded from the day itself',
    caseSort: {
      '-publishedAt': 'Latest published first',
      publishedAt: 'Earliest published first',
      '-sessionDate': 'Latest reception day first',
      sessionDate: 'Earliest reception day first',
    },
  },
};

export default en;
