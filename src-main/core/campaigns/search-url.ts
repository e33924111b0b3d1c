/** The search URL builder is pure and lives in src-shared, so the panel shows the exact URL the core opens. */
export * from '../../../src-shared/search-url.js';
