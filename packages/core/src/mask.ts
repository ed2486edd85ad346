/**
 * Masking of personal information for lists, exports and logs (个人信息保护法 第五十一条: take
 * measures such as de-identification; GB/T 35273-2020 3.14 去标识化).
 * Every function is total: short, empty or odd input never throws and never reveals more than
 * the normal case would.
 */

function chars(s: string): string[] {
  return Array.from(s.trim());
}

/** '13812345678' → '138****5678'; landlines keep the area code and last 4 digits. */
export function maskPhone(phone: string): string {
  const c = chars(phone);
  const dash = c.indexOf('-');
  if (dash > 0) {
    const local = c.slice(dash + 1);
    const keep = Math.min(4, Math.floor(local.length / 2));
    return `${c.slice(0, dash + 1).join('')}${'*'.repeat(local.length - keep)}${local.slice(local.length - keep).join('')}`;
  }
  if (c.length >= 11) return `${c.slice(0, 3).join('')}${'*'.repeat(c.length - 7)}${c.slice(-4).join('')}`;
  // Short numbers: reveal at most a quarter at each end.
  const keep = Math.floor(c.length / 4);
  return `${c.slice(0, keep).join('')}${'*'.repeat(c.length - 2 * keep)}${keep ? c.slice(-keep).join('') : ''}`;
}

/** 18-digit resident ID → first 4 (province + city) and last 4 kept: '3603**********1234'. */
export function maskIdNumber(id: string): string {
  const c = chars(id);
  if (c.length >= 15) return `${c.slice(0, 4).join('')}${'*'.repeat(c.length - 8)}${c.slice(-4).join('')}`;
  const keep = Math.floor(c.length / 4);
  return `${c.slice(0, keep).join('')}${'*'.repeat(c.length - 2 * keep)}${keep ? c.slice(-keep).join('') : ''}`;
}

/** '张三丰' → '张**', '张三' → '张*'. One character stays: in practice that is a bare surname (张 for 张先生). */
export function maskName(name: string): string {
  const c = chars(name);
  if (c.length <= 1) return c.join('');
  return `${c[0]}${'*'.repeat(c.length - 1)}`;
}
