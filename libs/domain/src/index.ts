export * from './lib/access/permissions';
export * from './lib/text/vietnamese-text';
export * from './lib/catalog/process-template';
export * from './lib/calendar';
export * from './lib/dossier';
export * from './lib/identifiers';
