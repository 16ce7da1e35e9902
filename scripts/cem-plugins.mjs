/**
 * Plugins for the Custom Elements Manifest analyzer (used by `custom-elements-manifest.config.mjs`).
 *
 * - `publicApiOnly`: the manifest lists the public API only. It drops `#private` and `private` members, members
 *   whose JSDoc says `@internal` or `@ignore`, and (on elements) `protected` helpers meant for subclasses. Storybook's
 *   API tables and controls, editor autocomplete and the events table all read the manifest, so what it keeps is
 *   what a designer or an author sees.
 * - `resolveTypeAliases`: a member typed with a local alias of string literals (`PaginationMode`) gets the union
 *   itself (`'pages' | 'load-more' | 'infinite'`), so tools can offer the values (Storybook's select control).
 * - `sortModules`: modules sorted by path, so the committed manifest is the same on every machine.
 */

/** Whether a JSDoc-bearing TypeScript node carries `@internal` or `@ignore`. */
function isHidden(ts, node) {
  return ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal' || tag.tagName.text === 'ignore');
}

/** Names of members (`Class.member`) and classes that are hidden from the manifest. */
const hidden = new Set();
/** Type alias name → union text, for aliases of string literals only. */
const aliases = new Map();

function className(node) {
  return node.parent && node.parent.name ? node.parent.name.getText() : '';
}

export function publicApiOnly() {
  return {
    name: 'vtex-public-api-only',
    analyzePhase({ts, node}) {
      if (ts.isClassDeclaration(node) && node.name && isHidden(ts, node)) hidden.add(node.name.getText());
      if (
        (ts.isPropertyDeclaration(node) ||
          ts.isMethodDeclaration(node) ||
          ts.isGetAccessorDeclaration(node) ||
          ts.isSetAccessorDeclaration(node)) &&
        node.name &&
        isHidden(ts, node)
      ) {
        hidden.add(`${className(node)}.${node.name.getText()}`);
      }
    },
    packageLinkPhase({customElementsManifest}) {
      for (const mod of customElementsManifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter((d) => !hidden.has(d.name));
        for (const decl of mod.declarations) {
          const owner = (m) => m.inheritedFrom?.name ?? decl.name;
          const drop = (m) =>
            m.name.startsWith('#') ||
            m.privacy === 'private' ||
            (m.privacy === 'protected' && decl.tagName) ||
            hidden.has(`${owner(m)}.${m.name}`);
          if (decl.members) {
            decl.members = decl.members.filter((m) => !drop(m));
            if (!decl.members.length) delete decl.members;
          }
          if (decl.attributes) {
            decl.attributes = decl.attributes.filter((a) => !a.fieldName || !hidden.has(`${owner(a)}.${a.fieldName}`));
            if (!decl.attributes.length) delete decl.attributes;
          }
        }
        mod.exports = (mod.exports ?? []).filter((e) => !hidden.has(e.declaration?.name));
      }
    },
  };
}

export function resolveTypeAliases() {
  return {
    name: 'vtex-resolve-type-aliases',
    analyzePhase({ts, node}) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.every((t) => ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal));
      if (literals) aliases.set(node.name.getText(), node.type.getText());
    },
    packageLinkPhase({customElementsManifest}) {
      const resolve = (item) => {
        const text = item.type?.text;
        if (!text) return;
        const parts = text.split('|').map((p) => p.trim());
        if (!parts.some((p) => aliases.has(p))) return;
        item.type.text = parts.map((p) => aliases.get(p) ?? p).join(' | ');
      };
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          for (const m of decl.members ?? []) resolve(m);
          for (const a of decl.attributes ?? []) resolve(a);
        }
      }
    },
  };
}

export function sortModules() {
  return {
    name: 'vtex-sort-modules',
    packageLinkPhase({customElementsManifest}) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}
