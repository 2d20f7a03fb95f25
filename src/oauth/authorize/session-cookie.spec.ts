import { readCookie, sessionCookie } from './session-cookie.js';

describe('readCookie', () => {
  it('finds one cookie among several', () => {
    expect(readCookie('a=1; hovedbok_session=abc_-; b=2', 'hovedbok_session')).toBe('abc_-');
  });

  it('does not take a cookie whose name only ends the same', () => {
    expect(readCookie('xhovedbok_session=abc', 'hovedbok_session')).toBeUndefined();
  });

  it('answers undefined without a header or with an empty value', () => {
    expect(readCookie(undefined, 'a')).toBeUndefined();
    expect(readCookie('a=', 'a')).toBeUndefined();
  });
});

describe('sessionCookie', () => {
  it('is Secure only when the server is reached over HTTPS', () => {
    expect(sessionCookie('v', 'https://api.example').options.secure).toBe(true);
    expect(sessionCookie('v', 'http://127.0.0.1:3000').options.secure).toBe(false);
  });
});
