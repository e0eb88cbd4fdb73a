/** Every TypeORM entity of the product, listed explicitly (see data-source.ts). */
export const ENTITIES: Array<new () => object> = [];
