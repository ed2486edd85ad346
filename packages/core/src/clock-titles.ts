// A clock's title in English. The modules compose it in Chinese when the clock starts and it is
// stored so (clocks.title); the web shows it in English through this, and the demo seed's test
// (server seed/demo.test.ts) fails when a module words a title no rule knows, so a reworded title
// cannot silently stay Chinese in English.
import { englishOfChineseLabel as enOf } from './labels.ts';
import { matterNameOfZh } from './matters.ts';
import { CHANGE_SUBJECT_LABELS, OBLIGATION_LABELS } from './permits.ts';
import { CONCERN_CATEGORY_LABELS } from './reception.ts';

type Rule = [RegExp, (...m: string[]) => string];

const cat = (zh: string) => enOf(CONCERN_CATEGORY_LABELS, zh);

/** A permit duty as the permits module words it (`延续申请（有效期至 2027-05-31）`, `2025年度年度执行报告` …). */
function duty(what: string): string {
  let m = /^延续申请（有效期至 (.+)）$/.exec(what);
  if (m) return `${OBLIGATION_LABELS.renewal.en} (valid until ${m[1]})`;
  m = /^变更申请（(.*)变更）$/.exec(what);
  if (m) return `${OBLIGATION_LABELS.change.en} (${enOf(CHANGE_SUBJECT_LABELS, m[1]!)} changed)`;
  m = /^(\d{4})年度年度执行报告$/.exec(what);
  if (m) return `${OBLIGATION_LABELS['report-annual'].en} ${m[1]}`;
  m = /^(\d{4})年第(\d)季度季度执行报告$/.exec(what);
  if (m) return `${OBLIGATION_LABELS['report-quarterly'].en} ${m[1]} Q${m[2]}`;
  return what;
}

/**
 * A rated service's label as the modules word it (their ratable events: `预约 YY… 环评咨询窗口 2026-06-16`,
 * `信访 XF… 标题`, `接待日诉求 2026-06-18 环评审批`, `上门服务 2026-06-20`), in their English words.
 */
function ratedService(label: string): string {
  let m = /^预约 (\S+) (.+) (\d{4}-\d{2}-\d{2})$/s.exec(label);
  if (m) return `Booking ${m[1]} ${m[2]} ${m[3]}`;
  m = /^信访 (\S+) (.*)$/s.exec(label);
  if (m) return `Petition ${m[1]} ${m[2]}`;
  m = /^接待日诉求 (\d{4}-\d{2}-\d{2}) (.+)$/s.exec(label);
  if (m) return `Reception-day concern ${m[1]} ${cat(m[2]!)}`;
  m = /^上门服务 (\d{4}-\d{2}-\d{2})$/.exec(label);
  if (m) return `Door-to-door visit ${m[1]}`;
  return label;
}

const PETITION_STEPS: Record<string, string> = {
  信访办理: 'Petition handling',
  信访人请求复查期限: 'Petitioner’s time to request a review',
  移送上一级机关复查: 'Transmit for review to the next level up',
  信访人请求复核期限: 'Petitioner’s time to request a re-review',
  移送复核机关: 'Transmit to the re-reviewing body',
};

/**
 * The titles the server composes for its clocks, stored in Chinese when the clock starts
 * (`申请 SQ20260301-001 材料预审（不齐全须一次性告知）`). In English the platform's own words are
 * translated, a shipped matter's name too (matters.ts); codes, other names and what people typed
 * (a clue's description, a report's title) stay as they are. First match wins.
 */
const RULES: Rule[] = [
  [
    /^申请 (\S+) 材料预审（不齐全须一次性告知）$/,
    (c) => `Application ${c}: completeness check (one-time notice if incomplete)`,
  ],
  [/^申请 (\S+) 容缺材料限期补交：(.+)$/, (c, x) => `Application ${c}: deferred material due: ${x}`],
  [/^申请 (\S+) (.+) 办理期限$/, (c, x) => `Application ${c} ${matterNameOfZh(x) ?? x}: time limit for handling`],
  [
    /^环评 (\S+) 拟批准公示（期满后作出决定）$/,
    (c) => `EIA ${c}: publicity of the intended approval (decision when it ends)`,
  ],
  [/^环评 (\S+) 报告表审批期限$/, (c) => `EIA ${c}: time limit for the report form decision`],
  [/^环评 (\S+) 公示期满后作出审批决定$/, (c) => `EIA ${c}: decision after the publicity period`],
  [/^环评 (\S+) 告知承诺事后核查$/, (c) => `EIA ${c}: commitment verification after approval`],
  [/^环评 (\S+) 整改后复核$/, (c) => `EIA ${c}: re-check after rectification`],
  [/^排污许可：(.+?) (延续申请（.+|变更申请（.+|\d{4}年.+)$/, (n, w) => `Discharge permit: ${n} ${duty(w)}`],
  [/^线索核查：(.*)$/s, (x) => `Clue verification: ${x}`],
  [/^举报受理告知：(.*)$/s, (x) => `12369 report: tell whether accepted: ${x}`],
  [/^举报调查处理：(.*)$/s, (x) => `12369 report: investigate and answer: ${x}`],
  [/^政府信息公开申请答复：(.*)$/s, (x) => `Disclosure request: answer: ${x}`],
  [/^信访受理告知：(.*)$/s, (x) => `Petition: written notice of acceptance: ${x}`],
  [/^转送信访异议期：(.*)$/s, (x) => `Petition: time to object to the referral: ${x}`],
  [
    /^(信访办理|信访人请求复查期限|移送上一级机关复查|信访人请求复核期限|移送复核机关)：(.*)$/s,
    (s, x) => `${PETITION_STEPS[s]}: ${x}`,
  ],
  [/^差评回访：(.*)$/s, (x) => `Bad rating: contact the rater: ${ratedService(x)}`],
  [/^差评整改：(.*)$/s, (x) => `Bad rating: rectification: ${ratedService(x)}`],
  [/^接待日诉求：(.+)（(.+)）$/s, (c, who) => `Reception-day concern: ${cat(c)} (${who})`],
  [/^接待日诉求：(.*)$/s, (x) => `Reception-day concern: ${x}`],
  [/^重大项目下一步：(.*)$/s, (x) => `Tracked project, next action: ${x}`],
  [/^双随机抽查结果公开：(.*)$/s, (x) => `Publish the random inspection results: ${x}`],
  [/^(.+?) 责令整改：(.*)$/s, (n, x) => `${n} rectification order: ${x}`],
];

/**
 * A clock title in English: the platform's own words translated, codes, names and typed text kept;
 * null when no rule knows the title.
 */
export function clockTitleInEnglish(title: string): string | null {
  for (const [re, en] of RULES) {
    const m = re.exec(title);
    if (m) return en(...m.slice(1).map((x) => x ?? ''));
  }
  return null;
}
