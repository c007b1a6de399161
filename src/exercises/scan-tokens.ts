// starter-match.ts's `tokens`, without TypeScript: the browser's Check must not download the
// TypeScript scanner (4 MB) to tell the starter from an edit. It splits code the way
// `ts.createScanner(Latest, skipTrivia = true).scan()` does, quirks included, since only the same
// split gives the grader's verdict: `>` is always one token (the parser rescans `>=`, `>>`), `/` is
// never a regular expression, a template's text after `${…}` is read as tokens, U+FFFD and all
// after it is one token. test/exercises/scan-tokens.test.ts holds it to TypeScript's output on every starter,
// solution and known-wrong submission and on edits of them. Not handled: git conflict markers
// (TypeScript skips `<<<<<<<` lines; here they are tokens, so such code counts as changed).

const SEPARATOR = "\u0000";

const isLineBreak = (c: number) => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
// TypeScript's isWhiteSpaceSingleLine.
const isSpace = (c: number) =>
  c === 32 ||
  c === 9 ||
  c === 11 ||
  c === 12 ||
  c === 160 ||
  c === 133 ||
  c === 5760 ||
  (c >= 8192 && c <= 8203) ||
  c === 8239 ||
  c === 8287 ||
  c === 12288 ||
  c === 65279;
const isDigit = (c: number) => c >= 48 && c <= 57;
const ID_START = /[\p{ID_Start}$_]/u;
const ID_PART = /[\p{ID_Continue}$\u200C\u200D]/u;
const isIdStart = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  c === 36 ||
  c === 95 ||
  (c > 127 && ID_START.test(String.fromCodePoint(c)));
const isIdPart = (c: number) =>
  (c >= 65 && c <= 90) ||
  (c >= 97 && c <= 122) ||
  isDigit(c) ||
  c === 36 ||
  c === 95 ||
  (c > 127 && ID_PART.test(String.fromCodePoint(c)));

// Punctuators, longest first within each first character (TypeScript's maximal munch; `>` alone).
const PUNCTUATORS =
  "!== != ! %= % &&= && &= & **= ** *= * ++ += + -- -= - ... /= <<= << <= < === == => = ??= ?? ? ^= ^ ||= || |= | ( ) , : ; [ ] { } ~ @ >".split(
    " ",
  );

/** The code's tokens joined by a separator no token holds; comments and whitespace left out. */
export function scanTokens(code: string): string {
  const out: string[] = [];
  const end = code.length;
  const at = (i: number) => (i < end ? code.charCodeAt(i) : -1);
  const cp = (i: number) => (i < end ? code.codePointAt(i)! : -1);
  const size = (c: number) => (c >= 0x10000 ? 2 : 1);
  let pos = 0;

  /** A `\uXXXX` or `\u{…}` escape of an identifier character at i: its length, else 0. */
  const escapeAt = (i: number, part: boolean): number => {
    if (at(i) !== 92 || at(i + 1) !== 117) return 0;
    let m = /^\\u([0-9a-fA-F]{4})/.exec(code.slice(i, i + 6));
    if (!m) m = /^\\u\{([0-9a-fA-F]+)\}/.exec(code.slice(i, i + 16));
    if (!m) return 0;
    const v = Number.parseInt(m[1]!, 16);
    if (v > 0x10ffff) return 0;
    return (part ? isIdPart(v) : isIdStart(v)) ? m[0].length : 0;
  };
  const identifierParts = () => {
    while (pos < end) {
      const c = cp(pos);
      if (isIdPart(c)) pos += size(c);
      else {
        const e = escapeAt(pos, true);
        if (!e) break;
        pos += e;
      }
    }
  };
  /** Digits and `_` (scanNumberFragment). */
  const digits = () => {
    while (isDigit(at(pos)) || at(pos) === 95) pos++;
  };
  const number = () => {
    if (at(pos) === 48 && pos + 2 < end && /[xXbBoO]/.test(code[pos + 1]!)) {
      const kind = code[pos + 1]!.toLowerCase();
      const ok = kind === "x" ? /[0-9a-fA-F_]/ : kind === "b" ? /[01_]/ : /[0-7_]/;
      pos += 2;
      while (pos < end && ok.test(code[pos]!)) pos++;
      if (at(pos) === 110) pos++;
      return;
    }
    if (at(pos) === 48 && isDigit(at(pos + 1))) {
      // A legacy octal literal (every digit 0-7) ends after its digits; 08, 09… go on as decimals.
      let i = pos + 1;
      while (isDigit(at(i))) i++;
      if (/^[0-7]+$/.test(code.slice(pos + 1, i))) {
        pos = i;
        return;
      }
      pos = i;
      if (at(pos) === 46) {
        pos++;
        digits();
      }
      exponent();
      return;
    }
    digits();
    let fraction = false;
    if (at(pos) === 46) {
      pos++;
      digits();
      fraction = true;
    }
    const scientific = exponent();
    if (fraction || scientific) {
      // A lone `n` after a decimal is an error TypeScript keeps in the token; another name is not.
      if (at(pos) === 110 && !isIdPart(cp(pos + 1)) && !escapeAt(pos + 1, true)) pos++;
    } else if (at(pos) === 110) pos++;
  };
  const exponent = (): boolean => {
    if (at(pos) !== 69 && at(pos) !== 101) return false;
    pos++;
    if (at(pos) === 43 || at(pos) === 45) pos++;
    digits();
    return true;
  };
  /** A string's body and closing quote; an unterminated string ends at the line break. */
  const string = (quote: number) => {
    pos++;
    while (pos < end) {
      const c = at(pos);
      if (c === quote) {
        pos++;
        return;
      }
      if (c === 92) {
        pos += 2;
        if (at(pos - 1) === 13 && at(pos) === 10) pos++;
        continue;
      }
      if (c === 10 || c === 13) return;
      pos++;
    }
    pos = end;
  };
  /** A template's text up to its closing backtick or its first `${` (TypeScript never rescans). */
  const template = () => {
    pos++;
    while (pos < end) {
      const c = at(pos);
      if (c === 96) {
        pos++;
        return;
      }
      if (c === 36 && at(pos + 1) === 123) {
        pos += 2;
        return;
      }
      if (c === 92) {
        pos += 2;
        if (at(pos - 1) === 13 && at(pos) === 10) pos++;
        continue;
      }
      pos++;
    }
    pos = end;
  };

  if (code.startsWith("#!")) {
    while (pos < end && !isLineBreak(at(pos))) pos++;
  }
  while (pos < end) {
    const start = pos;
    const c = cp(pos);
    if (isLineBreak(c) || isSpace(c)) {
      pos++;
      continue;
    }
    if (c === 47 && at(pos + 1) === 47) {
      while (pos < end && !isLineBreak(at(pos))) pos++;
      continue;
    }
    if (c === 47 && at(pos + 1) === 42) {
      const close = code.indexOf("*/", pos + 2);
      pos = close < 0 ? end : close + 2;
      continue;
    }
    // "File appears to be binary": TypeScript's last token is the rest of the file, whatever it holds.
    if (c === 0xfffd) pos = end;
    else if (c === 34 || c === 39) string(c);
    else if (c === 96) template();
    else if (isDigit(c) || (c === 46 && isDigit(at(pos + 1)))) number();
    else if (c === 46) pos += code.startsWith("...", pos) ? 3 : 1;
    else if (c === 63 && at(pos + 1) === 46 && !isDigit(at(pos + 2)))
      pos += 2; // ?.
    else if (c === 47) pos += at(pos + 1) === 61 ? 2 : 1;
    else if (isIdStart(c)) {
      pos += size(c);
      identifierParts();
    } else if (c === 92 && escapeAt(pos, false)) {
      pos += escapeAt(pos, false);
      identifierParts();
    } else if (c === 35) {
      // A private name, `#` alone (invalid), or `#!` after the start (invalid, one character).
      pos++;
      if (start !== 0 && at(pos) === 33) {
        /* "#!" can only be used at the start of a file: `#` alone */
      } else if (escapeAt(pos, false)) {
        pos += escapeAt(pos, false);
        identifierParts();
      } else if (isIdStart(cp(pos))) {
        pos += size(cp(pos));
        identifierParts();
      }
    } else {
      const p = PUNCTUATORS.find((s) => code.startsWith(s, pos));
      pos += p ? p.length : size(c);
    }
    out.push(code.slice(start, pos));
  }
  return out.join(SEPARATOR);
}

/** Whether `code` is one of the starters (their texts), spaces and comments aside: the grader's `unchanged`. */
export function isStarter(code: string, starters: readonly string[]): boolean {
  const mine = scanTokens(code);
  return starters.some((s) => scanTokens(s) === mine);
}
