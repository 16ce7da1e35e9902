import {publicApiOnly, resolveTypeAliases, sortModules} from './scripts/cem-plugins.mjs';

/** What the plugins do, and why, is in `scripts/cem-plugins.mjs`. */
export default {
  plugins: [publicApiOnly(), resolveTypeAliases(), sortModules()],
};
