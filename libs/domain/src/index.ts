export * from './lib/access/permissions';
