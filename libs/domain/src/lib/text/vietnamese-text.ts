/**
 * Folds Vietnamese text for search: lower case, no diacritics, đ → d, single spaces.
 * "Đăng ký khai sinh" and "dang  ky KHAI SINH" fold to the same "dang ky khai sinh".
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
