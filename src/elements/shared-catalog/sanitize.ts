/**
 * Product descriptions are merchant HTML from the catalog: they are rendered only after a sanitizer has parsed
 * them into inert nodes. Where the browser has the HTML Sanitizer API (`Element.setHTML`), the platform does it
 * and nothing is downloaded; elsewhere DOMPurify is loaded on demand (`import()`), so it stays out of every page
 * that has no description to show.
 */
type Purify = typeof import('dompurify').default;

/** Elements and attributes a description may not bring in (setHTML drops scripts and event handlers anyway). */
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed'];
const FORBID_ATTR = ['style'];

/** `Element.setHTML` with a sanitizer config (not yet in TypeScript's DOM lib). */
type SetHTML = (
  html: string,
  options: {sanitizer: {removeElements: string[]; removeAttributes: string[]}},
) => void;

let purifier: Promise<Purify> | undefined;

function load(): Promise<Purify> {
  purifier ??= import('dompurify')
    .then((m) => m.default)
    .catch((e: unknown) => {
      purifier = undefined; // a failed chunk load may succeed later: never cache a rejection
      throw e;
    });
  return purifier;
}

/** Whether this browser sanitizes natively (`Element.prototype.setHTML`). */
export const hasPlatformSanitizer = (): boolean =>
  typeof (Element.prototype as {setHTML?: unknown}).setHTML === 'function';

function platformSanitize(html: string): DocumentFragment {
  const box = document.createElement('div');
  (box as unknown as {setHTML: SetHTML}).setHTML(html, {
    sanitizer: {removeElements: FORBID_TAGS, removeAttributes: FORBID_ATTR},
  });
  const fragment = document.createDocumentFragment();
  fragment.append(...box.childNodes);
  return fragment;
}

async function purify(html: string): Promise<DocumentFragment> {
  const DOMPurify = await load();
  // `target` is kept (DOMPurify drops it by default), as setHTML does: such links get a safe `rel` below.
  return DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS,
    FORBID_ATTR,
    ADD_ATTR: ['target'],
  });
}

/**
 * Parses `html` into a sanitized DocumentFragment (no scripts, no event handlers, no `javascript:` URLs, none of
 * FORBID_TAGS, no inline styles). `platform: false` forces DOMPurify (tests).
 */
export async function sanitizeHtml(
  html: string,
  {platform = hasPlatformSanitizer()}: {platform?: boolean} = {},
): Promise<DocumentFragment> {
  const fragment = platform ? platformSanitize(html) : await purify(html);
  // Merchant images without a text alternative are treated as decorative; links open safely.
  for (const img of fragment.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  for (const a of fragment.querySelectorAll('a[target]')) a.setAttribute('rel', 'noopener noreferrer');
  return fragment;
}
