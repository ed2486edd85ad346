import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Database } from '../../db/client.ts';
import { actorOf } from '../../plugins/auth.ts';
import { problemResponses } from '../../plugins/openapi.ts';
import { backupSchema, toBackupView } from './schema.ts';
import { createBackup } from './service.ts';

export const backupRoutes: FastifyPluginAsyncZod<{ database: Database; backupDir: string }> = async (
  app,
  { database, backupDir },
) => {
  app.post(
    '/api/admin/backups',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['admin'],
        summary: '立即备份（服务不停机） Back up now, while the server runs',
        description:
          '在服务器的备份目录（QINGSHAN_BACKUP_DIR，默认 ~/qingshan-backups）写入一份一致的逻辑备份，文件权限 0600；可用 npm run db:restore 恢复。',
        response: { 201: backupSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const r = await createBackup(database, actorOf(request), { dir: backupDir });
      return reply.status(201).send(toBackupView(r));
    },
  );
};
