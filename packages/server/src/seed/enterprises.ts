import { makeValidUscc, USCC_ALPHABET } from '@qingshan/core';

// Believable enterprises of Shangli County: fireworks dominate (花炮), then building materials,
// ceramics, mining, livestock and food — the industries the county report names.
type Seed = {
  name: string;
  town: string;
  industry: string;
  address: string;
  legal: string;
  tags?: string[];
  credit?: 'green' | 'blue' | 'yellow' | 'red';
  status?: 'operating' | 'suspended' | 'closed';
};

export const DEMO_ENTERPRISES: Seed[] = [
  {
    name: '上栗县金花烟花制造有限公司',
    town: '360322101',
    industry: '2672',
    address: '上栗镇金花村',
    legal: '刘建国',
    tags: ['key-polluter'],
    credit: 'green',
  },
  {
    name: '萍乡市上栗县东源鞭炮厂',
    town: '360322202',
    industry: '2672',
    address: '东源乡东源村',
    legal: '彭志强',
    credit: 'blue',
  },
  {
    name: '上栗县福田花炮有限公司',
    town: '360322104',
    industry: '2672',
    address: '福田镇福田村',
    legal: '黄海波',
    tags: ['key-polluter'],
    credit: 'blue',
  },
  {
    name: '上栗县金山烟花厂',
    town: '360322103',
    industry: '2672',
    address: '金山镇金山村',
    legal: '李卫东',
    credit: 'yellow',
  },
  { name: '上栗县杨岐礼花有限公司', town: '360322203', industry: '2672', address: '杨岐乡杨岐村', legal: '钟明华' },
  {
    name: '上栗县桐木引线有限公司',
    town: '360322102',
    industry: '2672',
    address: '桐木镇桐木村',
    legal: '邓小平',
    credit: 'green',
  },
  { name: '上栗县长平烟花爆竹有限公司', town: '360322201', industry: '2672', address: '长平乡长平村', legal: '周国庆' },
  {
    name: '上栗县赤山组合烟花厂',
    town: '360322106',
    industry: '2672',
    address: '赤山镇赤山村',
    legal: '吴立新',
    status: 'suspended',
  },
  { name: '上栗县鸡冠山花炮纸筒厂', town: '360322200', industry: '2231', address: '鸡冠山乡鸡冠山村', legal: '陈志刚' },
  {
    name: '上栗县彭高水泥有限公司',
    town: '360322105',
    industry: '3011',
    address: '彭高镇工业园',
    legal: '胡建军',
    tags: ['key-polluter'],
    credit: 'blue',
  },
  {
    name: '上栗县桐木新型建材有限公司',
    town: '360322102',
    industry: '3031',
    address: '桐木镇工业小区',
    legal: '易春生',
  },
  {
    name: '上栗县福田页岩砖厂',
    town: '360322104',
    industry: '3031',
    address: '福田镇大塘村',
    legal: '文国平',
    credit: 'yellow',
  },
  {
    name: '上栗县金山特种陶瓷有限公司',
    town: '360322103',
    industry: '3073',
    address: '金山镇工业园',
    legal: '曾德明',
    tags: ['high-employment'],
  },
  { name: '上栗县赤山工业陶瓷厂', town: '360322106', industry: '3072', address: '赤山镇幸福村', legal: '谢永红' },
  {
    name: '上栗县长平石灰石矿',
    town: '360322201',
    industry: '1011',
    address: '长平乡观泉村',
    legal: '罗建华',
    credit: 'blue',
  },
  {
    name: '上栗县东源煤矸石综合利用有限公司',
    town: '360322202',
    industry: '3039',
    address: '东源乡浏市村',
    legal: '袁新华',
  },
  {
    name: '上栗县彭高生猪养殖专业合作社',
    town: '360322105',
    industry: '0313',
    address: '彭高镇新塘村',
    legal: '彭国强',
    tags: ['livelihood'],
  },
  {
    name: '上栗县杨岐山生态养殖场',
    town: '360322203',
    industry: '0313',
    address: '杨岐乡普通寺村',
    legal: '李春华',
    tags: ['livelihood'],
  },
  {
    name: '上栗县鸡冠山蛋鸡养殖有限公司',
    town: '360322200',
    industry: '0321',
    address: '鸡冠山乡秀水村',
    legal: '张秋生',
  },
  {
    name: '上栗县上栗镇米业有限公司',
    town: '360322101',
    industry: '1311',
    address: '上栗镇建设路',
    legal: '朱文华',
    tags: ['livelihood'],
  },
  { name: '上栗县金山酱菜食品厂', town: '360322103', industry: '1453', address: '金山镇人民路', legal: '欧阳娟' },
  {
    name: '上栗县医用口罩生产有限公司',
    town: '360322101',
    industry: '2770',
    address: '上栗镇工业园',
    legal: '何丽',
    tags: ['epidemic-supply', 'major-project'],
    credit: 'green',
  },
  {
    name: '上栗县污水处理有限公司',
    town: '360322101',
    industry: '4620',
    address: '上栗镇城南',
    legal: '唐志远',
    tags: ['key-polluter'],
    credit: 'green',
  },
  {
    name: '上栗县福田电子元件有限公司',
    town: '360322104',
    industry: '3982',
    address: '福田镇工业园',
    legal: '孙海燕',
    tags: ['high-employment', 'major-project'],
  },
];

/** Deterministic, valid codes (with the check character computed), so demo data is stable. */
export function demoUscc(index: number): string {
  let body = '';
  let n = index * 7919 + 104729;
  for (let i = 0; i < 7; i++) {
    body += USCC_ALPHABET[n % USCC_ALPHABET.length];
    n = Math.floor(n / USCC_ALPHABET.length) + 13 * (i + 1);
  }
  return makeValidUscc(`91360322MA${body}`);
}
