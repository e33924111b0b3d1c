import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/store/schema.ts',
  out: './src-main/core/store/migrations',
});
