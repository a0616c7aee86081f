// The save dialog's content check, under plain Node: text stays text, base64 becomes the exact
// bytes (a PDF's header survives), and bad or oversized content is refused before any dialog.
import { describe, expect, it } from 'vitest';
import { MAX_SAVE_BYTES } from './ipc-protocol';
import { decodeSaveContent } from './save-content';

describe('decodeSaveContent', () => {
  it('writes text as UTF-8 and base64 as the bytes it encodes', () => {
    expect(decodeSaveContent('a,b\n1,2\n').toString('utf8')).toBe('a,b\n1,2\n');
    expect(decodeSaveContent('Ünïcode ✓', 'utf8').toString('utf8')).toBe('Ünïcode ✓');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.3\n'), Buffer.from([0, 0xff, 0x80, 0x0a])]);
    expect(decodeSaveContent(pdf.toString('base64'), 'base64').equals(pdf)).toBe(true);
    expect(decodeSaveContent('', 'base64').length).toBe(0);
  });

  it('refuses content that is not a string, an unknown encoding and broken base64', () => {
    expect(() => decodeSaveContent(42)).toThrow('takes the content as a string');
    expect(() => decodeSaveContent('x', 'latin1')).toThrow('unknown encoding "latin1"');
    expect(() => decodeSaveContent('JVBERi0x!', 'base64')).toThrow('not valid base64');
    expect(() => decodeSaveContent('JVBERi0', 'base64')).toThrow('not valid base64');
  });

  it('keeps the size limit for text and for base64', () => {
    expect(MAX_SAVE_BYTES).toBe(256 * 1024 * 1024);
    expect(decodeSaveContent('x'.repeat(12), 'utf8', 12).length).toBe(12);
    expect(() => decodeSaveContent('x'.repeat(13), 'utf8', 12)).toThrow(
      'the export is too large to save',
    );
    expect(() => decodeSaveContent('é'.repeat(7), 'utf8', 12)).toThrow('too large');
    expect(decodeSaveContent(Buffer.alloc(12).toString('base64'), 'base64', 12).length).toBe(12);
    expect(() => decodeSaveContent(Buffer.alloc(15).toString('base64'), 'base64', 12)).toThrow(
      'too large',
    );
  });
});
