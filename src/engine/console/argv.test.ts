import { describe, expect, it } from 'vitest';
import { getopt, suggestLong, tokenize, type OptionSpec } from './argv';

const SPECS: OptionSpec[] = [
  { id: 'param-rk', long: ['param-rk'], short: 'K', arg: true },
  { id: 'read-keys', long: ['read-keys'], short: 'k', arg: false },
  { id: 'read-reservation', long: ['read-reservation'], short: 'r', arg: false },
  { id: 'read-full-status', long: ['read-full-status', 'read-status'], short: 's', arg: false },
  { id: 'no-inquiry', long: ['no-inquiry'], short: 'n', arg: false },
  { id: 'register', long: ['register'], short: 'G', arg: false },
];

describe('tokenize, like a shell without expansion', () => {
  it('splits on blanks and keeps quoted text together', () => {
    expect(tokenize(`sg_persist  -K "0x12 3" 'a b'\tc\\ d`)).toEqual({ ok: true, words: ['sg_persist', '-K', '0x12 3', 'a b', 'c d'] });
  });

  it('says which quote is never closed', () => {
    expect(tokenize('sg_persist "abc')).toEqual({ ok: false, error: 'unexpected end of line: the double quote is never closed' });
  });

  it('refuses pipes and redirects with a reason', () => {
    const r = tokenize('sg_persist -k /dev/sdb | grep 0x');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain('one command per line');
  });
});

describe('getopt_long behaviour', () => {
  it('takes --opt=val, --opt val, -Kval and -K val', () => {
    for (const args of [['--param-rk=0x1'], ['--param-rk', '0x1'], ['-K0x1'], ['-K', '0x1']]) {
      const r = getopt('t', args, SPECS);
      expect(r.ok && r.options).toEqual([{ id: 'param-rk', value: '0x1', spelled: args[0]!.startsWith('--') ? '--param-rk' : '-K' }]);
    }
  });

  it('splits clustered short options and stops at one that takes an argument', () => {
    const r = getopt('t', ['-nkK', 'abc'], SPECS);
    expect(r.ok && r.options.map((o) => [o.id, o.value])).toEqual([['no-inquiry', undefined], ['read-keys', undefined], ['param-rk', 'abc']]);
  });

  it('accepts a unique prefix of a long option, and aliases of one option are not ambiguous', () => {
    expect(getopt('t', ['--reg'], SPECS).ok && getopt('t', ['--reg'], SPECS)).toMatchObject({ options: [{ id: 'register' }] });
    expect(getopt('t', ['--read-s'], SPECS)).toMatchObject({ ok: true, options: [{ id: 'read-full-status' }] });
  });

  it("reports an ambiguous prefix like glibc", () => {
    expect(getopt('sg_persist', ['--read'], SPECS)).toEqual({
      ok: false,
      error: "sg_persist: option '--read' is ambiguous; possibilities: '--read-keys' '--read-reservation' '--read-full-status' '--read-status'",
    });
  });

  it('permutes: operands may come before options; "--" ends the options', () => {
    expect(getopt('t', ['/dev/sdb', '-k', '--', '-n'], SPECS)).toEqual({ ok: true, options: [{ id: 'read-keys', spelled: '-k' }], operands: ['/dev/sdb', '-n'] });
  });

  it.each([
    [['--foo'], "t: unrecognized option '--foo'"],
    [['-x'], "t: invalid option -- 'x'"],
    [['--param-rk'], "t: option '--param-rk' requires an argument"],
    [['-K'], "t: option requires an argument -- 'K'"],
    [['--register=1'], "t: option '--register' doesn't allow an argument"],
  ])('%j fails with "%s"', (args, error) => {
    expect(getopt('t', args, SPECS)).toEqual({ ok: false, error });
  });

  it('suggests the nearest long option for a typo', () => {
    expect(suggestLong(SPECS, 'regster')).toBe('register');
    expect(suggestLong(SPECS, 'zzzzzzzz')).toBeNull();
  });
});
