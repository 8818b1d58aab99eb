import { Menu, Notification, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import type { AppStatus, MonitorHealth } from '../contract';
import { buildTrayMenuModel, type TrayAction, type TrayMenuItem } from './tray-menu-model';
import { trayIconName, trayTooltip } from './tray-status-text';

const toTemplate = (
  items: TrayMenuItem[],
  onAction: (action: TrayAction) => void,
): MenuItemConstructorOptions[] =>
  items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { type: 'separator' };
    if (item.kind === 'info') return { label: item.label, enabled: false };
    return { label: item.label, enabled: item.enabled, click: () => onAction(item.action) };
  });

/** The tray icon: menu, tooltip and icon follow the engine status; notifications go out from here. */
export class TrayController {
  private readonly tray: Tray;
  private status: AppStatus | undefined;
  private health: MonitorHealth | undefined;

  constructor(
    private readonly assetsDir: string,
    private readonly onAction: (action: TrayAction) => void,
    status?: AppStatus,
  ) {
    this.tray = new Tray(this.icon(status));
    this.tray.on('click', () => this.onAction('open'));
    this.tray.on('double-click', () => this.onAction('open'));
    this.update(status);
  }

  update(status: AppStatus | undefined, health: MonitorHealth | undefined = this.health): void {
    const iconChanged = trayIconName(status, health) !== trayIconName(this.status, this.health);
    this.status = status;
    this.health = health;
    if (iconChanged) this.tray.setImage(this.icon(status));
    this.tray.setToolTip(trayTooltip(status, health));
    this.tray.setContextMenu(Menu.buildFromTemplate(toTemplate(buildTrayMenuModel(status), this.onAction)));
  }

  notify(title: string, body: string): void {
    if (!Notification.isSupported()) return;
    new Notification({ title, body, icon: join(this.assetsDir, 'icon.png') }).show();
  }

  destroy(): void {
    this.tray.destroy();
  }

  private icon(status: AppStatus | undefined) {
    // nativeImage picks <name>@2x.png on high-DPI screens by itself.
    return nativeImage.createFromPath(join(this.assetsDir, `${trayIconName(status, this.health)}.png`));
  }
}
