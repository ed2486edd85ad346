/**
 * A decoder written the way most published HJ 212 parsers do it (for the benchmark only): decode the bytes to a
 * string, match the frame with a regular expression, split the data segment on `;`, `,` and `=`, convert the
 * values with `Number`. No CRC, no validation, no issue reporting.
 */
const text = new TextDecoder();
const FRAME = /^##(\d{4})(.*)([0-9A-Fa-f]{4})\r\n$/s;

export interface NaiveFrame {
  header: Record<string, string>;
  cp: Record<string, string | Record<string, string>>;
  numbers: Record<string, number>;
}

export function naiveDecode(bytes: Uint8Array): NaiveFrame | null {
  const m = FRAME.exec(text.decode(bytes));
  if (m === null) return null;
  const data = m[2]!;
  const cpAt = data.indexOf('CP=&&');
  if (cpAt < 0) return null;
  const header: Record<string, string> = {};
  for (const pair of data.substring(0, cpAt).split(';')) {
    if (pair === '') continue;
    const [k, v] = pair.split('=');
    header[k!] = v ?? '';
  }
  const cp: Record<string, string | Record<string, string>> = {};
  const numbers: Record<string, number> = {};
  const body = data.substring(cpAt + 5, data.lastIndexOf('&&'));
  for (const item of body.split(';')) {
    for (const pair of item.split(',')) {
      if (pair === '') continue;
      const [k, v = ''] = pair.split('=') as [string, string?];
      const dash = k.indexOf('-');
      if (dash < 0) cp[k] = v;
      else {
        const code = k.substring(0, dash);
        let fields = cp[code];
        if (typeof fields !== 'object') {
          fields = {};
          cp[code] = fields;
        }
        fields[k.substring(dash + 1)] = v;
      }
      const n = Number(v);
      if (!Number.isNaN(n)) numbers[k] = n;
    }
  }
  return { header, cp, numbers };
}
