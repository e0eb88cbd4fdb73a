export * from './dossier-code';
export * from './dossier-states';
export * from './replay';
export * from './timeliness';
