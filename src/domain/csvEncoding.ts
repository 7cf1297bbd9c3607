/**
 * Reading the bytes of a CSV file as text (issue 15 §6). Excel's "CSV UTF-8" writes UTF-8 with a
 * byte order mark; its plain "CSV (Comma delimited)" on UK Windows writes Windows-1252, where "é"
 * is one byte that is not valid UTF-8. A file that is not valid UTF-8 is read as Windows-1252,
 * and said so; replacement characters are never imported silently.
 */

/** How a file was read. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  /** Said to the person when the file was not UTF-8. */
  readonly note?: string;
  /** Set when the text still holds characters that could not be read: the file is not imported. */
  readonly problem?: string;
}

const REPLACEMENT = '\uFFFD';

function decode(bytes: Uint8Array, encoding: string, fatal: boolean): string {
  return new TextDecoder(encoding, { fatal }).decode(bytes);
}

/** Read a CSV file's bytes: UTF-8 (with or without a byte order mark), UTF-16 with a byte order mark, else Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  let result: DecodedText;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) result = { text: decode(bytes.subarray(2), 'utf-16le', false), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) result = { text: decode(bytes.subarray(2), 'utf-16be', false), encoding: 'utf-16be' };
  else {
    try {
      // TextDecoder drops a UTF-8 byte order mark itself.
      result = { text: decode(bytes, 'utf-8', true), encoding: 'utf-8' };
    } catch {
      result = {
        text: decode(bytes, 'windows-1252', false),
        encoding: 'windows-1252',
        note: 'This file is not UTF-8, so it was read as Windows-1252 (what Excel\'s "CSV (Comma delimited)" saves on UK Windows). Check that names with accents look right below; if they do not, save the file from Excel as "CSV UTF-8" and import it again.'
      };
    }
  }
  const at = result.text.indexOf(REPLACEMENT);
  if (at < 0) return result;
  const line = result.text.slice(0, at).split('\n').length;
  return {
    ...result,
    problem: `Line ${line} holds characters that could not be read, so nothing was imported. Save the file from Excel as "CSV UTF-8 (Comma delimited)" and import it again.`
  };
}
