const { EventEmitter } = require('node:events');
const fs = require('node:fs');
const { onCommand, record } = require('./recorder.cjs');

let tray = null;

// Electron gives an empty image for a missing file; the records say which file and whether it was there.
const nativeImage = {
  createFromPath: (file) => ({ file, empty: !fs.existsSync(file) }),
};

const Menu = {
  buildFromTemplate: (template) => ({
    items: template.map((item) => ({ type: item.type ?? 'normal', label: item.label ?? '', enabled: item.enabled ?? true, click: item.click })),
  }),
};

class Tray extends EventEmitter {
  constructor(image) {
    super();
    tray = this;
    this.menu = null;
    record('tray.new', { image: image.file, empty: image.empty });
  }

  setImage(image) {
    record('tray.setImage', { image: image.file, empty: image.empty });
  }

  setToolTip(text) {
    record('tray.setToolTip', { text });
  }

  setContextMenu(menu) {
    this.menu = menu;
    record('tray.setContextMenu', { items: menu.items.map(({ type, label, enabled }) => ({ type, label, enabled })) });
  }
}

onCommand('tray-click', () => tray.emit('click'));

onCommand('tray-menu-click', ({ label }) => {
  const item = tray?.menu?.items.find((candidate) => candidate.label === label);
  if (!item?.enabled || !item.click) throw new Error(`no enabled tray menu item '${label}'`);
  item.click();
});

module.exports = { Menu, nativeImage, Tray };
