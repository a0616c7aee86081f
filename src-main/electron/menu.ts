// The application menu: the platform's standard Edit/View/Window roles plus Parley's own few
// entries (reveal the database, the data folder). Developer tools only in unpackaged builds.
import { dirname } from 'node:path';
import { app, Menu, shell } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from './policy';

export function buildAppMenu(dbPath: string): Menu {
  const isMac = process.platform === 'darwin';
  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: PRODUCT_NAME,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  const template: MenuItemConstructorOptions[] = [
    ...appMenu,
    {
      label: 'File',
      submenu: [
        { label: 'Show Database in Folder', click: () => shell.showItemInFolder(dbPath) },
        { label: 'Open Data Folder', click: () => void shell.openPath(dirname(dbPath)) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        ...(app.isPackaged
          ? []
          : [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions]),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `${PRODUCT_NAME} ${app.getVersion()}`, enabled: false }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
