import {INSTALL_HINT, findChromium} from './chromium.js';

const path = findChromium();
if (!path) {
  console.error(`No Chromium or Chrome found${process.env.CHROME_PATH ? ` at CHROME_PATH=${process.env.CHROME_PATH}` : ''}.\nInstall one with:\n  ${INSTALL_HINT}`);
  process.exit(1);
}
