const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/**
 * A Norwegian organisation number: 9 digits whose last is a MOD11 check digit with weights
 * 3 2 7 6 5 4 3 2 (Brønnøysundregistrene). A remainder giving check digit 10 is never issued.
 */
export function isValidOrganizationNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * digits[index], 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8];
}
