import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

// The workspace's path aliases (tsconfig.base.json has no baseUrl, which tsconfig-paths needs), so
// that the app's own modules — which import `@motcua/domain` — load under ts-node from bench/.
register({ baseUrl: resolve(__dirname, '..', '..'), paths: { '@motcua/domain': ['libs/domain/src/index.ts'] } });
