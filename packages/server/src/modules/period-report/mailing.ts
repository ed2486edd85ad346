import { shanghaiDateOf, todayInShanghai } from '@qingshan/core';
import { chineseDate, draftText, monthlyReportDue, previousMonth } from '@qingshan/core/period-report';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { GENESIS_HASH } from '../audit/chain.ts';
import { recordAudit, SYSTEM_ACTOR } from '../audit/service.ts';
import { auditEntries } from '../audit/tables.ts';
import { notify, usersWithRole } from '../notifications/service.ts';
import { freshDraft } from './service.ts';
import { periodReportMailings } from './tables.ts';

export type MailingResult =
  | { status: 'sent'; month: string; recipients: number; auditHeadSeq: number; auditHeadHash: string }
  | { status: 'already-sent' | 'no-leaders' | 'before-install'; month: string };

/**
 * The leaders' monthly report: last month's period report, sent once per month to every leader
 * (in-app, and by e-mail to those who gave an address). It prints the audit log's head — the last
 * entry's sequence number and hash — so a copy of the chain's state lives outside the database: a
 * later rewrite of the log cannot also rewrite the leaders' mailboxes.
 *
 * `installedAt` is when the monthly job first ran on this database (its scheduled job row's
 * creation): a month that had ended before then is never sent (`monthlyReportDue`).
 */
export async function sendMonthlyReport(
  db: Db,
  today: string = todayInShanghai(),
  installedAt?: Date,
): Promise<MailingResult> {
  const { month, from, to } = previousMonth(today);
  if (installedAt && !monthlyReportDue(to, shanghaiDateOf(installedAt))) return { status: 'before-install', month };
  const leaders = await usersWithRole(db, 'leader');
  if (!leaders.length) return { status: 'no-leaders', month };
  const { draft } = await freshDraft(db, { from, to });
  return db.transaction(async (tx) => {
    const [head] = await tx
      .select({ seq: auditEntries.seq, hash: auditEntries.hash })
      .from(auditEntries)
      .orderBy(desc(auditEntries.seq))
      .limit(1);
    const auditHeadSeq = head?.seq ?? 0;
    const auditHeadHash = head?.hash ?? GENESIS_HASH;
    const [row] = await tx
      .insert(periodReportMailings)
      .values({ month, periodFrom: from, periodTo: to, recipients: leaders.length, auditHeadSeq, auditHeadHash })
      .onConflictDoNothing()
      .returning();
    if (!row) return { status: 'already-sent', month } as const;
    const body = [
      draftText(draft),
      '',
      `审计日志锚点：截至发送时共 ${auditHeadSeq} 条，末条哈希 ${auditHeadHash}`,
      '（请保存本邮件：日后可用“npm run audit:verify”核对审计日志，末条序号与哈希应与此一致。）',
    ].join('\n');
    // the report is a Chinese document (its page shows it so in English too): the English face keeps
    // it as drafted and puts the platform's own lines around it in English
    const bodyEn = [
      draftText(draft),
      '',
      `Audit log anchor: ${auditHeadSeq} entries when this was sent; hash of the last entry ${auditHeadHash}`,
      '(Keep this message: “npm run audit:verify” checks the audit log later, and its last sequence number and hash should match these.)',
    ].join('\n');
    for (const userId of leaders) {
      await notify(tx, {
        userId,
        kind: 'period-report.monthly',
        title: `【青山】${chineseDate(from).slice(0, -2)}“放管服”工作月报`,
        body,
        en: { title: `[Qingshan] Monthly report (streamline, regulate, serve), ${month}`, body: bodyEn },
        link: `/staff/period-report?from=${from}&to=${to}`,
      });
    }
    await recordAudit(tx, SYSTEM_ACTOR, {
      action: 'period-report.mailing.send',
      entityType: 'period-report-mailing',
      entityId: row.id,
      after: row,
    });
    return { status: 'sent', month, recipients: leaders.length, auditHeadSeq, auditHeadHash } as const;
  });
}
