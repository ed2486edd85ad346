import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // every module's tables.ts: a module's tables live in its own folder (ModuleDefinition.tables)
  schema: './packages/server/src/modules/*/tables.ts',
  out: './packages/server/drizzle',
});
