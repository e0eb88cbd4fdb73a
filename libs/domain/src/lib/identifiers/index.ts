export { IDENTIFIER_TYPES } from './identifier-types';
export type { IdentifierCheck, IdentifierType } from './identifier-types';
export { checkIdentifier } from './check-identifier';
export { CCCD_PROVINCE_CODES, cccdWarnings, parseCccd } from './cccd';
export type { CccdInfo } from './cccd';
export { taxCodeCheckDigit } from './tax-code';
export { maskIdentifier, maskName, maskPhone } from './masks';
