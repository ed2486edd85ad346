/**
 * Which EIA document does a project need? The pure engine over the catalogue rows in
 * eia-catalogue.ts (ML2021), following the catalogue's own reading order (eia-catalogue.md §8):
 * for every row the project falls in, try 报告书, then 报告表, then 登记表; the first column whose
 * condition holds is that row's answer; the project takes the highest answer over its rows
 * (第四条); no row, or no column, means it is outside EIA management (第五条).
 *
 * Conditions are three-valued: a fact the applicant has not given makes a condition "unknown", and
 * the engine then names the facts that decide it (missingFacts) instead of guessing. It only asks
 * what can still change the answer: a row that cannot rise above what is already decided is not
 * asked about, and a row's sensitive-area question offers only the areas that row's own column
 * counts (第三条 is read per row, not globally).
 */
import { z } from 'zod';
import {
  EIA_CATALOGUE_EDITIONS,
  EIA_COLUMN_LABELS,
  EIA_COLUMN_LABELS_EN,
  type EiaCatalogueEdition,
  type EiaCatalogueRow,
  type EiaColumn,
  ML2021,
  ML2021_TITLE,
  ML2021_TITLE_EN,
  PERMIT_CLASS_LABELS,
  type PermitClass,
  PW2019_ITEMS,
  PW2019_TITLE,
  PW2019_TITLE_EN,
} from './eia-catalogue.ts';
import { industryByCode } from './industries.ts';
import { PERMIT_CLASS_LABELS as PERMIT_CLASS_WORDS } from './permits.ts';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const EIA_CATEGORIES = ['report-book', 'report-form', 'registration-form', 'none'] as const;
export type EiaCategory = (typeof EIA_CATEGORIES)[number];

/** Shown to users: the catalogue's own words, and 不纳入环评管理 for 第五条. */
export const EIA_CATEGORY_LABELS: Record<EiaCategory, string> = {
  'report-book': '报告书',
  'report-form': '报告表',
  'registration-form': '登记表',
  none: '不纳入环评管理',
};

const CATEGORY_RANK: Record<EiaCategory, number> = {
  none: 0,
  'registration-form': 1,
  'report-form': 2,
  'report-book': 3,
};

export const CONSTRUCTION_TYPES = ['new', 'expansion', 'alteration', 'relocation'] as const;
export type ConstructionType = (typeof CONSTRUCTION_TYPES)[number];
export const CONSTRUCTION_TYPE_LABELS: Record<ConstructionType, string> = {
  new: '新建',
  expansion: '扩建',
  alteration: '改建（含技术改造）',
  relocation: '迁建',
};

/** The places 第三条 names, one key each, grouped by its three paragraphs (English: the wizard's option in English). */
export const SENSITIVE_AREA_KINDS = {
  'national-park': { paragraph: 1, label: '国家公园', labelEn: 'National park' },
  'nature-reserve': { paragraph: 1, label: '自然保护区', labelEn: 'Nature reserve' },
  'scenic-area': { paragraph: 1, label: '风景名胜区', labelEn: 'Scenic and historic area' },
  'world-heritage': {
    paragraph: 1,
    label: '世界文化和自然遗产地',
    labelEn: 'World cultural and natural heritage site',
  },
  'marine-reserve': { paragraph: 1, label: '海洋特别保护区', labelEn: 'Special marine protected area' },
  'drinking-water-source': {
    paragraph: 1,
    label: '饮用水水源保护区',
    labelEn: 'Drinking-water source protection zone',
  },
  'ecological-redline': {
    paragraph: 2,
    label: '生态保护红线管控范围（除第三条（一）外）',
    labelEn: 'Area under the ecological protection red line (other than those in art. 3 (1))',
  },
  'permanent-farmland': { paragraph: 2, label: '永久基本农田', labelEn: 'Permanent basic farmland' },
  'basic-grassland': { paragraph: 2, label: '基本草原', labelEn: 'Basic grassland' },
  'forest-park': { paragraph: 2, label: '森林公园', labelEn: 'Forest park' },
  geopark: { paragraph: 2, label: '地质公园', labelEn: 'Geopark' },
  'other-nature-park': {
    paragraph: 2,
    label: '其他自然公园（海洋公园等）',
    labelEn: 'Other nature park (marine park, etc.)',
  },
  'important-wetland': { paragraph: 2, label: '重要湿地', labelEn: 'Important wetland' },
  'natural-forest': { paragraph: 2, label: '天然林', labelEn: 'Natural forest' },
  'wildlife-habitat': {
    paragraph: 2,
    label: '重点保护野生动物栖息地',
    labelEn: 'Habitat of key protected wild animals',
  },
  'wild-plant-habitat': {
    paragraph: 2,
    label: '重点保护野生植物生长繁殖地',
    labelEn: 'Growing and breeding ground of key protected wild plants',
  },
  'aquatic-habitat': {
    paragraph: 2,
    label: '重要水生生物的自然产卵场、索饵场、越冬场和洄游通道',
    labelEn: 'Spawning, feeding and wintering ground or migration route of important aquatic life',
  },
  'natural-fishery': { paragraph: 2, label: '天然渔场', labelEn: 'Natural fishing ground' },
  'soil-erosion-zone': {
    paragraph: 2,
    label: '水土流失重点预防区和重点治理区',
    labelEn: 'Key soil-erosion prevention or control zone',
  },
  'desertified-land': {
    paragraph: 2,
    label: '沙化土地封禁保护区',
    labelEn: 'Closed protection zone of desertified land',
  },
  'enclosed-sea': { paragraph: 2, label: '封闭及半封闭海域', labelEn: 'Enclosed or semi-enclosed sea area' },
  residential: { paragraph: 3, label: '以居住为主要功能的区域', labelEn: 'Area whose main function is housing' },
  medical: {
    paragraph: 3,
    label: '以医疗卫生为主要功能的区域',
    labelEn: 'Area whose main function is medical and health care',
  },
  education: {
    paragraph: 3,
    label: '以文化教育为主要功能的区域',
    labelEn: 'Area whose main function is culture and education',
  },
  research: {
    paragraph: 3,
    label: '以科研为主要功能的区域',
    labelEn: 'Area whose main function is scientific research',
  },
  office: {
    paragraph: 3,
    label: '以行政办公为主要功能的区域',
    labelEn: 'Area whose main function is government offices',
  },
  'cultural-relic': { paragraph: 3, label: '文物保护单位', labelEn: 'Protected cultural-relic site' },
} as const;
export type SensitiveAreaKind = keyof typeof SENSITIVE_AREA_KINDS;
const ALL_KINDS = Object.keys(SENSITIVE_AREA_KINDS) as SensitiveAreaKind[];
const kindsOf = (p: 1 | 2 | 3) => ALL_KINDS.filter((k) => SENSITIVE_AREA_KINDS[k].paragraph === p);

/** Ancillary works that bring in a row of their own, whatever the main industry (第四条). */
export const ANCILLARY_WORKS = {
  boiler: { row: 91, label: '自建锅炉或供热工程' },
  'hazardous-storage': { row: 149, label: '危险品仓库（含成品、原料危险品库）' },
  'air-pollution-control': { row: 100, label: '脱硫、脱硝、除尘、VOCs治理等大气污染治理工程' },
} as const;
export type AncillaryWork = keyof typeof ANCILLARY_WORKS;

// ---------------------------------------------------------------------------------------------
// Facts: every key the engine may ask, with what it means (the descriptions reach the OpenAPI)

const yes = (d: string) => z.boolean().describe(d);
const amount = (d: string) => z.number().min(0).max(1e12).describe(d);

export const eiaFactsSchema = z
  .object({
    industrialBuilding: yes(
      '在工业建筑（厂房、仓库等，GB/T 50083-2014）中生产。名录中标“*”的类别仅管工业建筑中的生产（说明4）；家庭作坊、商铺门店不在其内',
    ),
    chemicalReaction: yes(
      '生产过程发生化学反应（含研发中试）。仅有单纯物理分离、物理提纯、混合、分装（名录说明3：单纯混合指不发生化学反应的物理混合过程）时填否',
    ),
    productionWastewater: yes('产生生产废水（生活污水不计，环境工程评估中心答复）'),
    vocEmissions: yes('产生挥发性有机物（VOCs）'),
    storageType: z
      .enum(['oil-depot', 'underground-oil-depot', 'underground-gas-depot', 'other'])
      .describe('危险品仓库的类型：地上油库、地下油库、地下气库，或其他（含烟花爆竹等有毒、有害、危险品仓库）'),
    oilDepotCapacityM3: amount('油库新增总容量，立方米'),
    coalOilBoilerTonnesPerHour: amount('燃煤、燃油锅炉新增总容量，吨/小时（1吨/小时≈0.7兆瓦）'),
    gasBoilerTonnesPerHour: amount('天然气锅炉新增总容量，吨/小时'),
    otherHighPollutionFuel: yes('锅炉使用燃煤、燃油以外的其他高污染燃料（《高污染燃料目录》，国环规大气〔2017〕2号）'),
    cementGrindingOnly: yes('仅为水泥粉磨站（不生产熟料）'),
    stoneSlabProcessingOnly: yes('仅利用石材板材切割、打磨、成型'),
    electricHeating: yes('玻璃制品采用电加热'),
    cutGrindShapeOnly: yes('玻璃制品仅切割、打磨、成型'),
    roasting: yes('石墨、碳素制品含焙烧工序'),
    highPollutionFuel: yes(
      '使用高污染燃料（国环规大气〔2017〕2号《高污染燃料目录》：煤炭及其制品、石油焦、油页岩、原油、重油、渣油、煤焦油等）',
    ),
    annualOutputPieces: amount('新增年产量，件（卫生陶瓷、日用陶瓷）'),
    coalWorks: z
      .enum(['mining', 'washing-blending', 'storage-transport', 'ventilation-gas-drainage', 'restoration', 'other'])
      .describe('煤炭项目的内容：煤炭开采；洗选、配煤；储存、集运；风井场地、瓦斯抽放站；矿区修复治理工程；其他'),
    riverSandDredging: yes('河道采砂项目（名录第11行不含河道采砂）'),
    crushingTransportOrRestorationOnly: yes('仅为单独的矿石破碎、集运，或矿区修复治理工程'),
    scaleFarm: yes('属于规模化畜禽养殖（标准按《畜禽规模养殖污染防治条例》及本省规定）'),
    pigEquivalentSoldPerYear: amount(
      '新增年出栏量折合生猪头数（1头存栏母猪或公猪=5头出栏猪；1头奶牛=10头；30只蛋鸡、60只肉鸡、30只鸭、15只鹅、3只羊各=1头）；无出栏量填0',
    ),
    pigEquivalentInStock: amount('无出栏量的养殖场新增存栏量折合生猪头数'),
    pigsSlaughteredPerYear: amount('新增年屠宰生猪，头'),
    cattleSlaughteredPerYear: amount('新增年屠宰肉牛，头'),
    sheepSlaughteredPerYear: amount('新增年屠宰肉羊，只'),
    poultrySlaughteredPerYear: amount('新增年屠宰禽类，只'),
    meatProcessedTonnesPerYear: amount('新增年肉类加工量，吨'),
    fermentation: yes('有发酵工艺'),
    annualProcessingTonnes: amount('新增年加工量，吨（谷物磨制、饲料加工、水产品加工）'),
    simpleMixingOrPackaging: yes('仅单纯混合（调和）或分装（由大包装变为小包装），不发生化学反应'),
    packagingOnly: yes('仅单纯分装（由大包装变为小包装）'),
    blendingOnly: yes('仅单纯勾兑'),
    starchOrStarchSugar: yes('生产淀粉或淀粉糖（不是仅生产淀粉制品）'),
    citricLysineYeast: yes('产品为柠檬酸、赖氨酸或酵母'),
    annualOutputTonnes: amount('新增年产量，吨（酱油、食醋）'),
    capacityKilolitres: amount('新增年生产能力，千升（酒）'),
    electroplating: yes('有电镀工艺（化学镀、阳极氧化按电镀处理，名录说明）'),
    solventCoatingTonnesPerYear: amount('年用溶剂型涂料（含稀释剂），吨；不用填0'),
    lowVocCoatingTonnesPerYear: amount('年用非溶剂型低VOCs含量涂料，吨；不用填0'),
    onlyCutWeldAssemble: yes('除涂装外，仅有分割、焊接、组装工序（焊前焊后打磨视为焊接）'),
    coatingOnly: yes('除涂装外没有其他生产工序'),
    hotDipGalvanizingWithPassivation: yes('有钝化工艺的热镀锌'),
    castingTonnesPerYear: amount('新增黑色或有色金属铸件年产量，吨'),
    coatingImpregnationPrintingGluing: yes('有涂布、浸渍、印刷、粘胶工艺'),
    solventInkTonnesPerYear: amount('年用溶剂型油墨，吨；不用填0'),
    lowVocInkTonnesPerYear: amount('年用低VOCs含量油墨，吨；不用填0'),
    laserPrintingOnly: yes('仅激光印刷'),
    recycledPlastic: yes('以再生塑料为原料'),
    solventAdhesiveTonnesPerYear: amount('年用溶剂型胶粘剂，吨；不用填0'),
    inpatientBeds: amount('新增住院床位，张'),
    floorAreaM2: amount('新增建筑面积，平方米（学校、福利院、养老院；批发、零售市场）'),
    chemBioLab: yes('学校有化学、生物实验室'),
    urbanBuiltUpArea: yes('位于城市建成区'),
    businessAreaM2: amount('营业面积，平方米（汽车、摩托车维修场所）'),
    standardFactory: yes('项目为标准厂房'),
    sensitiveAreas: z
      .array(z.enum(ALL_KINDS as [SensitiveAreaKind, ...SensitiveAreaKind[]]))
      .max(ALL_KINDS.length)
      .describe(
        '项目涉及（位于或穿越）的环境敏感区（名录第三条）；不涉及填空数组。只有本行的环境敏感区含义列出的区域才计入',
      ),
    rawJuiceProduction: yes('饮料项目有原汁生产（果蔬原汁等）'),
    biomassPowerFuel: z
      .enum(['household-waste', 'sludge', 'co-firing', 'agri-forestry', 'biogas', 'landfill-gas', 'other'])
      .describe(
        '生物质能发电所用燃料：生活垃圾（非掺烧）、污泥（非掺烧）、掺烧生活垃圾或污泥、农林生物质、沼气、垃圾填埋气、其他',
      ),
    sewageWorks: z
      .enum(['urban', 'industrial-central', 'industrial-other', 'domestic-own', 'septic', 'sedimentation-only'])
      .describe(
        '污水处理项目的性质：城乡污水集中处理（为社会公众服务，名录说明5）；工业废水集中处理；其他工业废水处理；建设单位自建自用仅处理生活污水；化粪池及化粪池处理后中水回用；仅建设沉淀池',
      ),
    sewageTonnesPerDay: amount('城乡污水处理新增日处理能力，吨/日'),
    indirectDischargeNoHeavyMetals: yes('工业废水处理出水间接排入地表水体（如排入市政管网）且不排放重金属'),
    upgradeOnly: yes('仅为提标改造项目'),
    labKind: z
      .enum(['biosafety-p3-p4', 'transgenic', 'other'])
      .describe('实验室类型：P3、P4生物安全实验室；转基因实验室；其他专业实验室或研发（试验）基地'),
    labWaste: yes('实验室产生实验废气、废水或危险废物'),
    wasteKind: z
      .enum(['hazardous', 'medical', 'dead-animals'])
      .describe('处置的废物：危险废物（不含医疗废物）；医疗废物；病死及病害动物'),
    inHouseRecycling: yes('仅为产生单位内部回收再利用'),
    collectionStorageOnly: yes('仅单纯收集、贮存，不利用、不处置'),
    solidWasteWorks: z
      .enum(['industrial-landfill-incineration', 'cement-kiln-retrofit', 'other'])
      .describe(
        '一般固体废物项目：一般工业固体废物（含污水处理污泥）填埋或焚烧；水泥窑协同处置的改造项目；其他处置及综合利用（含建筑施工废弃物）',
      ),
    sanitationWorks: z
      .enum(['transfer-station', 'disposal', 'faeces', 'other'])
      .describe(
        '环境卫生工程：生活垃圾（含餐厨废弃物）转运站；生活垃圾集中处置（生活垃圾发电除外）；粪便处置工程；其他',
      ),
    transferTonnesPerDay: amount('生活垃圾转运站新增日转运能力，吨/日'),
    disposalMethod: z.enum(['landfill', 'other']).describe('生活垃圾处置方式：填埋；其他处置方式'),
    disposalTonnesPerDay: amount('生活垃圾新增日处置能力，吨/日'),
    faecesTonnesPerDay: amount('粪便处置新增日处理能力，吨/日'),
    hazmatVehicleWash: yes('为危险化学品运输车辆清洗场'),
    roadWorks: z
      .enum(['road', 'ancillary', 'maintenance', 'emergency'])
      .describe('公路项目内容：公路主体工程；配套设施；维护；生命救援、应急保通工程或国防交通保障项目'),
    roadGrade: z
      .enum(['expressway', 'class-1', 'class-2', 'class-3', 'class-4'])
      .describe('公路等级：高速公路、一级、二级、三级、四级'),
    roadLengthKm: amount('新建公路长度，公里'),
    urbanRoadWorks: z
      .enum(['expressway-arterial', 'bridge-tunnel', 'secondary', 'branch', 'pedestrian', 'maintenance'])
      .describe('城市道路项目：快速路、主干路；城市桥梁、隧道；次干路；支路；人行天桥、人行地道；维护'),
    wastewaterOutlet: yes('养殖场设有污水排放口（排污许可类别的判定因素，PW2019第1项）'),
    ancillaryWorks: z
      .array(z.enum(Object.keys(ANCILLARY_WORKS) as [AncillaryWork, ...AncillaryWork[]]))
      .max(3)
      .describe(
        '同一项目中的配套工程，各按其所在行分类，取最高类别（第四条）：boiler 锅炉或供热工程、hazardous-storage 危险品仓库、air-pollution-control 大气污染治理工程',
      ),
    otherIndustryCodes: z
      .array(z.string().regex(/^[A-T]?\d{4}$/))
      .max(10)
      .describe('同一项目还包含的其他 GB/T 4754 行业小类，各按其所在行分类，取最高类别（第四条）'),
  })
  .partial()
  .strict();
export type EiaFacts = z.infer<typeof eiaFactsSchema>;
export type EiaFactKey = keyof EiaFacts;
type BoolKey = { [K in EiaFactKey]-?: NonNullable<EiaFacts[K]> extends boolean ? K : never }[EiaFactKey];
type NumKey = { [K in EiaFactKey]-?: NonNullable<EiaFacts[K]> extends number ? K : never }[EiaFactKey];
type EnumKey = { [K in EiaFactKey]-?: NonNullable<EiaFacts[K]> extends string ? K : never }[EiaFactKey];

export const classifyRequestSchema = z
  .object({
    industryCode: z
      .string()
      .trim()
      .regex(/^[A-Ta-t]?\d{4}$/, 'GB/T 4754 行业小类代码为4位数字')
      .describe('GB/T 4754-2017 行业小类（4位，如 2672 焰火、鞭炮产品制造）'),
    constructionType: z
      .enum(CONSTRUCTION_TYPES)
      .describe('建设性质：new 新建、expansion 扩建、alteration 改建（含技术改造）、relocation 迁建'),
    facts: eiaFactsSchema.default({}).describe('已知的项目事实；缺少的事实由 missingFacts 列出'),
  })
  .strict();
export type ClassifyRequest = z.input<typeof classifyRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Conditions

type Cond =
  | { t: 'bool'; key: BoolKey; eq: boolean; q?: string }
  | { t: 'num'; key: NumKey; op: '>=' | '>' | '<' | '<='; value: number; q?: string }
  | { t: 'enum'; key: EnumKey; in: readonly string[]; q?: string }
  | { t: 'industry'; codes: readonly string[]; q?: string }
  | { t: 'construction'; types: readonly ConstructionType[]; q?: string }
  | { t: 'sensitive'; kinds: readonly SensitiveAreaKind[]; q?: string }
  | { t: 'all'; of: readonly Cond[]; q?: string }
  | { t: 'any'; of: readonly Cond[]; q?: string }
  | { t: 'always'; q?: string };

const is = (key: BoolKey, q?: string): Cond => ({ t: 'bool', key, eq: true, ...(q ? { q } : {}) });
const not = (key: BoolKey, q?: string): Cond => ({ t: 'bool', key, eq: false, ...(q ? { q } : {}) });
const num = (key: NumKey, op: '>=' | '>' | '<' | '<=', value: number, q?: string): Cond => ({
  t: 'num',
  key,
  op,
  value,
  ...(q ? { q } : {}),
});
const inEnum = (key: EnumKey, values: readonly string[], q?: string): Cond => ({
  t: 'enum',
  key,
  in: values,
  ...(q ? { q } : {}),
});
const industry = (codes: readonly string[], q?: string): Cond => ({ t: 'industry', codes, ...(q ? { q } : {}) });
const built = (types: readonly ConstructionType[], q?: string): Cond => ({
  t: 'construction',
  types,
  ...(q ? { q } : {}),
});
const sensitive = (kinds: readonly SensitiveAreaKind[], q?: string): Cond => ({
  t: 'sensitive',
  kinds,
  ...(q ? { q } : {}),
});
const all = (of: Cond[], q?: string): Cond => ({ t: 'all', of, ...(q ? { q } : {}) });
const any = (of: Cond[], q?: string): Cond => ({ t: 'any', of, ...(q ? { q } : {}) });
const always = (q?: string): Cond => ({ t: 'always', ...(q ? { q } : {}) });

type RowRule = {
  /** row-level exclusions in the 项目类别 itself (e.g. 不含河道采砂项目) */
  applies?: Cond;
} & Partial<Record<EiaColumn, Cond>>;

// Places counted by rows 97, 110 and 111 (the same list in all three).
const PARA1 = kindsOf(1);
const LIST_97_110: SensitiveAreaKind[] = [
  ...PARA1,
  'ecological-redline',
  'permanent-farmland',
  'basic-grassland',
  'forest-park',
  'geopark',
  'important-wetland',
  'natural-forest',
  'wildlife-habitat',
  'wild-plant-habitat',
];

// Row 19 counts all of 第三条 (一) and (二); row 130 counts all three paragraphs.
const PARA12 = [...PARA1, ...kindsOf(2)];
const ALL_PARAS = ALL_KINDS;
const HIGH_GRADE = ['expressway', 'class-1', 'class-2'] as const;

// "其他（仅分割、焊接、组装的除外；年用非溶剂型低VOCs含量涂料10吨以下的除外）" (rows 66, 69, 70): a project
// is inside when it does more than cut/weld/assemble, or uses any solvent-based coating, or ≥ 10 t
// of low-VOC coating (环境工程评估中心 Q&A).
const beyondMechanicalOrLowVoc = any([
  not('onlyCutWeldAssemble', '工序不限于分割、焊接、组装'),
  num('solventCoatingTonnesPerYear', '>', 0, '使用溶剂型涂料'),
  num('lowVocCoatingTonnesPerYear', '>=', 10, '年用非溶剂型低VOCs含量涂料10吨及以上'),
]);
const platingOrSolventCoating = any([
  is('electroplating', '有电镀工艺的'),
  num('solventCoatingTonnesPerYear', '>=', 10, '年用溶剂型涂料（含稀释剂）10吨及以上的'),
]);

/** The deciding condition of every column the shipped rows print (not "/"). */
export const EIA_ROW_RULES: Readonly<Record<number, RowRule>> = {
  44: {
    'report-book': is('chemicalReaction', '全部（含研发中试）'),
    'report-form': any([
      is('productionWastewater', '产生废水的单纯物理分离、物理提纯、混合、分装'),
      is('vocEmissions', '产生挥发性有机物的单纯物理分离、物理提纯、混合、分装'),
    ]),
  },
  149: {
    'report-book': any([
      all(
        [inEnum('storageType', ['oil-depot']), num('oilDepotCapacityM3', '>=', 200_000)],
        '总容量20万立方米及以上的油库',
      ),
      inEnum('storageType', ['underground-oil-depot'], '地下油库'),
      inEnum('storageType', ['underground-gas-depot'], '地下气库'),
    ]),
    'report-form': always('其他（含有毒、有害、危险品的仓储）'),
  },
  91: {
    'report-book': num('coalOilBoilerTonnesPerHour', '>', 65, '燃煤、燃油锅炉总容量65吨/小时以上的'),
    'report-form': any([
      num('coalOilBoilerTonnesPerHour', '>', 0, '燃煤、燃油锅炉总容量65吨/小时及以下的'),
      num('gasBoilerTonnesPerHour', '>', 1, '天然气锅炉总容量1吨/小时以上的'),
      is('otherHighPollutionFuel', '使用其他高污染燃料的'),
    ]),
  },
  100: { 'registration-form': always('全部') },
  54: {
    'report-book': all([industry(['3011']), not('cementGrindingOnly')], '水泥制造（水泥粉磨站除外）'),
    'report-form': any([industry(['3011'], '水泥粉磨站'), industry(['3012'], '石灰和石膏制造')]),
  },
  55: {
    'report-form': any([industry(['3021'], '水泥制品制造；商品混凝土'), industry(['3022'], '砼结构构件制造')]),
  },
  56: { 'report-form': not('stoneSlabProcessingOnly') },
  57: {
    'report-book': industry(['3041'], '平板玻璃制造'),
    'report-form': any([
      industry(['3042', '3049'], '特种玻璃制造；其他玻璃制造'),
      all([industry(['305']), not('electricHeating'), not('cutGrindShapeOnly')], '玻璃制品制造'),
    ]),
  },
  60: {
    'report-book': any([
      industry(['3081'], '石棉制品'),
      all([industry(['3091']), is('roasting')], '含焙烧的石墨、碳素制品'),
    ]),
    'report-form': always('其他'),
  },
  59: {
    'report-book': is('highPollutionFuel', '使用高污染燃料的'),
    'report-form': any([
      industry(['3071'], '不使用高污染燃料的建筑陶瓷制品制造'),
      all(
        [industry(['3072']), num('annualOutputPieces', '>=', 1_500_000)],
        '不使用高污染燃料的年产150万件及以上的卫生陶瓷制品制造',
      ),
      all(
        [industry(['3074']), num('annualOutputPieces', '>=', 2_500_000)],
        '不使用高污染燃料的年产250万件及以上的日用陶瓷制品制造',
      ),
    ]),
  },
  6: {
    'report-book': inEnum('coalWorks', ['mining'], '煤炭开采'),
    'report-form': any([
      inEnum('coalWorks', ['washing-blending'], '煤炭洗选、配煤'),
      inEnum('coalWorks', ['storage-transport'], '煤炭储存、集运'),
      inEnum('coalWorks', ['ventilation-gas-drainage'], '风井场地、瓦斯抽放站'),
      inEnum('coalWorks', ['restoration'], '矿区修复治理工程'),
    ]),
  },
  11: {
    applies: not('riverSandDredging'),
    'report-book': all(
      [
        not('crushingTransportOrRestorationOnly'),
        sensitive([...PARA1, 'ecological-redline', 'basic-grassland', 'aquatic-habitat', 'desertified-land']),
      ],
      '涉及环境敏感区的',
    ),
    'report-form': always('其他'),
  },
  12: {
    'report-book': not('crushingTransportOrRestorationOnly', '全部'),
    'report-form': always('单独的矿石破碎、集运；矿区修复治理工程'),
  },
  14: {
    'report-form': sensitive(PARA1, '涉及环境敏感区的'),
    'registration-form': always('其他'),
  },
  3: {
    'report-book': all([
      is('scaleFarm'),
      any([
        num(
          'pigEquivalentSoldPerYear',
          '>=',
          5000,
          '年出栏生猪5000头（其他畜禽种类折合猪的养殖量）及以上的规模化畜禽养殖',
        ),
        all(
          [num('pigEquivalentSoldPerYear', '<=', 0), num('pigEquivalentInStock', '>=', 2500)],
          '存栏生猪2500头（其他畜禽种类折合猪的养殖规模）及以上无出栏量的规模化畜禽养殖',
        ),
        sensitive([...PARA1, ...kindsOf(3)], '涉及环境敏感区的规模化畜禽养殖'),
      ]),
    ]),
    'registration-form': is('scaleFarm', '其他（规模化以下的除外）'),
  },
  18: {
    'report-book': any([
      all([industry(['1351']), num('pigsSlaughteredPerYear', '>=', 100_000)], '屠宰生猪10万头及以上的'),
      all([industry(['1351']), num('cattleSlaughteredPerYear', '>=', 10_000)], '屠宰肉牛1万头及以上的'),
      all([industry(['1351']), num('sheepSlaughteredPerYear', '>=', 150_000)], '屠宰肉羊15万只及以上的'),
      all([industry(['1352']), num('poultrySlaughteredPerYear', '>=', 10_000_000)], '屠宰禽类1000万只及以上的'),
    ]),
    'report-form': any([
      industry(['1351', '1352'], '其他屠宰'),
      num('meatProcessedTonnesPerYear', '>=', 20_000, '年加工2万吨及以上的肉类加工'),
    ]),
    'registration-form': always('其他肉类加工'),
  },
  15: {
    'report-form': any([
      is('fermentation', '含发酵工艺的'),
      num('annualProcessingTonnes', '>=', 10_000, '年加工1万吨及以上的'),
    ]),
  },
  16: { 'report-form': not('simpleMixingOrPackaging', '除单纯分装、调和外的') },
  20: {
    'report-book': all(
      [industry(['1391']), is('starchOrStarchSugar'), is('fermentation')],
      '含发酵工艺的淀粉、淀粉糖制造',
    ),
    'report-form': all([industry(['1391', '1392']), not('packagingOnly')]),
  },
  23: {
    'report-book': all([
      is('fermentation'),
      any([
        industry(['1461'], '有发酵工艺的味精制造'),
        all([industry(['1469']), is('citricLysineYeast')], '有发酵工艺的柠檬酸、赖氨酸、酵母制造'),
        all(
          [industry(['1462']), num('annualOutputTonnes', '>=', 20_000)],
          '年产2万吨及以上且有发酵工艺的酱油、食醋制造',
        ),
      ]),
    ]),
    'report-form': not('simpleMixingOrPackaging', '其他（单纯混合、分装的除外）'),
  },
  25: {
    'report-book': all(
      [is('fermentation'), num('capacityKilolitres', '>=', 1000)],
      '有发酵工艺的（年生产能力1000千升以下的除外）',
    ),
    'report-form': not('blendingOnly', '其他（单纯勾兑的除外）'),
  },
  45: {
    'report-book': all(
      [industry(['2621', '2622', '2624']), is('chemicalReaction')],
      '化学方法生产氮肥、磷肥、复混肥的',
    ),
    'report-form': always('其他'),
  },
  66: { 'report-book': platingOrSolventCoating, 'report-form': beyondMechanicalOrLowVoc },
  67: {
    'report-book': any([
      is('electroplating', '有电镀工艺的'),
      is('hotDipGalvanizingWithPassivation', '有钝化工艺的热镀锌'),
      num('solventCoatingTonnesPerYear', '>=', 10, '使用有机涂层的（年用溶剂型涂料10吨及以上）'),
    ]),
    'report-form': any([
      not('coatingOnly', '其他'),
      num('solventCoatingTonnesPerYear', '>', 0, '其他（使用溶剂型涂料）'),
      num('lowVocCoatingTonnesPerYear', '>=', 10, '其他（年用非溶剂型低VOCs含量涂料10吨及以上）'),
    ]),
  },
  68: {
    'report-book': any([
      all([industry(['3391']), num('castingTonnesPerYear', '>=', 100_000)], '黑色金属铸造年产10万吨及以上的'),
      all([industry(['3392']), num('castingTonnesPerYear', '>=', 100_000)], '有色金属铸造年产10万吨及以上的'),
    ]),
    'report-form': not('onlyCutWeldAssemble', '其他（仅分割、焊接、组装的除外）'),
  },
  69: { 'report-book': platingOrSolventCoating, 'report-form': beyondMechanicalOrLowVoc },
  70: { 'report-book': platingOrSolventCoating, 'report-form': beyondMechanicalOrLowVoc },
  38: { 'report-form': is('coatingImpregnationPrintingGluing', '有涂布、浸渍、印刷、粘胶工艺的') },
  39: {
    'report-book': num('solventInkTonnesPerYear', '>=', 10, '年用溶剂油墨10吨及以上的'),
    'report-form': all(
      [
        not('laserPrintingOnly'),
        any([num('solventInkTonnesPerYear', '>', 0), num('lowVocInkTonnesPerYear', '>=', 10)]),
      ],
      '其他（激光印刷除外；年用低VOCs含量油墨10吨以下的印刷除外）',
    ),
  },
  53: {
    'report-book': any([
      is('recycledPlastic', '以再生塑料为原料生产的'),
      is('electroplating', '有电镀工艺的'),
      num('solventAdhesiveTonnesPerYear', '>=', 10, '年用溶剂型胶粘剂10吨及以上的'),
      num('solventCoatingTonnesPerYear', '>=', 10, '年用溶剂型涂料（含稀释剂）10吨及以上的'),
    ]),
    'report-form': any([
      not('coatingOnly', '其他'),
      num('solventCoatingTonnesPerYear', '>', 0, '其他（使用溶剂型涂料）'),
      num('lowVocCoatingTonnesPerYear', '>=', 10, '其他（年用非溶剂型低VOCs含量涂料10吨及以上）'),
    ]),
  },
  108: {
    'report-book': all(
      [built(['new', 'expansion']), num('inpatientBeds', '>=', 500)],
      '新建、扩建住院床位500张及以上的',
    ),
    'report-form': num('inpatientBeds', '>=', 20, '其他（住院床位20张以下的除外）'),
    'registration-form': num('inpatientBeds', '<', 20, '住院床位20张以下的（不含20张住院床位的）'),
  },
  109: {
    'report-book': built(['new'], '新建'),
    'report-form': always('其他'),
  },
  110: {
    applies: num('floorAreaM2', '>=', 5000),
    'report-form': any([
      all([built(['new']), sensitive(LIST_97_110)], '新建涉及环境敏感区的'),
      is('chemBioLab', '有化学、生物实验室的学校'),
    ]),
  },
  119: {
    'report-form': any([
      all([industry(['5265']), built(['new', 'expansion']), is('urbanBuiltUpArea')], '城市建成区新建、扩建加油站'),
      sensitive(PARA1, '涉及环境敏感区的'),
    ]),
  },
  121: {
    'report-form': all([
      num('businessAreaM2', '>=', 5000),
      any([
        num('solventCoatingTonnesPerYear', '>', 0, '营业面积5000平方米及以上且使用溶剂型涂料的'),
        num('lowVocCoatingTonnesPerYear', '>=', 10, '营业面积5000平方米及以上且年用非溶剂型低VOCs含量涂料10吨及以上的'),
      ]),
    ]),
  },
  9: {
    'report-book': not('crushingTransportOrRestorationOnly', '全部（含新建或扩建的独立尾矿库）'),
    'report-form': always('单独的矿石破碎、集运；矿区修复治理工程'),
  },
  10: {
    'report-book': not('crushingTransportOrRestorationOnly', '全部（含新建或扩建的独立尾矿库）'),
    'report-form': always('单独的矿石破碎、集运；矿区修复治理工程'),
  },
  19: {
    'report-form': any([
      industry(['1363'], '鱼油提取及制品制造'),
      num('annualProcessingTonnes', '>=', 100_000, '年加工10万吨及以上的'),
      sensitive(PARA12, '涉及环境敏感区的'),
    ]),
  },
  21: { 'report-form': not('packagingOnly', '除单纯分装外的') },
  22: { 'report-form': not('simpleMixingOrPackaging', '除单纯混合、分装外的') },
  24: {
    'report-book': all(
      [industry(['1495']), is('fermentation')],
      '有发酵工艺的食品添加剂制造；有发酵工艺的饲料添加剂制造',
    ),
    'report-form': not('simpleMixingOrPackaging', '不含单纯混合、分装的'),
  },
  26: {
    'report-form': any([is('fermentation', '有发酵工艺的'), is('rawJuiceProduction', '原汁生产的')]),
  },
  37: {
    'report-book': industry(['221', '2221'], '全部（手工纸、加工纸制造除外）'),
    'report-form': any([
      industry(['2222'], '手工纸制造'),
      all([industry(['2223']), is('coatingImpregnationPrintingGluing')], '有涂布、浸渍、印刷、粘胶工艺的加工纸制造'),
    ]),
  },
  86: {
    'report-book': platingOrSolventCoating,
    'report-form': any([
      num('solventCoatingTonnesPerYear', '>', 0, '年用溶剂型涂料（含稀释剂）10吨以下的'),
      num('lowVocCoatingTonnesPerYear', '>=', 10, '年用非溶剂型低VOCs含量涂料10吨及以上的'),
    ]),
  },
  89: {
    'report-book': any([
      inEnum('biomassPowerFuel', ['household-waste'], '生活垃圾发电（掺烧生活垃圾发电的除外）'),
      inEnum('biomassPowerFuel', ['sludge'], '污泥发电（掺烧污泥发电的除外）'),
    ]),
    'report-form': inEnum(
      'biomassPowerFuel',
      ['agri-forestry', 'biogas', 'landfill-gas'],
      '利用农林生物质、沼气、垃圾填埋气发电的',
    ),
  },
  95: {
    'report-book': all([
      built(['new', 'expansion']),
      any([
        all(
          [inEnum('sewageWorks', ['urban']), num('sewageTonnesPerDay', '>=', 100_000)],
          '新建、扩建日处理10万吨及以上城乡污水处理的',
        ),
        inEnum('sewageWorks', ['industrial-central'], '新建、扩建工业废水集中处理的'),
      ]),
    ]),
    'report-form': all([
      built(['new', 'expansion']),
      any([
        all(
          [inEnum('sewageWorks', ['urban']), num('sewageTonnesPerDay', '>=', 500)],
          '新建、扩建日处理10万吨以下500吨及以上城乡污水处理的',
        ),
        all(
          [inEnum('sewageWorks', ['industrial-other']), not('indirectDischargeNoHeavyMetals')],
          '新建、扩建其他工业废水处理的',
        ),
      ]),
    ]),
    'registration-form': all(
      [inEnum('sewageWorks', ['urban', 'industrial-central', 'industrial-other', 'domestic-own']), not('upgradeOnly')],
      '其他（不含提标改造项目；不含化粪池及化粪池处理后中水处理回用；不含仅建设沉淀池处理的）',
    ),
  },
  98: {
    'report-book': any([
      inEnum('labKind', ['biosafety-p3-p4'], 'P3、P4生物安全实验室'),
      inEnum('labKind', ['transgenic'], '转基因实验室'),
    ]),
    'report-form': is('labWaste', '其他（不产生实验废气、废水、危险废物的除外）'),
  },
  101: {
    applies: inEnum('wasteKind', ['hazardous']),
    'report-book': all(
      [not('inHouseRecycling'), not('collectionStorageOnly')],
      '危险废物利用及处置（产生单位内部回收再利用的除外；单纯收集、贮存的除外）',
    ),
    'report-form': always('其他'),
  },
  102: {
    applies: inEnum('wasteKind', ['medical', 'dead-animals']),
    'report-book': all(
      [inEnum('wasteKind', ['medical']), not('collectionStorageOnly')],
      '医疗废物集中处置（单纯收集、贮存的除外）',
    ),
    'report-form': always('其他'),
  },
  103: {
    'report-book': inEnum(
      'solidWasteWorks',
      ['industrial-landfill-incineration'],
      '一般工业固体废物（含污水处理污泥）采取填埋、焚烧方式的',
    ),
    'report-form': always('其他'),
  },
  105: {
    applies: inEnum('sanitationWorks', ['transfer-station']),
    'report-form': num('transferTonnesPerDay', '>=', 150, '日转运能力150吨及以上的'),
  },
  106: {
    applies: inEnum('sanitationWorks', ['disposal']),
    'report-book': any([
      inEnum('disposalMethod', ['landfill'], '采取填埋方式的'),
      num('disposalTonnesPerDay', '>=', 50, '其他处置方式日处置能力50吨及以上的'),
    ]),
    'report-form': num('disposalTonnesPerDay', '>=', 10, '其他处置方式日处置能力50吨以下10吨及以上的'),
    'registration-form': num('disposalTonnesPerDay', '>=', 1, '其他处置方式日处置能力10吨以下1吨及以上的'),
  },
  107: {
    applies: inEnum('sanitationWorks', ['faeces']),
    'report-form': num('faecesTonnesPerDay', '>=', 50, '日处理50吨及以上'),
  },
  111: {
    applies: num('floorAreaM2', '>=', 5000),
    'report-form': sensitive(LIST_97_110, '涉及环境敏感区的'),
  },
  120: { 'report-form': is('hazmatVehicleWash', '危险化学品运输车辆清洗场') },
  130: {
    // 项目类别 excludes maintenance, emergency works and the 改扩建 of 四级公路
    applies: all([
      inEnum('roadWorks', ['road', 'ancillary']),
      any([built(['new', 'relocation']), inEnum('roadGrade', [...HIGH_GRADE, 'class-3'])]),
    ]),
    'report-book': all([
      built(['new']),
      inEnum('roadWorks', ['road']),
      inEnum('roadGrade', HIGH_GRADE),
      any([
        num('roadLengthKm', '>', 30, '新建30公里（不含）以上的二级及以上等级公路'),
        sensitive(ALL_PARAS, '新建涉及环境敏感区的二级及以上等级公路'),
      ]),
    ]),
    'report-form': all(
      [inEnum('roadWorks', ['road']), any([inEnum('roadGrade', HIGH_GRADE), sensitive(ALL_PARAS)])],
      '其他（配套设施除外；不涉及环境敏感区的三级、四级公路除外）',
    ),
    'registration-form': any([
      inEnum('roadWorks', ['ancillary'], '配套设施'),
      inEnum('roadGrade', ['class-3', 'class-4'], '不涉及环境敏感区的三级、四级公路'),
    ]),
  },
  131: {
    applies: inEnum('urbanRoadWorks', ['expressway-arterial', 'bridge-tunnel', 'secondary']),
    'report-form': any([
      all([built(['new']), inEnum('urbanRoadWorks', ['expressway-arterial'])], '新建快速路、主干路'),
      inEnum('urbanRoadWorks', ['bridge-tunnel'], '城市桥梁、隧道'),
    ]),
    'registration-form': always('其他'),
  },
  97: {
    'report-form': any(
      [
        all([not('standardFactory'), sensitive([...LIST_97_110, 'cultural-relic'])]),
        all([is('standardFactory'), sensitive([...LIST_97_110, ...kindsOf(3)])]),
      ],
      '涉及环境敏感区的',
    ),
  },
};

// ---------------------------------------------------------------------------------------------
// Three-valued evaluation

type Missing = { keys: Set<EiaFactKey>; sensitiveKinds: Set<SensitiveAreaKind> };
type Ev = { v: true; q: string | undefined } | { v: false } | { v: 'unknown'; missing: Missing };

type Ctx = { code: string; constructionType: ConstructionType; facts: EiaFacts };

const unknown = (key: EiaFactKey, kinds: readonly SensitiveAreaKind[] = []): Ev => ({
  v: 'unknown',
  missing: { keys: new Set([key]), sensitiveKinds: new Set(kinds) },
});
const truth = (v: boolean, q: string | undefined): Ev => (v ? { v: true, q } : { v: false });

function evaluate(c: Cond, ctx: Ctx): Ev {
  switch (c.t) {
    case 'always':
      return { v: true, q: c.q };
    case 'industry':
      return truth(
        c.codes.some((p) => ctx.code.startsWith(p)),
        c.q,
      );
    case 'construction':
      return truth(c.types.includes(ctx.constructionType), c.q);
    case 'bool': {
      const v = ctx.facts[c.key];
      return v === undefined ? unknown(c.key) : truth(v === c.eq, c.q);
    }
    case 'num': {
      const v = ctx.facts[c.key];
      if (v === undefined) return unknown(c.key);
      const ok = c.op === '>=' ? v >= c.value : c.op === '>' ? v > c.value : c.op === '<' ? v < c.value : v <= c.value;
      return truth(ok, c.q);
    }
    case 'enum': {
      const v = ctx.facts[c.key];
      return v === undefined ? unknown(c.key) : truth(c.in.includes(v), c.q);
    }
    case 'sensitive': {
      const v = ctx.facts.sensitiveAreas;
      return v === undefined
        ? unknown('sensitiveAreas', c.kinds)
        : truth(
            v.some((k) => c.kinds.includes(k)),
            c.q,
          );
    }
    case 'all': {
      // In order, stopping at the first unknown: a later part may not matter once it is known.
      let q: string | undefined;
      for (const part of c.of) {
        const e = evaluate(part, ctx);
        if (e.v !== true) return e;
        q ??= e.q;
      }
      return { v: true, q: c.q ?? q };
    }
    case 'any': {
      const unknowns: Missing[] = [];
      for (const part of c.of) {
        const e = evaluate(part, ctx);
        if (e.v === true) return { v: true, q: c.q ?? e.q };
        if (e.v === 'unknown') unknowns.push(e.missing);
      }
      if (unknowns.length === 0) return { v: false };
      return {
        v: 'unknown',
        missing: {
          keys: new Set(unknowns.flatMap((m) => [...m.keys])),
          sensitiveKinds: new Set(unknowns.flatMap((m) => [...m.sensitiveKinds])),
        },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Classification

export type EiaCitation = {
  row: number;
  rowTitle: string;
  column: EiaColumn;
  columnLabel: string;
  /** the whole cell, exactly as printed */
  quote: string;
  /** the part of the cell that applied, where the cell lists several cases */
  clause?: string;
};

export type RowOutcome =
  | { row: number; decided: true; category: EiaCategory; column: EiaColumn | null; clause?: string }
  | { row: number; decided: false; column: EiaColumn; missing: Missing };

export type FactQuestion = {
  key: EiaFactKey;
  kind: 'boolean' | 'number' | 'enum' | 'areas';
  label: string;
  options?: { value: string; label: string }[];
};

export type ClassifyResult = {
  catalogueVersion: string;
  catalogueTitle: string;
  industryCode: string;
  industryName: string | null;
  constructionType: ConstructionType;
  /** null while facts are missing: the engine does not guess */
  category: EiaCategory | null;
  categoryLabel: string | null;
  /** the row that decides (or, while undecided, the row being asked about); null outside the catalogue */
  row: number | null;
  rowTitle: string | null;
  column: EiaColumn | null;
  columnLabel: string | null;
  quote: string;
  clause: string | null;
  /** legal source of the answer, in words */
  basis: string;
  permitClass?: PermitClass;
  permit?: { item: number; title: string; classLabel: string; quote: string; basis: string };
  missingFacts: EiaFactKey[];
  questions: FactQuestion[];
  matchedRows: { row: number; category: EiaCategory | null }[];
  notes: string[];
};

export class UnknownIndustryError extends Error {
  constructor(readonly code: string) {
    super(`不是 GB/T 4754-2017 的行业小类：${code}`);
  }
}

function edition(version?: string): EiaCatalogueEdition {
  const found = version ? EIA_CATALOGUE_EDITIONS.find((e) => e.version === version) : EIA_CATALOGUE_EDITIONS[0];
  return found ?? ML2021;
}

function canonicalCode(code: string): string {
  const c = code.trim().toUpperCase();
  return /^[A-T]\d{4}$/.test(c) ? c.slice(1) : c;
}

/** Rows a GB/T class falls in (by prefix). */
export function rowsForIndustry(code: string, ed: EiaCatalogueEdition = ML2021): EiaCatalogueRow[] {
  const c = canonicalCode(code);
  return ed.rows.filter((r) => r.codes.some((p) => c.startsWith(p)));
}

function classifyRow(row: EiaCatalogueRow, code: string, ctx: Omit<Ctx, 'code'>): RowOutcome {
  const rule = EIA_ROW_RULES[row.row];
  const full: Ctx = { ...ctx, code };
  if (!rule) return { row: row.row, decided: true, category: 'none', column: null };
  // "*" rows cover production in industrial buildings only (note 4); the 项目类别's own exclusions next
  const pre: Cond[] = [];
  if (row.industrialBuildingOnly) pre.push(is('industrialBuilding'));
  if (rule.applies) pre.push(rule.applies);
  for (const p of pre) {
    const e = evaluate(p, full);
    if (e.v === false) return { row: row.row, decided: true, category: 'none', column: null };
    if (e.v === 'unknown') return { row: row.row, decided: false, column: 'report-book', missing: e.missing };
  }
  for (const column of ['report-book', 'report-form', 'registration-form'] as const) {
    const cond = rule[column];
    if (!cond) continue;
    const e = evaluate(cond, full);
    if (e.v === true) return { row: row.row, decided: true, category: column, column, ...(e.q ? { clause: e.q } : {}) };
    if (e.v === 'unknown') return { row: row.row, decided: false, column, missing: e.missing };
  }
  return { row: row.row, decided: true, category: 'none', column: null };
}

const ARTICLE_5 = '本名录未作规定的建设项目，不纳入建设项目环境影响评价管理。';
const COMPOUND_BASIS = '；涉及两个及以上类别，按单项等级最高的确定（第四条）';

export function classify(input: ClassifyRequest, version?: string): ClassifyResult {
  const req = classifyRequestSchema.parse(input);
  const ed = edition(version);
  const code = canonicalCode(req.industryCode);
  const ind = industryByCode(code);
  if (ind?.level !== 'class') throw new UnknownIndustryError(req.industryCode);
  const facts = req.facts;
  const ctx = { constructionType: req.constructionType, facts };

  // Every (row, code) pair the project touches: its own industry, other industries, ancillary works.
  const targets: { row: EiaCatalogueRow; code: string }[] = [];
  const add = (row: EiaCatalogueRow, c: string) => {
    // Same row under two codes is two questions: row 17 asks 1351 about pigs and 1352 about poultry.
    if (!targets.some((t) => t.row.row === row.row && t.code === c)) targets.push({ row, code: c });
  };
  for (const r of rowsForIndustry(code, ed)) add(r, code);
  for (const other of facts.otherIndustryCodes ?? []) {
    const oc = canonicalCode(other);
    const oi = industryByCode(oc);
    if (oi?.level !== 'class') throw new UnknownIndustryError(other);
    for (const r of rowsForIndustry(oc, ed)) add(r, oc);
  }
  for (const w of facts.ancillaryWorks ?? []) {
    const r = ed.rows.find((x) => x.row === ANCILLARY_WORKS[w].row);
    if (r) add(r, r.codes[0] ?? code);
  }

  const outcomes = targets.map((t) => ({ t, o: classifyRow(t.row, t.code, ctx) }));
  const decided = outcomes.filter((x) => x.o.decided) as {
    t: (typeof targets)[number];
    o: Extract<RowOutcome, { decided: true }>;
  }[];
  const best = decided.reduce<(typeof decided)[number] | null>(
    (b, x) => (b === null || CATEGORY_RANK[x.o.category] > CATEGORY_RANK[b.o.category] ? x : b),
    null,
  );
  const bestRank = best ? CATEGORY_RANK[best.o.category] : 0;
  // An undecided row matters only if the column it is stuck on could rank above what is decided.
  const open = outcomes.filter(
    (x): x is { t: (typeof targets)[number]; o: Extract<RowOutcome, { decided: false }> } =>
      !x.o.decided && CATEGORY_RANK[x.o.column] > bestRank,
  );

  const notes = noteFor(req.constructionType);
  const base = {
    catalogueVersion: ed.version,
    catalogueTitle: ed.title,
    industryCode: code,
    industryName: ind.name,
    constructionType: req.constructionType,
    matchedRows: outcomes.map((x) => ({ row: x.t.row.row, category: x.o.decided ? x.o.category : null })),
  };

  if (open.length > 0) {
    const first = open[0]!;
    const keys = new Set<EiaFactKey>();
    const kinds = new Set<SensitiveAreaKind>();
    for (const x of open) {
      for (const k of x.o.missing.keys) keys.add(k);
      for (const k of x.o.missing.sensitiveKinds) kinds.add(k);
    }
    const missingFacts = [...keys];
    return {
      ...base,
      category: null,
      categoryLabel: null,
      row: first.t.row.row,
      rowTitle: first.t.row.title,
      column: first.o.column,
      columnLabel: EIA_COLUMN_LABELS[first.o.column],
      quote: first.t.row.columns[first.o.column],
      clause: null,
      basis: `《${ML2021_TITLE}》第${first.t.row.row}行（待补充事实后判定）`,
      missingFacts,
      questions: missingFacts.map((k) => questionFor(k, kinds)),
      notes,
    };
  }

  const permit = permitFor(code, req.constructionType, facts);
  const permitPart = permit ? { permitClass: permit.cls, permit: permit.view } : {};

  if (!best || best.o.category === 'none') {
    // Outside the catalogue (no row) or inside a row whose columns all fail: 第五条 either way.
    const r = best?.t.row ?? null;
    return {
      ...base,
      category: 'none',
      categoryLabel: EIA_CATEGORY_LABELS.none,
      row: r?.row ?? null,
      rowTitle: r?.title ?? null,
      column: null,
      columnLabel: null,
      quote: ARTICLE_5,
      clause: null,
      basis: r
        ? `《${ML2021_TITLE}》第${r.row}行各栏均不适用，依第五条不纳入环评管理`
        : `《${ML2021_TITLE}》第五条（名录未作规定）`,
      ...permitPart,
      missingFacts: [],
      questions: [],
      notes,
    };
  }
  const col = best.o.column as EiaColumn;
  const compound = decided.filter((x) => x.o.category !== 'none').length > 1;
  return {
    ...base,
    category: best.o.category,
    categoryLabel: EIA_CATEGORY_LABELS[best.o.category],
    row: best.t.row.row,
    rowTitle: best.t.row.title,
    column: col,
    columnLabel: EIA_COLUMN_LABELS[col],
    quote: best.t.row.columns[col],
    clause: best.o.clause ?? null,
    basis: `《${ML2021_TITLE}》第${best.t.row.row}行“${EIA_COLUMN_LABELS[col]}”栏${compound ? COMPOUND_BASIS : ''}`,
    ...permitPart,
    missingFacts: [],
    questions: [],
    notes,
  };
}

/** The notes an answer carries, in Chinese as the result sends them and in English for the wizard's English face. */
export const EIA_CLASSIFICATION_NOTES = {
  scale: {
    zh: '名录中涉及规模的，均指新增规模（名录说明）。',
    en: 'Every scale the catalogue names is the added scale (catalogue notes).',
  },
  alteration: {
    zh: '建设内容不涉及主体工程的改建、扩建项目，按改建、扩建的工程内容确定类别（第四条）：请只填报改扩建内容本身的事实。',
    en: 'An alteration or expansion that does not touch the main works is classified by the altered or added works (art. 4): give the facts of those works only.',
  },
  relocation: {
    zh: '迁建项目在新址整体建设，拆除后重建的全部规模计为新增规模（环境工程评估中心答复）。',
    en: 'A relocated project is built anew at the new site: the whole scale rebuilt there counts as added scale (answer of the Appraisal Center for Environment and Engineering).',
  },
} as const;

/** A note of the result in the wizard's language (a note this table does not know stays as sent). */
export function classificationNoteIn(note: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return note;
  return Object.values(EIA_CLASSIFICATION_NOTES).find((n) => n.zh === note)?.en ?? note;
}

function noteFor(t: ConstructionType): string[] {
  const notes: string[] = [EIA_CLASSIFICATION_NOTES.scale.zh];
  if (t === 'expansion' || t === 'alteration') notes.push(EIA_CLASSIFICATION_NOTES.alteration.zh);
  if (t === 'relocation') notes.push(EIA_CLASSIFICATION_NOTES.relocation.zh);
  return notes;
}

const FACT_OPTION_LABELS: Partial<Record<EiaFactKey, Record<string, string>>> = {
  storageType: {
    'oil-depot': '地上油库',
    'underground-oil-depot': '地下油库',
    'underground-gas-depot': '地下气库',
    other: '其他危险品仓库（含烟花爆竹仓库）',
  },
  biomassPowerFuel: {
    'household-waste': '生活垃圾发电（非掺烧）',
    sludge: '污泥发电（非掺烧）',
    'co-firing': '掺烧生活垃圾或污泥发电',
    'agri-forestry': '农林生物质发电',
    biogas: '沼气发电',
    'landfill-gas': '垃圾填埋气发电',
    other: '其他',
  },
  sewageWorks: {
    urban: '城乡污水集中处理（为社会公众服务）',
    'industrial-central': '工业废水集中处理',
    'industrial-other': '其他工业废水处理（企业自建）',
    'domestic-own': '建设单位自建自用，仅处理生活污水',
    septic: '化粪池及化粪池处理后中水回用',
    'sedimentation-only': '仅建设沉淀池',
  },
  labKind: {
    'biosafety-p3-p4': 'P3、P4生物安全实验室',
    transgenic: '转基因实验室',
    other: '其他专业实验室、研发（试验）基地',
  },
  wasteKind: {
    hazardous: '危险废物（不含医疗废物）',
    medical: '医疗废物',
    'dead-animals': '病死及病害动物',
  },
  solidWasteWorks: {
    'industrial-landfill-incineration': '一般工业固体废物（含污水处理污泥）填埋或焚烧',
    'cement-kiln-retrofit': '水泥窑协同处置的改造项目',
    other: '其他处置及综合利用（含建筑施工废弃物）',
  },
  sanitationWorks: {
    'transfer-station': '生活垃圾（含餐厨废弃物）转运站',
    disposal: '生活垃圾（含餐厨废弃物）集中处置（生活垃圾发电除外）',
    faeces: '粪便处置工程',
    other: '其他',
  },
  disposalMethod: { landfill: '填埋', other: '其他处置方式' },
  roadWorks: {
    road: '公路主体工程',
    ancillary: '配套设施',
    maintenance: '维护',
    emergency: '生命救援、应急保通工程或国防交通保障项目',
  },
  roadGrade: {
    expressway: '高速公路',
    'class-1': '一级公路',
    'class-2': '二级公路',
    'class-3': '三级公路',
    'class-4': '四级公路',
  },
  urbanRoadWorks: {
    'expressway-arterial': '快速路、主干路',
    'bridge-tunnel': '城市桥梁、隧道',
    secondary: '次干路',
    branch: '支路',
    pedestrian: '人行天桥、人行地道',
    maintenance: '维护',
  },
  coalWorks: {
    mining: '煤炭开采',
    'washing-blending': '煤炭洗选、配煤',
    'storage-transport': '煤炭储存、集运',
    'ventilation-gas-drainage': '风井场地、瓦斯抽放站',
    restoration: '矿区修复治理工程',
    other: '其他',
  },
};

type EnumOptionsEn = { [K in EnumKey]: Record<NonNullable<EiaFacts[K]> & string, string> };

/** Every option of every multiple-choice fact in English (typed so that none can be left out). */
const FACT_OPTION_LABELS_EN: EnumOptionsEn = {
  storageType: {
    'oil-depot': 'Above-ground oil depot',
    'underground-oil-depot': 'Underground oil depot',
    'underground-gas-depot': 'Underground gas depot',
    other: 'Other hazardous-goods store (incl. fireworks stores)',
  },
  biomassPowerFuel: {
    'household-waste': 'Household-waste power (not co-fired)',
    sludge: 'Sewage-sludge power (not co-fired)',
    'co-firing': 'Power co-firing household waste or sewage sludge',
    'agri-forestry': 'Agricultural and forestry biomass power',
    biogas: 'Biogas power',
    'landfill-gas': 'Landfill-gas power',
    other: 'Other',
  },
  sewageWorks: {
    urban: 'Centralised urban or rural sewage treatment (serving the public)',
    'industrial-central': 'Centralised industrial wastewater treatment',
    'industrial-other': 'Other industrial wastewater treatment (built by the enterprise)',
    'domestic-own': 'Built by the builder for its own use, treating domestic sewage only',
    septic: 'Septic tanks, and reuse of the water they have treated',
    'sedimentation-only': 'Settling tanks only',
  },
  labKind: {
    'biosafety-p3-p4': 'P3 or P4 biosafety laboratory',
    transgenic: 'Transgenic laboratory',
    other: 'Other specialised laboratory or R&D (test) base',
  },
  wasteKind: {
    hazardous: 'Hazardous waste (other than medical waste)',
    medical: 'Medical waste',
    'dead-animals': 'Dead or diseased animals',
  },
  solidWasteWorks: {
    'industrial-landfill-incineration':
      'Landfill or incineration of general industrial solid waste (incl. sludge from wastewater treatment)',
    'cement-kiln-retrofit': 'Retrofit for co-processing waste in a cement kiln',
    other: 'Other disposal or comprehensive use (incl. construction waste)',
  },
  sanitationWorks: {
    'transfer-station': 'Household-waste (incl. kitchen-waste) transfer station',
    disposal: 'Centralised disposal of household waste (incl. kitchen waste), other than waste-to-power',
    faeces: 'Night-soil disposal works',
    other: 'Other',
  },
  disposalMethod: { landfill: 'Landfill', other: 'Other disposal' },
  roadWorks: {
    road: 'Main highway works',
    ancillary: 'Ancillary facilities',
    maintenance: 'Maintenance',
    emergency: 'Life-saving, emergency-access or national-defence transport works',
  },
  roadGrade: {
    expressway: 'Expressway',
    'class-1': 'Class 1 highway',
    'class-2': 'Class 2 highway',
    'class-3': 'Class 3 highway',
    'class-4': 'Class 4 highway',
  },
  urbanRoadWorks: {
    'expressway-arterial': 'Expressway or arterial road',
    'bridge-tunnel': 'Urban bridge or tunnel',
    secondary: 'Secondary road',
    branch: 'Branch road',
    pedestrian: 'Pedestrian bridge or underpass',
    maintenance: 'Maintenance',
  },
  coalWorks: {
    mining: 'Coal mining',
    'washing-blending': 'Coal washing or blending',
    'storage-transport': 'Coal storage, collection or transport',
    'ventilation-gas-drainage': 'Ventilation-shaft site or gas-drainage station',
    restoration: 'Mine-area restoration works',
    other: 'Other',
  },
};

/**
 * Every fact the engine may ask, in English: the question and its explanation as the Chinese
 * description gives them (the glossary's terms; the catalogue's notes and articles cited by number).
 */
export const EIA_FACT_TEXT_EN: Readonly<Record<EiaFactKey, string>> = {
  industrialBuilding:
    'Production takes place in an industrial building (factory, warehouse, etc., GB/T 50083-2014). Catalogue categories marked "*" cover only production in industrial buildings (note 4); household workshops and shops are not included',
  chemicalReaction:
    'The process involves a chemical reaction (pilot-scale R&D included). Answer no if there is only purely physical separation, physical purification, mixing or repackaging (catalogue note 3: simple mixing is physical mixing with no chemical reaction)',
  productionWastewater:
    'The project produces process wastewater (domestic sewage does not count; answer of the Appraisal Center for Environment and Engineering)',
  vocEmissions: 'The project emits volatile organic compounds (VOCs)',
  storageType:
    'Type of hazardous-goods store: above-ground oil depot, underground oil depot, underground gas depot, or other (incl. stores of fireworks and other toxic, harmful or hazardous goods)',
  oilDepotCapacityM3: 'Added total capacity of the oil depot, m³',
  coalOilBoilerTonnesPerHour: 'Added total capacity of coal- or oil-fired boilers, t/h (1 t/h ≈ 0.7 MW)',
  gasBoilerTonnesPerHour: 'Added total capacity of natural-gas boilers, t/h',
  otherHighPollutionFuel:
    'The boilers burn a high-polluting fuel other than coal or oil (Catalogue of High-Polluting Fuels, MEE 2017)',
  cementGrindingOnly: 'Only a cement grinding station (no clinker is produced)',
  stoneSlabProcessingOnly: 'Only cutting, grinding and shaping of stone slabs',
  electricHeating: 'The glass products are heated electrically',
  cutGrindShapeOnly: 'The glass products are only cut, ground and shaped',
  roasting: 'Making the graphite or carbon products includes baking',
  highPollutionFuel:
    'The project uses high-polluting fuels (Catalogue of High-Polluting Fuels, MEE 2017: coal and coal products, petroleum coke, oil shale, crude oil, heavy oil, residual oil, coal tar, etc.)',
  annualOutputPieces: 'Added annual output, pieces (sanitary ceramics, household ceramics)',
  coalWorks:
    'What the coal project covers: mining; washing and blending; storage, collection and transport; ventilation-shaft sites and gas-drainage stations; mine-area restoration; other',
  riverSandDredging: 'The project dredges river sand (catalogue row 11 excludes river sand dredging)',
  crushingTransportOrRestorationOnly:
    'Only stand-alone ore crushing, collection and transport, or mine-area restoration works',
  scaleFarm:
    'A large-scale livestock or poultry farm (thresholds: the Regulations on the Prevention and Control of Pollution from Large-scale Livestock and Poultry Farming and the province’s rules)',
  pigEquivalentSoldPerYear:
    'Added annual output of animals sold for slaughter, in pig equivalents (1 breeding sow or boar = 5 pigs; 1 dairy cow = 10; 30 laying hens, 60 broilers, 30 ducks, 15 geese or 3 sheep = 1); enter 0 if the farm sells none',
  pigEquivalentInStock: 'For a farm that sells no animals for slaughter: added livestock on hand, in pig equivalents',
  pigsSlaughteredPerYear: 'Added pigs slaughtered per year, head',
  cattleSlaughteredPerYear: 'Added beef cattle slaughtered per year, head',
  sheepSlaughteredPerYear: 'Added sheep slaughtered per year, head',
  poultrySlaughteredPerYear: 'Added poultry slaughtered per year, birds',
  meatProcessedTonnesPerYear: 'Added meat processed per year, tonnes',
  fermentation: 'The process includes fermentation',
  annualProcessingTonnes:
    'Added annual processing, tonnes (grain milling, feed processing, aquatic-product processing)',
  simpleMixingOrPackaging:
    'Only simple mixing (blending) or repackaging (from large packs into small ones), with no chemical reaction',
  packagingOnly: 'Only repackaging (from large packs into small ones)',
  blendingOnly: 'Only blending',
  starchOrStarchSugar: 'The project makes starch or starch sugar (not only starch products)',
  citricLysineYeast: 'The product is citric acid, lysine or yeast',
  annualOutputTonnes: 'Added annual output, tonnes (soy sauce, vinegar)',
  capacityKilolitres: 'Added annual production capacity, kilolitres (alcoholic drinks)',
  electroplating:
    'The process includes electroplating (electroless plating and anodising count as electroplating, catalogue notes)',
  solventCoatingTonnesPerYear: 'Solvent-based coatings (incl. thinners) used per year, tonnes; enter 0 if none',
  lowVocCoatingTonnesPerYear: 'Non-solvent low-VOC coatings used per year, tonnes; enter 0 if none',
  onlyCutWeldAssemble:
    'Apart from coating, the only processes are cutting, welding and assembly (grinding before and after welding counts as welding)',
  coatingOnly: 'There is no production process other than coating',
  hotDipGalvanizingWithPassivation: 'Hot-dip galvanising with passivation',
  castingTonnesPerYear: 'Added annual output of ferrous or non-ferrous castings, tonnes',
  coatingImpregnationPrintingGluing: 'The process includes coating, impregnation, printing or gluing',
  solventInkTonnesPerYear: 'Solvent-based inks used per year, tonnes; enter 0 if none',
  lowVocInkTonnesPerYear: 'Low-VOC inks used per year, tonnes; enter 0 if none',
  laserPrintingOnly: 'Laser printing only',
  recycledPlastic: 'Recycled plastic is a raw material',
  solventAdhesiveTonnesPerYear: 'Solvent-based adhesives used per year, tonnes; enter 0 if none',
  inpatientBeds: 'Added inpatient beds',
  floorAreaM2: 'Added floor area, m² (schools, welfare homes, care homes; wholesale and retail markets)',
  chemBioLab: 'The school has chemistry or biology laboratories',
  urbanBuiltUpArea: 'The site is in an urban built-up area',
  businessAreaM2: 'Business floor area, m² (car and motorcycle repair shops)',
  standardFactory: 'The project is a standard factory building',
  sensitiveAreas:
    'Environmentally sensitive areas (catalogue art. 3) the project lies in or crosses; tick none if it touches none. Only the areas named in this row’s own definition of sensitive areas count',
  rawJuiceProduction: 'The beverage project produces raw juice (fruit or vegetable juice, etc.)',
  biomassPowerFuel:
    'Fuel of the biomass power plant: household waste (not co-fired), sewage sludge (not co-fired), household waste or sludge co-fired, agricultural and forestry biomass, biogas, landfill gas, other',
  sewageWorks:
    'Nature of the wastewater project: centralised urban or rural sewage treatment (serving the public, catalogue note 5); centralised industrial wastewater treatment; other industrial wastewater treatment; the builder’s own works treating domestic sewage only; septic tanks and reuse of their treated water; settling tanks only',
  sewageTonnesPerDay: 'Added daily capacity of urban or rural sewage treatment, t/d',
  indirectDischargeNoHeavyMetals:
    'The treated industrial wastewater goes to surface water indirectly (e.g. into the municipal sewer) and carries no heavy metals',
  upgradeOnly: 'Only an upgrade to stricter discharge standards',
  labKind:
    'Type of laboratory: P3 or P4 biosafety laboratory; transgenic laboratory; other specialised laboratory or R&D (test) base',
  labWaste: 'The laboratory produces waste gas, wastewater or hazardous waste from its experiments',
  wasteKind: 'Waste disposed of: hazardous waste (other than medical waste); medical waste; dead or diseased animals',
  inHouseRecycling: 'Only recycled within the unit that produces it',
  collectionStorageOnly: 'Only collection and storage, with no use or disposal',
  solidWasteWorks:
    'General solid-waste project: landfill or incineration of general industrial solid waste (incl. sludge from wastewater treatment); retrofit for co-processing in a cement kiln; other disposal and comprehensive use (incl. construction waste)',
  sanitationWorks:
    'Environmental sanitation works: household-waste (incl. kitchen-waste) transfer station; centralised disposal of household waste (other than waste-to-power); night-soil disposal works; other',
  transferTonnesPerDay: 'Added daily capacity of the household-waste transfer station, t/d',
  disposalMethod: 'How the household waste is disposed of: landfill; other',
  disposalTonnesPerDay: 'Added daily capacity of household-waste disposal, t/d',
  faecesTonnesPerDay: 'Added daily capacity of night-soil disposal, t/d',
  hazmatVehicleWash: 'A washing yard for vehicles carrying hazardous chemicals',
  roadWorks:
    'What the highway project covers: main highway works; ancillary facilities; maintenance; life-saving, emergency-access or national-defence transport works',
  roadGrade: 'Highway class: expressway, class 1, class 2, class 3, class 4',
  roadLengthKm: 'Length of new highway, km',
  urbanRoadWorks:
    'Urban road project: expressway or arterial road; urban bridge or tunnel; secondary road; branch road; pedestrian bridge or underpass; maintenance',
  wastewaterOutlet:
    'The farm has a wastewater outlet (this decides the discharge-permit class, 2019 permit catalogue item 1)',
  ancillaryWorks:
    'Ancillary works of the same project, each classified in its own row, the highest category applying (art. 4): boiler or heat supply, hazardous-goods store, air-pollution control works',
  otherIndustryCodes:
    'Other GB/T 4754 industry classes in the same project, each classified in its own row, the highest category applying (art. 4)',
};

/**
 * A question as the wizard shows it in the reader's language. The answer carries the Chinese; the
 * English comes from the tables above by the fact's key and the option's value, and whatever they
 * do not know (a fact a newer server asks) stays as sent rather than going blank.
 */
export function questionIn<Q extends { key: string; label: string; options?: { value: string; label: string }[] }>(
  q: Q,
  lang: 'zh' | 'en',
): Q {
  if (lang === 'zh') return q;
  const key = q.key as EiaFactKey;
  const optionEn = (value: string): string | undefined =>
    key === 'sensitiveAreas'
      ? SENSITIVE_AREA_KINDS[value as SensitiveAreaKind]?.labelEn
      : (FACT_OPTION_LABELS_EN as Partial<Record<string, Record<string, string>>>)[key]?.[value];
  return {
    ...q,
    label: EIA_FACT_TEXT_EN[key] ?? q.label,
    ...(q.options ? { options: q.options.map((o) => ({ ...o, label: optionEn(o.value) ?? o.label })) } : {}),
  };
}

/**
 * The answer's legal basis in English, built from what the result cites (row, column, whether
 * several rows counted) in the words of the Chinese basis the result carries.
 */
export function classificationBasisEn(r: {
  category: EiaCategory | null;
  row: number | null;
  column: EiaColumn | null;
  /** the answer's rows; evidence kept without them passes the Chinese basis, which says so in words */
  matchedRows?: readonly { category: EiaCategory | null }[];
  basis?: string;
}): string {
  if (r.category === null) return `${ML2021_TITLE_EN}, row ${r.row} (decided once the remaining facts are given)`;
  if (r.category === 'none' || r.column === null)
    return r.row === null
      ? `${ML2021_TITLE_EN}, art. 5 (the catalogue does not cover the project)`
      : `${ML2021_TITLE_EN}, row ${r.row}: no column applies, so the project is outside EIA management (art. 5)`;
  const compound = r.matchedRows
    ? r.matchedRows.filter((m) => m.category !== null && m.category !== 'none').length > 1
    : (r.basis?.endsWith(COMPOUND_BASIS) ?? false);
  return `${ML2021_TITLE_EN}, row ${r.row}, “${EIA_COLUMN_LABELS_EN[r.column]}” column${
    compound ? '; the project falls in two or more categories and takes the highest (art. 4)' : ''
  }`;
}

/**
 * The catalogue row and column a case rests on, in English: the row's title and the cell's words
 * stay as printed (the legal text), the rest is said in English.
 */
export function catalogueRowEn(e: {
  row: number | null;
  rowTitle: string | null;
  column: EiaColumn | null;
  quote: string;
}): string {
  if (e.row === null) return `Not covered by the catalogue (art. 5): “${e.quote}”`;
  if (e.column === null) return `Row ${e.row} ${e.rowTitle ?? ''} · no column applies (art. 5)`;
  return `Row ${e.row} ${e.rowTitle ?? ''} · ${EIA_COLUMN_LABELS_EN[e.column]} column: “${e.quote}”`;
}

/** The discharge-permit class's basis in English: the 2019 catalogue's item and class column. */
export function permitBasisEn(item: number, cls: PermitClass): string {
  return `${PW2019_TITLE_EN}, item ${item}, “${PERMIT_CLASS_WORDS[cls].en}” column`;
}

/** The question for a fact, in words; for sensitive areas only the places the asking rows count. */
export function questionFor(key: EiaFactKey, kinds: Iterable<SensitiveAreaKind> = []): FactQuestion {
  const inner = eiaFactsSchema.shape[key].unwrap();
  const label = inner.description ?? key;
  if (key === 'sensitiveAreas')
    return {
      key,
      kind: 'areas',
      label,
      options: [...kinds].map((k) => ({ value: k, label: SENSITIVE_AREA_KINDS[k].label })),
    };
  const labels = FACT_OPTION_LABELS[key];
  if (labels)
    return { key, kind: 'enum', label, options: Object.entries(labels).map(([value, l]) => ({ value, label: l })) };
  return { key, kind: inner instanceof z.ZodBoolean ? 'boolean' : 'number', label };
}

// ---------------------------------------------------------------------------------------------
// Discharge-permit class (PW2019), where the facts decide it

type PermitAnswer = { cls: PermitClass; view: NonNullable<ClassifyResult['permit']> };

/**
 * PW2019 is read on the whole unit after the project, not on the added scale, so scale-dependent
 * items are only answered for new and relocated projects (where the two are the same). Items that
 * read "涉及通用工序…" depend on boilers, kilns, surface treatment and water treatment (items
 * 109–112), which the wizard does not ask: no class is given for them rather than a guess.
 */
function permitFor(code: string, t: ConstructionType, f: EiaFacts): PermitAnswer | undefined {
  const whole = t === 'new' || t === 'relocation';
  const pick = (item: number, cls: PermitClass, clause: string): PermitAnswer | undefined => {
    const it = PW2019_ITEMS.find((i) => i.item === item);
    if (!it) return undefined;
    return {
      cls,
      view: {
        item,
        title: it.title,
        classLabel: PERMIT_CLASS_LABELS[cls],
        quote: clause,
        basis: `《${PW2019_TITLE}》第${item}项“${PERMIT_CLASS_LABELS[cls]}”栏`,
      },
    };
  };
  const at = (p: string) => code.startsWith(p);
  if (at('594')) {
    if (f.storageType === 'other')
      return pick(102, 'registration', '其他危险品仓储（含油品码头后方配套油库，不含储备油库）');
    return undefined;
  }
  if (at('3011')) {
    if (f.cementGrindingOnly === false) return pick(63, 'key', '水泥（熟料）制造');
    if (f.cementGrindingOnly === true) return pick(63, 'simplified', '水泥粉磨站');
    return undefined;
  }
  if (at('3012')) return pick(63, 'simplified', '石灰和石膏制造3012');
  if (at('3021')) return pick(63, 'registration', '水泥制品制造3021');
  if (at('3022')) return pick(63, 'registration', '砼结构构件制造3022');
  if (at('3023')) return pick(63, 'registration', '石棉水泥制品制造3023');
  if (at('3024')) return pick(63, 'registration', '轻质建筑材料制造3024');
  if (at('3029')) return pick(63, 'registration', '其他水泥类似制品制造3029');
  if (at('3072') && whole && f.annualOutputPieces !== undefined)
    return f.annualOutputPieces >= 1_500_000
      ? pick(68, 'key', '卫生陶瓷制品制造3072（年产150万件及以上的）')
      : pick(68, 'registration', '卫生陶瓷制品制造3072（年产150万件以下的）');
  if (at('3074') && whole && f.annualOutputPieces !== undefined)
    return f.annualOutputPieces >= 2_500_000
      ? pick(68, 'key', '日用陶瓷制品制造3074（年产250万件及以上的）')
      : pick(68, 'registration', '日用陶瓷制品制造3074（年产250万件以下的）');
  if (at('3075')) return pick(68, 'registration', '陈设艺术陶瓷制造3075');
  if (at('3076')) return pick(68, 'registration', '园艺陶瓷制造3076');
  if (at('3081')) return pick(69, 'key', '石棉制品制造3081');
  if (at('031') || at('032')) {
    if (f.scaleFarm === undefined || f.wastewaterOutlet === undefined) return undefined;
    if (f.scaleFarm && f.wastewaterOutlet) return pick(1, 'key', '设有污水排放口的规模化畜禽养殖场、养殖小区');
    if (f.scaleFarm) return pick(1, 'registration', '无污水排放口的规模化畜禽养殖场、养殖小区');
    if (f.wastewaterOutlet) return pick(1, 'registration', '设有污水排放口的规模以下畜禽养殖场、养殖小区');
    return undefined;
  }
  if (at('1351') && whole) {
    const pigs = f.pigsSlaughteredPerYear;
    if (pigs === undefined || f.cattleSlaughteredPerYear === undefined || f.sheepSlaughteredPerYear === undefined)
      return undefined;
    const c = f.cattleSlaughteredPerYear;
    const s = f.sheepSlaughteredPerYear;
    if (pigs >= 100_000 || c >= 10_000 || s >= 150_000)
      return pick(13, 'key', '年屠宰生猪10万头及以上的，年屠宰肉牛1万头及以上的，年屠宰肉羊15万头及以上的');
    if (pigs >= 20_000 || c >= 2_000 || s >= 25_000)
      return pick(
        13,
        'simplified',
        '年屠宰生猪2万头及以上10万头以下的，年屠宰肉牛0.2万头及以上1万头以下的，年屠宰肉羊2.5万头及以上15万头以下的',
      );
    return undefined;
  }
  if (at('1352') && whole && f.poultrySlaughteredPerYear !== undefined) {
    if (f.poultrySlaughteredPerYear >= 10_000_000) return pick(13, 'key', '年屠宰禽类1000万只及以上的');
    if (f.poultrySlaughteredPerYear >= 1_000_000)
      return pick(13, 'simplified', '年屠宰禽类100万只及以上1000万只以下的');
    return undefined;
  }
  if (at('5265') && f.urbanBuiltUpArea !== undefined)
    return f.urbanBuiltUpArea
      ? pick(100, 'simplified', '位于城市建成区的加油站')
      : pick(100, 'registration', '其他加油站');
  return undefined;
}
