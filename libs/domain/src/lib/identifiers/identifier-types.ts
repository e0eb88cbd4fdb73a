/** Identifier kinds validated on input (DOMAIN.md §7). */
export const IDENTIFIER_TYPES = ['CCCD', 'CMND', 'PASSPORT', 'TAX_CODE', 'AGENCY_CODE'] as const;

export type IdentifierType = (typeof IDENTIFIER_TYPES)[number];

/**
 * Result of validating one identifier.
 * `normalized` is always filled (even when invalid) so forms can show what was checked;
 * `rule` (a stable key for i18n and tests) and `message` (Vietnamese, for users) are set only when invalid.
 */
export interface IdentifierCheck {
  valid: boolean;
  normalized: string;
  rule?: string;
  message?: string;
}

/** Builds a valid result. */
export function passed(normalized: string): IdentifierCheck {
  return { valid: true, normalized };
}

/** Builds an invalid result. */
export function failed(normalized: string, rule: string, message: string): IdentifierCheck {
  return { valid: false, normalized, rule, message };
}

/** Guards against non-string input from untyped callers (JSON bodies, form state). */
export function asText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Removes every whitespace character (spaces, tabs, non-breaking spaces). */
export function dropWhitespace(value: string): string {
  return value.replace(/\s+/g, '');
}
