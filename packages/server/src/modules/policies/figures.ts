// Policy reach as dashboard figures (issue 13): of the firms the policies published in the period
// concern, how many received the push and how many read it. Counted per policy and firm (户次): a
// firm concerned by three policies counts three, as the per-policy reach counts it once each.
import type { FigureDefinition } from '@qingshan/core';
import { type SQL, sql } from 'drizzle-orm';
import { type FigureSource, type Period, recordsOf, sqlFigure, word } from '../figures/registry.ts';
import { concernsSql } from './service.ts';

const SOURCE = '本局政策宣传推送记录（推送、送达、阅读），口径与每份政策的“触达情况”一致';
const SOURCE_EN =
  'this bureau’s records of policy pushes (pushed, delivered, read), counted as each policy’s reach is counted';

const DEFINITIONS = {
  policyFirmsConcerned: {
    key: 'policyFirmsConcerned',
    label: { zh: '政策推送应触达企业', en: 'firms policies should reach' },
    unit: { zh: '户次', en: 'firm-policies' },
    definition: {
      zh: '期间内发布的政策文件所涉及的企业户次（按政策的行业、乡镇；已注销企业不计）：一份政策涉及 3 家企业计 3 户次；政策触达率 = 政策推送触达企业 ÷ 本数',
      en: 'firms concerned by the policies published in the period, once per policy (closed firms excluded); reach rate = firms reached ÷ this',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
  },
  policyFirmsDelivered: {
    key: 'policyFirmsDelivered',
    label: { zh: '政策推送送达企业', en: 'firms policies were delivered to' },
    unit: { zh: '户次', en: 'firm-policies' },
    definition: {
      zh: '期间内发布的政策文件所涉及的企业中，至少一个企业账号收到推送的户次',
      en: 'of the firms concerned, those at least one of whose accounts the policy was pushed to',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
  },
  policyFirmsReached: {
    key: 'policyFirmsReached',
    label: { zh: '政策推送触达企业', en: 'firms policies reached' },
    unit: { zh: '户次', en: 'firm-policies' },
    definition: {
      zh: '期间内发布的政策文件所涉及的企业中，企业账号已打开政策或已读推送消息的户次；政策触达率 = 本数 ÷ 政策推送应触达企业',
      en: 'of the firms concerned, those whose account opened the policy or read its message; reach rate = this ÷ firms policies should reach',
    },
    source: SOURCE,
    sourceEn: SOURCE_EN,
  },
} satisfies Record<string, FigureDefinition>;

const published = sql.raw(`(p.published_at at time zone 'Asia/Shanghai')::date`);

/** Every (policy published in the period, firm it concerns) pair, with whether it was delivered and read. */
function pairs(p: Period): SQL {
  const concerned = concernsSql(
    { industries: sql`p.industries`, towns: sql`p.towns` },
    { status: sql`e.status`, industryCode: sql`e.industry_code`, townCode: sql`e.town_code` },
  );
  return sql`select p.id as policy_id, p.title, ${published} as day, e.id as enterprise_id, e.name as enterprise_name,
      exists (select 1 from policy_pushes pp where pp.policy_id = p.id and pp.enterprise_id = e.id) as delivered,
      exists (select 1 from policy_pushes pp left join notifications n on n.id = pp.notification_id
        where pp.policy_id = p.id and pp.enterprise_id = e.id and (pp.read_at is not null or n.read_at is not null)) as reached
    from policies p join enterprises e on ${concerned}
    where p.status <> 'draft' and p.published_at is not null and ${published} between ${p.from}::date and ${p.to}::date`;
}

function reachFigure(def: FigureDefinition, only: SQL): FigureSource {
  return sqlFigure({
    ...def,
    group: 'policies',
    trend: true,
    tally: (p) => sql`select to_char(x.day, 'YYYY-MM') as month, count(*)::int as n
      from (${pairs(p)}) x where ${only} group by 1`,
    records: (db, p, page, lang = 'zh') =>
      recordsOf(
        db,
        sql`select x.policy_id::text || ':' || x.enterprise_id::text as id, x.day::text as date, x.title as title,
            x.enterprise_id::text as "enterpriseId", x.enterprise_name as "enterpriseName",
            case when x.reached then ${word(lang, '已送达，已阅读', 'delivered, read')}
              when x.delivered then ${word(lang, '已送达，未阅读', 'delivered, not read')}
              else ${word(lang, '未送达（发布时该企业没有可用账号）', 'not delivered (the firm had no account to receive it when published)')} end as detail,
            '/staff/policies/' || x.policy_id::text as link
          from (${pairs(p)}) x where ${only} order by x.day, x.title, x.policy_id, x.enterprise_name, x.enterprise_id`,
        page,
      ),
  });
}

export const POLICY_FIGURES: readonly FigureSource[] = [
  reachFigure(DEFINITIONS.policyFirmsConcerned, sql`true`),
  reachFigure(DEFINITIONS.policyFirmsDelivered, sql`x.delivered`),
  reachFigure(DEFINITIONS.policyFirmsReached, sql`x.reached`),
];
