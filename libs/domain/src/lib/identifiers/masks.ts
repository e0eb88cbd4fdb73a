import { asText, dropWhitespace } from './identifier-types';

const MASK = '*';

/**
 * Characters kept visible on each side: 3 for values of 10 or more characters; shorter values keep
 * ⌊length / 4⌋ on each side, so at least half of them stays hidden (and values under 4 characters are fully masked).
 */
function visibleEachSide(length: number): number {
  return length >= 10 ? 3 : Math.floor(length / 4);
}

function maskMiddle(value: string): string {
  const chars = Array.from(value);
  const keep = visibleEachSide(chars.length);
  return chars.map((c, i) => (i < keep || i >= chars.length - keep ? c : MASK)).join('');
}

/** Masks an identifier for lists: '089203001234' → '089******234'; short values mostly masked. */
export function maskIdentifier(value: string): string {
  return maskMiddle(dropWhitespace(asText(value).trim()));
}

/** Masks a phone number: '0912345678' → '091****678'. Spaces, dots, dashes and parentheses are dropped first. */
export function maskPhone(value: string): string {
  return maskMiddle(
    asText(value)
      .trim()
      .replace(/[\s.()-]+/g, ''),
  );
}

/** First letter of a word, upper-cased, with any combining marks that follow it. */
function initialOf(word: string): string {
  const match = /^.[\u0300-\u036f]*/u.exec(word);
  return (match ? match[0] : word).toUpperCase();
}

/**
 * Family name plus initials, for the public lookup: 'Nguyễn Văn An' → 'Nguyễn V. A.'.
 * A single-word name is returned as is.
 */
export function maskName(fullName: string): string {
  const words = asText(fullName)
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return '';
  const [family, ...others] = words;
  return [family, ...others.map((w) => `${initialOf(w)}.`)].join(' ');
}
