/**
 * 《建设项目环境影响评价分类管理名录（2021年版）》 (ML2021) — the rows for the county's industries,
 * held as versioned data with every cell copied from the official text (see
 * ../shared/domain/eia-catalogue.md for where each row was read), plus the general articles and
 * the 《固定污染源排污许可分类管理名录（2019年版）》 (PW2019) items the wizard can read a permit class
 * from. The engine in eia-classification.ts decides which cell applies; this file only says what
 * the catalogue says, so a new edition (the 2025 draft) can be loaded beside it under its own id.
 */

export const EIA_COLUMNS = ['report-book', 'report-form', 'registration-form'] as const;
export type EiaColumn = (typeof EIA_COLUMNS)[number];

/** The catalogue's own words for its three columns (its table headers). */
export const EIA_COLUMN_LABELS: Record<EiaColumn, string> = {
  'report-book': '报告书',
  'report-form': '报告表',
  'registration-form': '登记表',
};

/** The columns in English, lower case for use inside a sentence (a heading capitalises them). */
export const EIA_COLUMN_LABELS_EN: Record<EiaColumn, string> = {
  'report-book': 'report book',
  'report-form': 'report form',
  'registration-form': 'registration form',
};

export type EiaCatalogueRow = {
  /** the row number printed in the catalogue's table */
  row: number;
  /** 项目类别, as printed (with the GB/T 4754 codes and the "*" mark) */
  title: string;
  /** GB/T 4754-2017 codes (group or class) whose projects fall in the row; a class matches by prefix */
  codes: readonly string[];
  /** "*" rows cover only production in an industrial building (note 4) */
  industrialBuildingOnly: boolean;
  /** the three cells, exactly as printed; "/" means the column does not apply */
  columns: Record<EiaColumn, string>;
  /** 本栏目环境敏感区含义, as printed; "—" where the row has no sensitive-area condition */
  sensitiveAreas: string;
};

export type EiaCatalogueEdition = {
  /** stored with every answer, so a decision can be read against the edition it used */
  version: string;
  title: string;
  instrument: string;
  effectiveFrom: string;
  articles: readonly { article: string; text: string }[];
  notes: readonly string[];
  rows: readonly EiaCatalogueRow[];
};

export const ML2021_VERSION = 'ML2021';

export const ML2021_TITLE = '建设项目环境影响评价分类管理名录（2021年版）';

/** The catalogue's name in English, as the EIA notices cite it (core/eia.ts). */
export const ML2021_TITLE_EN = 'EIA classification catalogue (2021 edition)';

/** The general articles the engine cites: Art. 3 verbatim, the others as the file records them. */
export const ML2021_ARTICLES = [
  {
    article: '第三条',
    text: '本名录所称环境敏感区是指依法设立的各级各类保护区域和对建设项目产生的环境影响特别敏感的区域，主要包括下列区域：（一）国家公园、自然保护区、风景名胜区、世界文化和自然遗产地、海洋特别保护区、饮用水水源保护区；（二）除（一）外的生态保护红线管控范围，永久基本农田、基本草原、自然公园（森林公园、地质公园、海洋公园等）、重要湿地、天然林，重点保护野生动物栖息地，重点保护野生植物生长繁殖地，重要水生生物的自然产卵场、索饵场、越冬场和洄游通道，天然渔场，水土流失重点预防区和重点治理区、沙化土地封禁保护区、封闭及半封闭海域；（三）以居住、医疗卫生、文化教育、科研、行政办公为主要功能的区域，以及文物保护单位。',
  },
  {
    article: '第四条',
    text: '建设项目涉及本名录中两个及以上项目类别的，其环境影响评价类别按照其中单项等级最高的确定。建设内容不涉及主体工程的改建、扩建项目，其环境影响评价类别按照改建、扩建的工程内容确定。',
  },
  {
    article: '第五条',
    text: '本名录未作规定的建设项目，不纳入建设项目环境影响评价管理。',
  },
] as const;

/** Table notes (说明) the engine relies on. */
export const ML2021_NOTES = [
  '名录中涉及规模的，均指新增规模。',
  '单纯混合指不发生化学反应的物理混合过程；分装指由大包装变为小包装。',
  '标“*”的项目类别，仅指在工业建筑中生产的建设项目。',
  '化学镀、阳极氧化生产工艺按照本名录中电镀工艺相关规定执行。',
] as const;

const ML2021_BASE_ROWS: readonly EiaCatalogueRow[] = [
  {
    row: 44,
    title:
      '基础化学原料制造261；农药制造263；涂料、油墨、颜料及类似产品制造264；合成材料制造265；专用化学产品制造266；炸药、火工及焰火产品制造267',
    codes: ['261', '263', '264', '265', '266', '267'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '全部（含研发中试；不含单纯物理分离、物理提纯、混合、分装的）',
      'report-form': '单纯物理分离、物理提纯、混合、分装的（不产生废水或挥发性有机物的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 149,
    title: '危险品仓储594（不含加油站的油库；不含加气站的气库）',
    codes: ['594'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '总容量20万立方米及以上的油库（含油品码头后方配套油库）；地下油库；地下气库',
      'report-form': '其他（含有毒、有害、危险品的仓储；含液化天然气库）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 91,
    title: '热力生产和供应工程（包括建设单位自建自用的供热工程）',
    codes: ['443'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '燃煤、燃油锅炉总容量65吨/小时（45.5兆瓦）以上的',
      'report-form':
        '燃煤、燃油锅炉总容量65吨/小时（45.5兆瓦）及以下的；天然气锅炉总容量1吨/小时（0.7兆瓦）以上的；使用其他高污染燃料的（高污染燃料指国环规大气〔2017〕2号《高污染燃料目录》中规定的燃料）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 100,
    title: '脱硫、脱硝、除尘、VOCs治理等大气污染治理工程',
    codes: ['7722'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '/',
      'registration-form': '全部',
    },
    sensitiveAreas: '—',
  },
  {
    row: 54,
    title: '水泥、石灰和石膏制造301',
    codes: ['301'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '水泥制造（水泥粉磨站除外）',
      'report-form': '水泥粉磨站；石灰和石膏制造',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 55,
    title: '石膏、水泥制品及类似制品制造302',
    codes: ['302'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '商品混凝土；砼结构构件制造；水泥制品制造',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 56,
    title: '砖瓦、石材等建筑材料制造303',
    codes: ['303'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form':
        '粘土砖瓦及建筑砌块制造；建筑用石加工；防水建筑材料制造；隔热、隔音材料制造；其他建筑材料制造（含干粉砂浆搅拌站）以上均不含利用石材板材切割、打磨、成型的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 57,
    title: '玻璃制造304；玻璃制品制造305',
    codes: ['304', '305'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '平板玻璃制造',
      'report-form': '特种玻璃制造；其他玻璃制造；玻璃制品制造（电加热的除外；仅切割、打磨、成型的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 60,
    title: '耐火材料制品制造308；石墨及其他非金属矿物制品制造309',
    codes: ['308', '309'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '石棉制品；含焙烧的石墨、碳素制品',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 59,
    title: '陶瓷制品制造307*',
    codes: ['307'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '使用高污染燃料的（高污染燃料指国环规大气〔2017〕2号《高污染燃料目录》中规定的燃料）',
      'report-form':
        '不使用高污染燃料的建筑陶瓷制品制造；不使用高污染燃料的年产150万件及以上的卫生陶瓷制品制造；不使用高污染燃料的年产250万件及以上的日用陶瓷制品制造',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 6,
    title: '烟煤和无烟煤开采洗选061；褐煤开采洗选062；其他煤炭采选069',
    codes: ['061', '062', '069'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '煤炭开采',
      'report-form': '煤炭洗选、配煤；煤炭储存、集运；风井场地、瓦斯抽放站；矿区修复治理工程（含煤矿火烧区治理工程）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 11,
    title: '土砂石开采101（不含河道采砂项目）',
    codes: ['101'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '涉及环境敏感区的（不含单独的矿石破碎、集运；不含矿区修复治理工程）',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas:
      '第三条（一）中的全部区域；第三条（二）中的除（一）外的生态保护红线管控范围，基本草原，重要水生生物的自然产卵场、索饵场、越冬场和洄游通道，沙化土地封禁保护区',
  },
  {
    row: 12,
    title: '化学矿开采102；石棉及其他非金属矿采选109',
    codes: ['102', '109'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '全部（不含单独的矿石破碎、集运；不含矿区修复治理工程）',
      'report-form': '单独的矿石破碎、集运；矿区修复治理工程',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 14,
    title: '其他采矿业120',
    codes: ['120'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '涉及环境敏感区的',
      'registration-form': '其他',
    },
    sensitiveAreas: '第三条（一）中的全部区域',
  },
  {
    row: 3,
    title: '牲畜饲养031；家禽饲养032；其他畜牧业039',
    codes: ['031', '032', '039'],
    industrialBuildingOnly: false,
    columns: {
      'report-book':
        '年出栏生猪5000头（其他畜禽种类折合猪的养殖量）及以上的规模化畜禽养殖；存栏生猪2500头（其他畜禽种类折合猪的养殖规模）及以上无出栏量的规模化畜禽养殖；涉及环境敏感区的规模化畜禽养殖',
      'report-form': '/',
      'registration-form': '其他（规模化以下的除外）（具体规模化的标准按《畜禽规模化养殖污染防治条例》执行）',
    },
    sensitiveAreas: '第三条（一）中的全部区域；第三条（三）中的全部区域',
  },
  {
    row: 18,
    title: '屠宰及肉类加工135*',
    codes: ['135'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '屠宰生猪10万头、肉牛1万头、肉羊15万只、禽类1000万只及以上的',
      'report-form': '其他屠宰；年加工2万吨及以上的肉类加工',
      'registration-form': '其他肉类加工',
    },
    sensitiveAreas: '—',
  },
  {
    row: 15,
    title: '谷物磨制131*；饲料加工132*',
    codes: ['131', '132'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '/',
      'report-form': '含发酵工艺的；年加工1万吨及以上的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 16,
    title: '植物油加工133*',
    codes: ['133'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '/',
      'report-form': '除单纯分装、调和外的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 20,
    title: '其他农副食品加工139*',
    codes: ['139'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '含发酵工艺的淀粉、淀粉糖制造',
      'report-form': '不含发酵工艺的淀粉、淀粉糖制造；淀粉制品制造；豆制品制造以上均不含单纯分装的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 23,
    title: '调味品、发酵制品制造146*',
    codes: ['146'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '有发酵工艺的味精、柠檬酸、赖氨酸、酵母制造；年产2万吨及以上且有发酵工艺的酱油、食醋制造',
      'report-form': '其他（单纯混合、分装的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 25,
    title: '酒的制造151*',
    codes: ['151'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '有发酵工艺的（年生产能力1000千升以下的除外）',
      'report-form': '其他（单纯勾兑的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 45,
    title: '肥料制造262',
    codes: ['262'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '化学方法生产氮肥、磷肥、复混肥的',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 66,
    title:
      '结构性金属制品制造331；金属工具制造332；集装箱及金属包装容器制造333；金属丝绳及其制品制造334；建筑、安全用金属制品制造335；搪瓷制品制造337；金属制日用品制造338',
    codes: ['331', '332', '333', '334', '335', '337', '338'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '有电镀工艺的；年用溶剂型涂料（含稀释剂）10吨及以上的',
      'report-form': '其他（仅分割、焊接、组装的除外；年用非溶剂型低VOCs含量涂料10吨以下的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 67,
    title: '金属表面处理及热处理加工',
    codes: ['336'],
    industrialBuildingOnly: false,
    columns: {
      'report-book':
        '有电镀工艺的；有钝化工艺的热镀锌；使用有机涂层的（喷粉、喷塑、浸塑和电泳除外；年用溶剂型涂料（含稀释剂）10吨以下和用非溶剂型低VOCs含量涂料的除外）',
      'report-form': '其他（年用非溶剂型低VOCs含量涂料10吨以下的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 68,
    title: '铸造及其他金属制品制造339',
    codes: ['339'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '黑色金属铸造年产10万吨及以上的；有色金属铸造年产10万吨及以上的',
      'report-form': '其他（仅分割、焊接、组装的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 69,
    title:
      '锅炉及原动设备制造341；金属加工机械制造342；物料搬运设备制造343；泵、阀门、压缩机及类似机械制造344；轴承、齿轮和传动部件制造345；烘炉、风机、包装等设备制造346；文化、办公用机械制造347；通用零部件制造348；其他通用设备制造业349',
    codes: ['341', '342', '343', '344', '345', '346', '347', '348', '349'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '有电镀工艺的；年用溶剂型涂料（含稀释剂）10吨及以上的',
      'report-form': '其他（仅分割、焊接、组装的除外；年用非溶剂型低VOCs含量涂料10吨以下的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 70,
    title:
      '采矿、冶金、建筑专用设备制造351；化工、木材、非金属加工专用设备制造352；食品、饮料、烟草及饲料生产专用设备制造353；印刷、制药、日化及日用品生产专用设备制造354；纺织、服装和皮革加工专用设备制造355；电子和电工机械专用设备制造356；农、林、牧、渔专用机械制造357；医疗仪器设备及器械制造358；环保、邮政、社会公共服务及其他专用设备制造359',
    codes: ['351', '352', '353', '354', '355', '356', '357', '358', '359'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '有电镀工艺的；年用溶剂型涂料（含稀释剂）10吨及以上的',
      'report-form': '其他（仅分割、焊接、组装的除外；年用非溶剂型低VOCs含量涂料10吨以下的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 38,
    title: '纸制品制造223*',
    codes: ['223'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '/',
      'report-form': '有涂布、浸渍、印刷、粘胶工艺的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 39,
    title: '印刷231*',
    codes: ['231'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '年用溶剂油墨10吨及以上的',
      'report-form': '其他（激光印刷除外；年用低VOCs含量油墨10吨以下的印刷除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 53,
    title: '塑料制品业292',
    codes: ['292'],
    industrialBuildingOnly: false,
    columns: {
      'report-book':
        '以再生塑料为原料生产的；有电镀工艺的；年用溶剂型胶粘剂10吨及以上的；年用溶剂型涂料（含稀释剂）10吨及以上的',
      'report-form': '其他（年用非溶剂型低VOCs含量涂料10吨以下的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 108,
    title:
      '医院841；专科疾病防治院（所、站）8432；妇幼保健院（所、站）8433；急救中心（站）服务8434；采供血机构服务8435；基层医疗卫生服务842',
    codes: ['841', '842', '8432', '8433', '8434', '8435'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '新建、扩建住院床位500张及以上的',
      'report-form': '其他（住院床位20张以下的除外）',
      'registration-form': '住院床位20张以下的（不含20张住院床位的）',
    },
    sensitiveAreas: '—',
  },
  {
    row: 109,
    title: '疾病预防控制中心8431',
    codes: ['8431'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '新建',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 110,
    title: '学校、福利院、养老院（建筑面积5000平方米及以上的）',
    codes: ['831', '832', '833', '834'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '新建涉及环境敏感区的；有化学、生物实验室的学校',
      'registration-form': '/',
    },
    sensitiveAreas:
      '第三条（一）中的全部区域；第三条（二）中的除（一）外的生态保护红线管控范围，永久基本农田、基本草原、森林公园、地质公园、重要湿地、天然林，重点保护野生动物栖息地，重点保护野生植物生长繁殖地',
  },
  {
    row: 119,
    title: '加油、加气站',
    codes: ['5265', '5266'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '城市建成区新建、扩建加油站；涉及环境敏感区的',
      'registration-form': '/',
    },
    sensitiveAreas: '第三条（一）中的全部区域',
  },
  {
    row: 121,
    title: '汽车、摩托车维修场所',
    codes: ['8111', '8113'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form':
        '营业面积5000平方米及以上且使用溶剂型涂料的；营业面积5000平方米及以上且年用非溶剂型低VOCs含量涂料10吨及以上的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 97,
    title: '房地产开发、商业综合体、宾馆、酒店、办公用房、标准厂房等',
    codes: ['7010'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '涉及环境敏感区的',
      'registration-form': '/',
    },
    sensitiveAreas:
      '第三条（一）中的全部区域；第三条（二）中的除（一）外的生态保护红线管控范围，永久基本农田、基本草原、森林公园、地质公园、重要湿地、天然林，重点保护野生动物栖息地，重点保护野生植物生长繁殖地；第三条（三）中的文物保护单位，针对标准厂房增加第三条（三）中的以居住、医疗卫生、文化教育、科研、行政办公等为主要功能的区域',
  },
];

/**
 * The remaining rows of eia-catalogue.md (mining, food, paper, repair, utilities, waste, roads).
 * Rows 98, 101–107, 111, 120, 130 and 131 print no GB/T code: the codes here are the GB/T 4754
 * classes such works are registered under; where one class holds several rows (7724 for 101/102,
 * 7820 for 105–107, 8111 for 120/121), the engine tells them apart by what the works are.
 */
const ML2021_MORE_ROWS: readonly EiaCatalogueRow[] = [
  {
    row: 9,
    title: '铁矿采选081；锰矿、铬矿采选082；其他黑色金属矿采选089',
    codes: ['081', '082', '089'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '全部（含新建或扩建的独立尾矿库；不含单独的矿石破碎、集运；不含矿区修复治理工程）',
      'report-form': '单独的矿石破碎、集运；矿区修复治理工程',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 10,
    title: '常用有色金属矿采选091；贵金属矿采选092；稀有稀土金属矿采选093',
    codes: ['091', '092', '093'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '全部（含新建或扩建的独立尾矿库；不含单独的矿石破碎、集运；不含矿区修复治理工程）',
      'report-form': '单独的矿石破碎、集运；矿区修复治理工程',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 19,
    title: '水产品加工136',
    codes: ['136'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '/',
      'report-form': '鱼油提取及制品制造；年加工10万吨及以上的；涉及环境敏感区的',
      'registration-form': '/',
    },
    sensitiveAreas: '第三条（一）中的全部区域；第三条（二）中的全部区域',
  },
  {
    row: 21,
    title: '糖果、巧克力及蜜饯制造142*；方便食品制造143*；罐头食品制造145*',
    codes: ['142', '143', '145'],
    industrialBuildingOnly: true,
    columns: { 'report-book': '/', 'report-form': '除单纯分装外的', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 22,
    title: '乳制品制造144*',
    codes: ['144'],
    industrialBuildingOnly: true,
    columns: { 'report-book': '/', 'report-form': '除单纯混合、分装外的', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 24,
    title: '其他食品制造149*',
    codes: ['149'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '有发酵工艺的食品添加剂制造；有发酵工艺的饲料添加剂制造',
      'report-form':
        '盐加工；营养食品制造、保健食品制造、冷冻饮品及食用冰制造、无发酵工艺的食品及饲料添加剂制造、其他未列明食品制造以上均不含单纯混合、分装的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 26,
    title: '饮料制造152*',
    codes: ['152'],
    industrialBuildingOnly: true,
    columns: { 'report-book': '/', 'report-form': '有发酵工艺、原汁生产的', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 37,
    title: '纸浆制造221*；造纸222*（含废纸造纸）',
    codes: ['221', '222'],
    industrialBuildingOnly: true,
    columns: {
      'report-book': '全部（手工纸、加工纸制造除外）',
      'report-form': '手工纸制造；有涂布、浸渍、印刷、粘胶工艺的加工纸制造',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 86,
    title:
      '金属制品修理431；通用设备修理432；专用设备修理433；铁路、船舶、航空航天等运输设备修理434；电气设备修理435；仪器仪表修理436；其他机械和设备修理业439',
    codes: ['431', '432', '433', '434', '435', '436', '439'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '有电镀工艺的；年用溶剂型涂料（含稀释剂）10吨及以上的',
      'report-form': '年用溶剂型涂料（含稀释剂）10吨以下的，或年用非溶剂型低VOCs含量涂料10吨及以上的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 89,
    title: '生物质能发电4417',
    codes: ['4417'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '生活垃圾发电（掺烧生活垃圾发电的除外）；污泥发电（掺烧污泥发电的除外）',
      'report-form': '利用农林生物质、沼气、垃圾填埋气发电的',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 95,
    title: '污水处理及其再生利用',
    codes: ['462'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '新建、扩建日处理10万吨及以上城乡污水处理的；新建、扩建工业废水集中处理的',
      'report-form':
        '新建、扩建日处理10万吨以下500吨及以上城乡污水处理的；新建、扩建其他工业废水处理的（不含建设单位自建自用仅处理生活污水的；不含出水间接排入地表水体且不排放重金属的）',
      'registration-form': '其他（不含提标改造项目；不含化粪池及化粪池处理后中水处理回用；不含仅建设沉淀池处理的）',
    },
    sensitiveAreas: '—',
  },
  {
    row: 98,
    title: '专业实验室、研发（试验）基地',
    codes: ['731', '732', '733', '734'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': 'P3、P4生物安全实验室；转基因实验室',
      'report-form': '其他（不产生实验废气、废水、危险废物的除外）',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 101,
    title: '危险废物（不含医疗废物）利用及处置',
    codes: ['7724'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '危险废物利用及处置（产生单位内部回收再利用的除外；单纯收集、贮存的除外）',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 102,
    title: '医疗废物处置、病死及病害动物无害化处理',
    codes: ['7724'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '医疗废物集中处置（单纯收集、贮存的除外）',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 103,
    title: '一般工业固体废物（含污水处理污泥）、建筑施工废弃物处置及综合利用',
    codes: ['7723'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '一般工业固体废物（含污水处理污泥）采取填埋、焚烧（水泥窑协同处置的改造项目除外）方式的',
      'report-form': '其他',
      'registration-form': '/',
    },
    sensitiveAreas: '—',
  },
  {
    row: 105,
    title: '生活垃圾（含餐厨废弃物）转运站',
    codes: ['7820'],
    industrialBuildingOnly: false,
    columns: { 'report-book': '/', 'report-form': '日转运能力150吨及以上的', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 106,
    title: '生活垃圾（含餐厨废弃物）集中处置（生活垃圾发电除外）',
    codes: ['7820'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '采取填埋方式的；其他处置方式日处置能力50吨及以上的',
      'report-form': '其他处置方式日处置能力50吨以下10吨及以上的',
      'registration-form': '其他处置方式日处置能力10吨以下1吨及以上的',
    },
    sensitiveAreas: '—',
  },
  {
    row: 107,
    title: '粪便处置工程',
    codes: ['7820'],
    industrialBuildingOnly: false,
    columns: { 'report-book': '/', 'report-form': '日处理50吨及以上', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 111,
    title: '批发、零售市场（建筑面积5000平方米及以上的）',
    codes: ['7223'],
    industrialBuildingOnly: false,
    columns: { 'report-book': '/', 'report-form': '涉及环境敏感区的', 'registration-form': '/' },
    sensitiveAreas:
      '第三条（一）中的全部区域；第三条（二）中的除（一）外的生态保护红线管控范围，永久基本农田、基本草原、森林公园、地质公园、重要湿地、天然林，重点保护野生动物栖息地，重点保护野生植物生长繁殖地',
  },
  {
    row: 120,
    title: '洗车场',
    codes: ['8111'],
    industrialBuildingOnly: false,
    columns: { 'report-book': '/', 'report-form': '危险化学品运输车辆清洗场', 'registration-form': '/' },
    sensitiveAreas: '—',
  },
  {
    row: 130,
    title: '等级公路（不含维护；不含生命救援、应急保通工程以及国防交通保障项目；不含改扩建四级公路）',
    codes: ['4812'],
    industrialBuildingOnly: false,
    columns: {
      'report-book': '新建30公里（不含）以上的二级及以上等级公路；新建涉及环境敏感区的二级及以上等级公路',
      'report-form': '其他（配套设施除外；不涉及环境敏感区的三级、四级公路除外）',
      'registration-form': '配套设施；不涉及环境敏感区的三级、四级公路',
    },
    sensitiveAreas: '第三条（一）中的全部区域；第三条（二）中的全部区域；第三条（三）中的全部区域',
  },
  {
    row: 131,
    title: '城市道路（不含维护；不含支路、人行天桥、人行地道）',
    codes: ['4813'],
    industrialBuildingOnly: false,
    columns: { 'report-book': '/', 'report-form': '新建快速路、主干路；城市桥梁、隧道', 'registration-form': '其他' },
    sensitiveAreas: '—',
  },
];

export const ML2021_ROWS: readonly EiaCatalogueRow[] = [...ML2021_BASE_ROWS, ...ML2021_MORE_ROWS];

export const ML2021: EiaCatalogueEdition = {
  version: ML2021_VERSION,
  title: ML2021_TITLE,
  instrument: '生态环境部令第16号',
  effectiveFrom: '2021-01-01',
  articles: ML2021_ARTICLES,
  notes: ML2021_NOTES,
  rows: ML2021_ROWS,
};

/** The editions the platform ships, newest first; the first is the one in force. */
export const EIA_CATALOGUE_EDITIONS: readonly EiaCatalogueEdition[] = [ML2021];

export const PERMIT_CLASSES = ['key', 'simplified', 'registration'] as const;
export type PermitClass = (typeof PERMIT_CLASSES)[number];

/** PW2019's own words for its three classes. */
export const PERMIT_CLASS_LABELS: Record<PermitClass, string> = {
  key: '重点管理',
  simplified: '简化管理',
  registration: '登记管理',
};

export type PermitCatalogueItem = {
  item: number;
  title: string;
  codes: readonly string[];
  /** the three cells as printed; "/" where the class does not apply */
  columns: Record<PermitClass, string>;
};

export const PW2019_VERSION = 'PW2019';
export const PW2019_TITLE = '固定污染源排污许可分类管理名录（2019年版）';

export const PW2019_TITLE_EN =
  'Catalogue for the Classified Management of Pollutant Discharge Permits for Stationary Pollution Sources (2019 edition)';

export const PW2019_ITEMS: readonly PermitCatalogueItem[] = [
  {
    item: 51,
    title: '炸药、火工及焰火产品制造267',
    codes: ['267'],
    columns: { key: '涉及通用工序重点管理的', simplified: '涉及通用工序简化管理的', registration: '其他' },
  },
  {
    item: 102,
    title: '危险品仓储594',
    codes: ['594'],
    columns: {
      key: '总容量10万立方米及以上的油库（含油品码头后方配套油库，不含储备油库）',
      simplified: '总容量1万立方米及以上10万立方米以下的油库（含油品码头后方配套油库，不含储备油库）',
      registration: '其他危险品仓储（含油品码头后方配套油库，不含储备油库）',
    },
  },
  {
    item: 63,
    title: '水泥、石灰和石膏制造301，石膏、水泥制品及类似制品制造302',
    codes: ['301', '302'],
    columns: {
      key: '水泥（熟料）制造',
      simplified: '水泥粉磨站、石灰和石膏制造3012',
      registration:
        '水泥制品制造3021，砼结构构件制造3022，石棉水泥制品制造3023，轻质建筑材料制造3024，其他水泥类似制品制造3029',
    },
  },
  {
    item: 64,
    title: '砖瓦、石材等建筑材料制造303',
    codes: ['303'],
    columns: {
      key: '粘土砖瓦及建筑砌块制造3031（以煤或者煤矸石为燃料的烧结砖瓦）',
      simplified:
        '粘土砖瓦及建筑砌块制造3031（除以煤或者煤矸石为燃料的烧结砖瓦以外的），建筑用石加工3032，防水建筑材料制造3033，隔热和隔音材料制造3034，其他建筑材料制造3039，以上均不含仅切割加工的',
      registration: '仅切割加工的',
    },
  },
  {
    item: 68,
    title: '陶瓷制品制造307',
    codes: ['307'],
    columns: {
      key: '建筑陶瓷制品制造3071（以煤、石油焦、油和发生炉煤气为燃料的），卫生陶瓷制品制造3072（年产150万件及以上的），日用陶瓷制品制造3074（年产250万件及以上的）',
      simplified: '建筑陶瓷制品制造3071（以天然气为燃料的）',
      registration:
        '建筑陶瓷制品制造3071（除重点管理、简化管理以外的），卫生陶瓷制品制造3072（年产150万件以下的），日用陶瓷制品制造3074（年产250万件以下的），特种陶瓷制品制造3073，陈设艺术陶瓷制造3075，园艺陶瓷制造3076，其他陶瓷制品制造3079',
    },
  },
  {
    item: 69,
    title: '耐火材料制品制造308',
    codes: ['308'],
    columns: {
      key: '石棉制品制造3081',
      simplified: '以煤、石油焦、油和发生炉煤气为燃料的云母制品制造3082、耐火陶瓷制品及其他耐火材料制造3089',
      registration: '除简化管理以外的云母制品制造3082、耐火陶瓷制品及其他耐火材料制造3089',
    },
  },
  {
    item: 1,
    title: '牲畜饲养031，家禽饲养032',
    codes: ['031', '032'],
    columns: {
      key: '设有污水排放口的规模化畜禽养殖场、养殖小区（具体规模化标准按《畜禽规模养殖污染防治条例》执行）',
      simplified: '/',
      registration: '无污水排放口的规模化畜禽养殖场、养殖小区，设有污水排放口的规模以下畜禽养殖场、养殖小区',
    },
  },
  {
    item: 13,
    title: '屠宰及肉类加工135',
    codes: ['135'],
    columns: {
      key: '年屠宰生猪10万头及以上的，年屠宰肉牛1万头及以上的，年屠宰肉羊15万头及以上的，年屠宰禽类1000万只及以上的',
      simplified:
        '年屠宰生猪2万头及以上10万头以下的，年屠宰肉牛0.2万头及以上1万头以下的，年屠宰肉羊2.5万头及以上15万头以下的，年屠宰禽类100万只及以上1000万只以下的，年加工肉禽类2万吨及以上的',
      registration: '其他﹡',
    },
  },
  {
    item: 107,
    title: '医院841，专业公共卫生服务843',
    codes: ['841', '843'],
    columns: {
      key: '床位500张及以上的（不含专科医院8415中的精神病、康复和运动康复医院以及疗养院8416）',
      simplified:
        '床位100张及以上的专科医院8415（精神病、康复和运动康复医院）以及疗养院8416，床位100张及以上500张以下的综合医院8411、中医医院8412、中西医结合医院8413、民族医院8414、专科医院8415（不含精神病、康复和运动康复医院）',
      registration:
        '疾病预防控制中心8431，床位100张以下的综合医院8411、中医医院8412、中西医结合医院8413、民族医院8414、专科医院8415、疗养院8416',
    },
  },
  {
    item: 100,
    title: '汽车、摩托车、零配件和燃料及其他动力销售526',
    codes: ['5265'],
    columns: { key: '/', simplified: '位于城市建成区的加油站', registration: '其他加油站' },
  },
];
