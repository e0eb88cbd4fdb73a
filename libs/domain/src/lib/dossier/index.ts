export * from './dossier-code';
export * from './dossier-states';
export * from './timeliness';
