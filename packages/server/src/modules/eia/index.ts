import {
  DEFAULT_COMMITMENT_INDUSTRIES,
  DEFAULT_COMMITMENT_TEXT,
  EIA_AUDIT_VOCABULARY,
  EIA_MESSAGES,
} from '@qingshan/core/eia';
import type { ModuleDefinition } from '../../platform/module.ts';
import { EIA_ERRORS } from './errors.ts';
import { EIA_FIGURES } from './figures.ts';
import { eiaRoutes } from './routes.ts';
import { seedEia } from './seed.ts';
import { COMMITMENT_INDUSTRIES_RULE, COMMITMENT_TEXT_RULE } from './service.ts';
import * as tables from './tables.ts';

/** EIA cases on their paths: commitment, ordinary, report book (tracked), exemption, filing. */
export const eiaModule: ModuleDefinition = {
  name: 'eia',
  tables,
  routes: (app, ctx) => app.register(eiaRoutes, { db: ctx.db }),
  figures: EIA_FIGURES,
  audit: EIA_AUDIT_VOCABULARY,
  errors: EIA_ERRORS,
  messages: EIA_MESSAGES,
  // the publicity, report-form and verification clocks are bureau work on the worklist; a leader
  // may extend them there like any other bureau clock
  clockOwners: { 'eia-case': { owned: false } },
  rules: [
    {
      key: COMMITMENT_INDUSTRIES_RULE,
      type: 'list',
      labelZh: '告知承诺制环评适用行业（国民经济行业分类代码，前缀涵盖其下各类）',
      labelEn: 'commitment-path EIA: industries (GB/T 4754-2017 codes; a prefix covers its classes)',
      note: '环综合〔2020〕13号附件的逐项内容未能核实；本清单为县内主要行业的默认值，请按市局授权文件修改',
      noteEn:
        'the items of the annex to 环综合〔2020〕13号 could not be verified one by one; this list is a default of the county’s main industries; change it to match the city bureau’s delegation document',
      value: DEFAULT_COMMITMENT_INDUSTRIES,
      source:
        '环综合〔2020〕13号（环评审批正面清单“告知承诺一批”：17大类44小类）；江西省生猪养殖项目可选择告知承诺制（2020）；本局可调整',
      sourceEn:
        '环综合〔2020〕13号 (positive list for EIA approval, the batch under notification and commitment: 17 divisions, 44 classes); in Jiangxi, pig-farming projects may choose the commitment path (2020); this bureau may change it',
    },
    {
      key: COMMITMENT_TEXT_RULE,
      type: 'text',
      labelZh: '告知承诺制环评承诺书文本',
      labelEn: 'commitment-path EIA: the commitment text the builder signs',
      value: DEFAULT_COMMITMENT_TEXT,
      source: '参照广东省粤环发〔2020〕3号、黑龙江省告知承诺制实施细则的承诺内容；本局可调整',
      sourceEn:
        'following the commitments in Guangdong’s 粤环发〔2020〕3号 and in Heilongjiang’s implementing rules for the notification and commitment system; this bureau may change it',
    },
  ],
  seed: seedEia,
};
