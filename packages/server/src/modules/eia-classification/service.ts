import { todayInShanghai } from '@qingshan/core/calendar';
import { EIA_CATALOGUE_EDITIONS, type EiaCatalogueEdition } from '@qingshan/core/eia-catalogue';
import {
  type ClassifyRequest,
  type ClassifyResult,
  classify,
  UnknownIndustryError,
} from '@qingshan/core/eia-classification';
import { desc, eq, lte } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { eiaCatalogueEditions } from './tables.ts';

/** Loads the shipped catalogue editions that are not stored yet; an edition once stored is kept as it is. */
export async function loadShippedEiaCatalogue(db: Db): Promise<number> {
  let added = 0;
  for (const e of EIA_CATALOGUE_EDITIONS) {
    const rows = await db
      .insert(eiaCatalogueEditions)
      .values({ version: e.version, title: e.title, effectiveFrom: e.effectiveFrom, content: e })
      .onConflictDoNothing()
      .returning({ version: eiaCatalogueEditions.version });
    added += rows.length;
  }
  return added;
}

/** The edition asked for, or the one in force today (the newest already in effect). */
export async function getCatalogueEdition(db: Tx, version?: string): Promise<EiaCatalogueEdition> {
  const [row] = version
    ? await db.select().from(eiaCatalogueEditions).where(eq(eiaCatalogueEditions.version, version))
    : await db
        .select()
        .from(eiaCatalogueEditions)
        .where(lte(eiaCatalogueEditions.effectiveFrom, todayInShanghai()))
        .orderBy(desc(eiaCatalogueEditions.effectiveFrom))
        .limit(1);
  if (!row)
    throw new AppError('RECORD_NOT_FOUND', {
      detail: { zh: '没有该版本的环评分类管理名录', en: 'No such edition of the EIA classification catalogue' },
    });
  return row.content as EiaCatalogueEdition;
}

/** Runs the engine; a code that is not a GB/T 4754 class is the caller's input error, with the field named. */
export function classifyProject(input: ClassifyRequest): ClassifyResult {
  try {
    return classify(input);
  } catch (e) {
    if (e instanceof UnknownIndustryError) {
      const inOthers = input.facts?.otherIndustryCodes?.includes(e.code) ?? false;
      throw new AppError('VALIDATION_FAILED', {
        errors: [
          {
            path: inOthers ? 'facts.otherIndustryCodes' : 'industryCode',
            message: {
              zh: `“${e.code}”不是国民经济行业分类（GB/T 4754-2017）的行业小类，请用行业搜索选择`,
              en: `"${e.code}" is not a GB/T 4754-2017 industry class; pick one from the industry search`,
            },
          },
        ],
      });
    }
    throw e;
  }
}
