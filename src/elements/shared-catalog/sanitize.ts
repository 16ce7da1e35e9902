/**
 * Product descriptions are merchant HTML from the catalog: they are rendered only after DOMPurify has parsed
 * them into inert nodes. DOMPurify is loaded on demand (`import()`), so it stays out of the main bundle.
 */
let purifier: Promise<typeof import('dompurify').default> | undefined;

function load(): Promise<typeof import('dompurify').default> {
  purifier ??= import('dompurify')
    .then((m) => m.default)
    .catch((e: unknown) => {
      purifier = undefined; // a failed chunk load may succeed later: never cache a rejection
      throw e;
    });
  return purifier;
}

/** Parses `html` into a sanitized DocumentFragment (no scripts, no event handlers, no `javascript:` URLs). */
export async function sanitizeHtml(html: string): Promise<DocumentFragment> {
  const DOMPurify = await load();
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'],
    FORBID_ATTR: ['style'],
  });
  // Merchant images without a text alternative are treated as decorative; links open safely.
  for (const img of fragment.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  for (const a of fragment.querySelectorAll('a[target]')) a.setAttribute('rel', 'noopener noreferrer');
  return fragment;
}
