import { makeValidUscc, TOWNS, USCC_ALPHABET } from '@qingshan/core';
import type { Db } from '../../db/client.ts';
import type { SeedContext } from '../../platform/module.ts';
import {
  DEMO_ENTERPRISES,
  DEMO_PASSWORD_OPTIONS,
  DEMO_PHONES,
  DEMO_STREAMS,
  demoRandom,
  demoUscc,
  personName,
} from '../../seed/demo-data.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { createUser } from '../users/service.ts';
import { createEnterprise } from './service.ts';
import { enterprises } from './tables.ts';

// Villages and industrial parks of each town (places the county's firms are named after).
const PLACES: Record<string, string[]> = {
  '360322101': ['金花', '高山', '城南', '建设'],
  '360322102': ['楚东', '塘下', '桐木'],
  '360322103': ['云岩', '新华', '金山'],
  '360322104': ['大塘', '清溪', '福田'],
  '360322105': ['新塘', '源头', '彭高'],
  '360322106': ['幸福', '沙田', '赤山'],
  '360322200': ['秀水', '凉亭', '鸡冠山'],
  '360322201': ['观泉', '新田', '长平'],
  '360322202': ['浏市', '田心', '东源'],
  '360322203': ['普通寺', '横溪', '杨岐'],
};

// Fireworks dominate the county; then building materials, ceramics, mining, livestock, food.
const KINDS: { industry: string; suffix: string[]; weight: number }[] = [
  {
    industry: '2672',
    suffix: ['烟花制造有限公司', '花炮厂', '鞭炮有限公司', '组合烟花厂', '礼花有限公司'],
    weight: 22,
  },
  { industry: '2231', suffix: ['花炮纸筒厂', '纸品包装厂'], weight: 4 },
  { industry: '3031', suffix: ['页岩砖厂', '新型墙体材料有限公司'], weight: 6 },
  { industry: '3021', suffix: ['水泥制品有限公司', '商品混凝土有限公司'], weight: 3 },
  { industry: '3073', suffix: ['特种陶瓷有限公司', '电瓷电器有限公司'], weight: 5 },
  { industry: '3074', suffix: ['日用陶瓷厂'], weight: 2 },
  { industry: '1011', suffix: ['石灰石矿', '石灰石开采有限公司'], weight: 4 },
  { industry: '1019', suffix: ['砂石场', '建筑用砂厂'], weight: 3 },
  { industry: '0313', suffix: ['生猪养殖场', '生态养殖专业合作社'], weight: 5 },
  { industry: '0321', suffix: ['蛋鸡养殖场'], weight: 2 },
  { industry: '1311', suffix: ['米业有限公司'], weight: 2 },
  { industry: '1453', suffix: ['酱菜食品厂', '食品有限公司'], weight: 2 },
];

/** A second series of valid codes, apart from the named enterprises' (demoUscc). */
function countyUscc(i: number): string {
  let body = '';
  let n = i * 104_723 + 7_919;
  for (let k = 0; k < 6; k++) {
    body += USCC_ALPHABET[n % USCC_ALPHABET.length];
    n = Math.floor(n / USCC_ALPHABET.length) + 17 * (k + 3);
  }
  return makeValidUscc(`91360322MA3${body}`);
}

/**
 * The county's enterprises: the named ones (DEMO_ENTERPRISES) entered through the register, as a
 * clerk would, with the environmental officer accounts of the first two; then 60 more across the
 * ten towns, inserted in one batch, so that reception days and visits have a county to serve.
 */
export async function seedEnterprises(db: Db, ctx: SeedContext): Promise<void> {
  const named: { id: string; name: string }[] = [];
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const row = await createEnterprise(db, SYSTEM_ACTOR, {
      name: e.name,
      uscc: demoUscc(i),
      legalRepresentative: e.legal,
      contacts: [{ name: e.legal, phone: DEMO_PHONES[i % DEMO_PHONES.length]!, role: '法定代表人' }],
      address: `萍乡市上栗县${e.address}`,
      townCode: e.town,
      industryCode: e.industry,
      location: { lat: 27.88 + ((i * 37) % 100) / 500, lng: 113.8 + ((i * 53) % 100) / 400 },
      status: e.status ?? 'operating',
      tags: e.tags ?? [],
      creditGrade: e.credit ?? null,
    } as never);
    named.push({ id: row.id, name: row.name });
  }
  for (const [n, e] of named.slice(0, 2).entries()) {
    const username = `qiye${n + 1}`;
    const { password } = await createUser(
      db,
      SYSTEM_ACTOR,
      { username, displayName: `${e.name}·环保专员`, roles: ['enterprise'], enterpriseId: e.id },
      undefined,
      DEMO_PASSWORD_OPTIONS,
    );
    ctx.accounts.push({ username, password, role: 'enterprise', enterprise: e.name });
  }

  const r = demoRandom(DEMO_STREAMS.enterprises);
  const weighted = KINDS.flatMap((k) => Array.from({ length: k.weight }, () => k));
  const { searchKey } = await import('@qingshan/core/pinyin');
  const rows: (typeof enterprises.$inferInsert)[] = [];
  const usedNames = new Set((await db.select({ name: enterprises.name }).from(enterprises)).map((e) => e.name));
  for (let i = 0; rows.length < 60; i++) {
    const town = TOWNS[i % TOWNS.length]!;
    const kind = weighted[(i * 7 + r.int(0, weighted.length - 1)) % weighted.length]!;
    const place = r.pick(PLACES[town.code]!);
    const name = `上栗县${place}${r.pick(kind.suffix)}`;
    if (usedNames.has(name)) continue;
    usedNames.add(name);
    const legal = personName(r);
    rows.push({
      name,
      nameSearch: searchKey(name),
      uscc: countyUscc(i + 1),
      usccValid: true,
      legalRepresentative: legal,
      contacts: [{ name: legal, phone: `139079${String(10_000 + i * 37).slice(-5)}`, role: '法定代表人' }],
      address: `萍乡市上栗县${town.name}${place}村`,
      townCode: town.code,
      industryCode: kind.industry,
      lat: 27.78 + r.next() * 0.3,
      lng: 113.72 + r.next() * 0.35,
      status: 'operating',
      tags:
        kind.industry === '2672' && r.next() < 0.3
          ? ['key-polluter']
          : kind.industry.startsWith('03')
            ? ['livelihood']
            : [],
      creditGrade: r.pick(['green', 'blue', 'blue', 'yellow', null] as const),
      createdBy: null,
      updatedBy: null,
    });
  }
  await db.insert(enterprises).values(rows).onConflictDoNothing();
  ctx.print(`企业名录：${named.length} 家具名企业，另 ${rows.length} 家 / enterprises`);
}
