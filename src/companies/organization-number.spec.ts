import { isValidOrganizationNumber } from './organization-number.js';

describe('isValidOrganizationNumber', () => {
  // Real, published organisation numbers (Brønnøysundregistrene, Skatteetaten, DNB, Equinor).
  it.each(['974760673', '974761076', '984851006', '923609016'])('accepts %s', (number) => {
    expect(isValidOrganizationNumber(number)).toBe(true);
  });

  it.each([
    ['974760674', 'wrong check digit'],
    ['97476067', 'eight digits'],
    ['9747606731', 'ten digits'],
    ['97476067a', 'a letter'],
    ['974 760 673', 'spaces'],
  ])('refuses %s (%s)', (number) => {
    expect(isValidOrganizationNumber(number)).toBe(false);
  });

  it('refuses numbers whose check digit would be 10', () => {
    // 3*1+2*0+7*0+6*0+5*0+4*0+3*0+2*0 = 3 -> 11 - 3 = 8; search a base giving remainder 1 instead.
    const base = [...Array(10_000).keys()]
      .map((n) => String(10_000_000 + n))
      .find(
        (digits) =>
          [...digits].reduce((t, d, i) => t + [3, 2, 7, 6, 5, 4, 3, 2][i] * Number(d), 0) % 11 === 1,
      )!;
    for (let check = 0; check <= 9; check++) expect(isValidOrganizationNumber(`${base}${check}`)).toBe(false);
  });
});
