// Exports leave the app only through the native save dialog: the page proposes a file name and
// the content (text, or base64 for PDF and PNG), the user picks the place; the page cannot write
// anywhere on its own.
import { writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow } from 'electron';
import type { SaveFileResult } from './ipc-protocol';
import { safeFileName } from './policy';
import { decodeSaveContent } from './save-content';

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.json': { name: 'JSON', extensions: ['json'] },
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.svg': { name: 'SVG image', extensions: ['svg'] },
  '.tex': { name: 'LaTeX', extensions: ['tex'] },
  '.pdf': { name: 'PDF document', extensions: ['pdf'] },
  '.png': { name: 'PNG image', extensions: ['png'] },
  '.txt': { name: 'Text', extensions: ['txt'] },
  '.md': { name: 'Markdown', extensions: ['md'] },
};

export async function saveWithDialog(
  win: BrowserWindow | null,
  suggestedName: unknown,
  content: unknown,
  encoding: unknown = 'utf8',
): Promise<SaveFileResult> {
  if (typeof suggestedName !== 'string')
    throw new Error('saveFile(name, content) takes the name as a string');
  // Checked (type, size, base64) before any dialog opens.
  const bytes = decodeSaveContent(content, encoding);
  const name = safeFileName(suggestedName);
  const filter = FILTERS[extname(name).toLowerCase()];
  const options = {
    title: 'Save export',
    defaultPath: join(app.getPath('documents'), name),
    filters: filter ? [filter, { name: 'All files', extensions: ['*'] }] : [],
  };
  const choice = win
    ? await dialog.showSaveDialog(win, options)
    : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false, path: null };
  await writeFile(choice.filePath, bytes);
  return { saved: true, path: choice.filePath };
}
