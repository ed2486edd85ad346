/** Today's date in Asia/Shanghai, 'YYYY-MM-DD'. */
export function todayShanghai(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

export function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

const WEEKDAYS = {
  zh: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A slot day's heading, read at a glance on a phone: '12月7日 周一', with 今天 / 明天 for the
 * first two days ('Mon 7 Dec', Today / Tomorrow in English). `date` and `today` are 'YYYY-MM-DD'.
 */
export function dayHeading(date: string, today: string, lang: 'zh' | 'en'): string {
  const d = new Date(`${date}T00:00:00Z`);
  const wd = WEEKDAYS[lang][d.getUTCDay()];
  const near = date === today ? 0 : date === plusDays(today, 1) ? 1 : -1;
  if (lang === 'en') {
    const base = `${wd} ${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]}`;
    return near === 0 ? `Today, ${base}` : near === 1 ? `Tomorrow, ${base}` : base;
  }
  const base = `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${wd}`;
  return near === 0 ? `今天 ${base}` : near === 1 ? `明天 ${base}` : base;
}

/** An opening plan's weekdays (ISO: 1 = Monday … 7 = Sunday) in words: '周一、周三' / 'Mon, Wed'. */
export function weekdaysText(weekdays: readonly number[], lang: 'zh' | 'en'): string {
  return weekdays.map((n) => WEEKDAYS[lang][n % 7]).join(lang === 'en' ? ', ' : '、');
}

/** Whether a slot ('YYYY-MM-DD', 'HH:mm', Beijing time) has begun: a no-show is recorded only then. */
export function slotHasStarted(date: string, startTime: string, now: number = Date.now()): boolean {
  return new Date(`${date}T${startTime}:00+08:00`).getTime() <= now;
}
