/**
 * Text from the store made safe for WinThor's columns: WinThor databases are often single-byte
 * (WE8MSWIN1252 / WE8ISO8859P1), where an emoji or a Cyrillic letter becomes "?" or "¿" — so only Latin-1
 * letters are kept (accents included), and values longer than a column are cut with a note, never a failed
 * insert. SQL meta-characters need nothing: every value travels as a bind.
 */

/** Emoji, pictographs, joiners, variation selectors and skin tones: dropped. */
const PICTOGRAPHS = /\p{Extended_Pictographic}|\u200d|\ufe0e|\ufe0f|\u20e3|[\u{1f3fb}-\u{1f3ff}]/gu;
/** Control characters (C0 and C1; tabs and line breaks included). */
const CONTROLS = /\p{Cc}/gu;

/**
 * The text with what a Latin-1 WinThor column cannot hold removed: emoji and pictographs dropped, letters of
 * other scripts (Cyrillic, CJK…) and other characters outside Latin-1 dropped, spaces collapsed.
 */
export const latinText = (value: string | null | undefined): string => {
  if (value === null || value === undefined) return '';
  return value
    .normalize('NFC')
    .replace(PICTOGRAPHS, '')
    .replace(CONTROLS, ' ')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
};

/** Whether the text has at least one letter (after latinText). */
export const hasLetters = (value: string): boolean => /\p{L}/u.test(value);

/** UTF-8 bytes of the text (WinThor's VARCHAR2 sizes are in bytes on an AL32UTF8 database). */
const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The text cut to `size` bytes, never inside a character. */
export const cutTo = (text: string, size: number): string => {
  if (bytes(text) <= size) return text;
  let out = '';
  let used = 0;
  for (const character of text) {
    used += bytes(character);
    if (used > size) break;
    out += character;
  }
  return out.trim();
};

/**
 * Fits a store value into a WinThor column: cleaned (latinText) and cut to the column's size; a value that
 * had to be cut or cleaned leaves a pt-BR note naming the field and the column.
 */
export const fitField = (
  value: string | null | undefined,
  size: number,
  label: string,
  column: string,
  notes: string[],
): string => {
  const raw = (value ?? '').trim();
  const clean = latinText(raw);
  if (clean !== raw.replace(/\s+/g, ' '))
    notes.push(`${label}: caracteres que o WinThor não grava (emoji, outros alfabetos) foram removidos.`);
  const cut = cutTo(clean, size);
  if (cut !== clean)
    notes.push(
      `${label} cortado para ${size} caracteres (${column}); o texto completo está no pedido da loja.`,
    );
  return cut;
};
