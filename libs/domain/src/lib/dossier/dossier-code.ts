/**
 * Dossier code (DOMAIN §6): `<agency code>-<YYMMDD>-<NNNN>`, the receiving agency's electronic
 * identifier, the local date of receipt and a per-agency, per-day sequence. Past 9 999 in one day
 * the sequence simply grows a digit rather than wrapping.
 */
export function formatDossierCode(agencyCode: string, localDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`sequence must be a positive integer, got ${sequence}`);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!match) throw new RangeError(`localDate must be YYYY-MM-DD, got ${localDate}`);
  return `${agencyCode}-${match[1].slice(2)}${match[2]}${match[3]}-${String(sequence).padStart(4, '0')}`;
}

export const DOSSIER_CODE_PATTERN = /^([0-9A-Z]{2,3}(?:\.[0-9A-Z]{2,3}){3})-(\d{6})-(\d{4,})$/;

export function parseDossierCode(code: string): { agencyCode: string; yymmdd: string; sequence: number } | undefined {
  const match = DOSSIER_CODE_PATTERN.exec(code);
  return match ? { agencyCode: match[1], yymmdd: match[2], sequence: Number(match[3]) } : undefined;
}

/** Public lookup secrets avoid look-alike characters (0/O, 1/I/L) since citizens type them from paper. */
export const LOOKUP_SECRET_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const LOOKUP_SECRET_LENGTH = 8;

export function lookupSecretFromBytes(bytes: Uint8Array): string {
  if (bytes.length < LOOKUP_SECRET_LENGTH) throw new RangeError('need at least 8 random bytes');
  let secret = '';
  for (let i = 0; i < LOOKUP_SECRET_LENGTH; i++) secret += LOOKUP_SECRET_ALPHABET[bytes[i] % LOOKUP_SECRET_ALPHABET.length];
  return secret;
}
