// What the save dialog writes, checked and decoded with no `electron` import (so plain Node tests
// can run it): text as UTF-8, binary exports (PDF, PNG) sent from the page as base64.
import { MAX_SAVE_BYTES } from './ipc-protocol';
import type { SaveEncoding } from './ipc-protocol';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The bytes to write for `content` in `encoding` ('utf8' when omitted); throws on anything else. */
export function decodeSaveContent(
  content: unknown,
  encoding: unknown = 'utf8',
  maxBytes = MAX_SAVE_BYTES,
): Buffer {
  if (typeof content !== 'string')
    throw new Error('saveFile(name, content) takes the content as a string');
  if (encoding !== 'utf8' && encoding !== 'base64')
    throw new Error(`saveFile: unknown encoding "${String(encoding)}" (use utf8 or base64)`);
  const e: SaveEncoding = encoding;
  // Refuse before decoding: base64 holds 3 bytes in every 4 characters.
  const estimate =
    e === 'base64' ? Math.floor((content.length * 3) / 4) : Buffer.byteLength(content);
  if (estimate > maxBytes) throw new Error('the export is too large to save');
  if (e === 'utf8') return Buffer.from(content, 'utf8');
  if (content.length % 4 !== 0 || !BASE64.test(content))
    throw new Error('saveFile: the content is not valid base64');
  return Buffer.from(content, 'base64');
}
