import { foldVietnamese } from './vietnamese-text';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['  Cấp phiếu   LÝ LỊCH tư pháp ', 'cap phieu ly lich tu phap'],
    ['Nguyễn Văn An', 'nguyen van an'],
    ['Ủy ban nhân dân xã Vĩnh Tế', 'uy ban nhan dan xa vinh te'],
    ['Sở Lao động – Thương binh và Xã hội', 'so lao dong – thuong binh va xa hoi'],
  ])('folds %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('folds precomposed and decomposed forms alike', () => {
    expect(foldVietnamese('Hu\u1ef3nh')).toBe(foldVietnamese('Huy\u0300nh'));
  });
});
