/** class-transformer helpers shared by the DTOs: `@Transform(trimmed)`, `@Transform(toBoolean)`. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Query strings carry booleans as text. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
