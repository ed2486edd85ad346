import { z } from 'zod';
import { AppError } from '../errors.ts';

/**
 * A handler's request to extend a handling period, waiting for the head of the bureau
 * (信访工作条例 第三十四条 for petitions, 环境保护部令第15号 for reports: 经本机关负责人批准).
 */
export type ExtensionRequest = {
  days: number;
  reason: string;
  requestedBy: string;
  requestedById: string | null;
  at: string;
};

export const extensionRequestViewSchema = z.object({
  days: z.number(),
  reason: z.string(),
  requestedBy: z.string(),
  at: z.string(),
});
export type ExtensionRequestView = z.infer<typeof extensionRequestViewSchema>;

/** The requester's user id stays inside: the wire names them only. */
export function toExtensionRequestView(r: ExtensionRequest | null): ExtensionRequestView | null {
  return r ? { days: r.days, reason: r.reason, requestedBy: r.requestedBy, at: r.at } : null;
}

/** A handler may ask for an extension; only a leader approves or refuses one. */
export function assertLeaderDecides(
  actor: { roles: readonly string[] },
  action: string,
  leaderActions: readonly string[],
): void {
  if (leaderActions.includes(action) && !actor.roles.includes('leader')) {
    throw new AppError('FORBIDDEN_ROLE', {
      detail: {
        zh: '延期办理须经本机关负责人批准，承办人只能提出申请',
        en: 'Only the head (leader) approves an extension; a handler can only request it',
      },
    });
  }
}
