/**
 * The analyzer lists modules in the order the file system returns them, which differs between checkouts: sorted by
 * path, the committed manifest is the same on every machine (CI compares it byte for byte).
 */
export default {
  plugins: [
    {
      name: 'vtex-sort-modules',
      packageLinkPhase({customElementsManifest}) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
