/** class-transformer helpers shared by the DTOs: `@Transform(trimmed)`, `@Transform(toBoolean)`. */
export const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Query strings carry booleans as text. */
export const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** A list in a query string, given as repeated parameters (`?s=A&s=B`) or comma-separated (`?s=A,B`). */
export const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : [value]).flatMap((v) =>
    typeof v === 'string'
      ? v
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [v],
  );
