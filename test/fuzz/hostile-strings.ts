/**
 * Strings a caller may send where a slug, a ref, a path or a text is expected, by what they try to break:
 * how values are put into upstream URLs (dot segments, encodings, separators), how they are encoded, logged
 * and answered (control characters, lone surrogates, which `encodeURIComponent` refuses, other Unicode),
 * and the limits and names the code relies on. The fuzzer picks a kind first (hostile-string.arbitrary.ts weighs them),
 * so that no long list drowns a short one.
 */
export const HOSTILE_STRINGS: Readonly<Record<string, readonly string[]>> = {
  dotSegments: ['.', '..', '../..', '../../..', './', '.../', 'a/../../b', 'a/./b', '../'.repeat(12)],
  encodings: ['%2e%2e', '%2E%2E/%2e%2e', '..%2f..', '..%252f..', '%2F', '%', '%zz', '%00', '%u002e'],
  separators: ['/', '//', '/a', 'a/', '\\', '..\\..', '?x', '?x=1&pagelen=100', '#x', ';x', '&', '+', '@', ':'],
  controlCharacters: ['\u0000', 'a\u0000b', '\n', '\r\nX-Injected: 1', '\t', '\u0007', '\u001b[31m', '\u007f'],
  loneSurrogates: ['\ud800', '\udfff', 'a\ud800b', '\udfff\ud800', '\ud83d', 'payments-api\udc00'],
  unicode: ['é', 'e\u0301', '🙂', '👩‍👩‍👧', 'Ω≈ç√∫', 'İı', 'ﬀ', '\u202eevil', '\ufeffmain'],
  blank: ['', ' ', '   ', '\u00a0', '\u200b', '\u2028', '\t \n'],
  lengths: ['x'.repeat(199), 'x'.repeat(201), 'x'.repeat(501), 'x'.repeat(5000)],
  names: ['__proto__', 'constructor', 'prototype', 'toString', 'null', 'undefined', 'NaN', '-1', '0', '1e309', 'true'],
  injections: ['${x}', '{{x}}', '<script>', "'", '"', '`', '|', '*', '~', 'http://127.0.0.1:1/x', '//127.0.0.1:1/x'],
};
