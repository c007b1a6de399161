/** CJK and full-width characters (two terminal columns; no space next to them in Chinese). */
export function isWide(ch: string): boolean {
  return /^[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
    ch,
  );
}
