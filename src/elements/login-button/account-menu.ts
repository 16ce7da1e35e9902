/**
 * The signed-in shopper's account menu ("My orders", "Sign out") with its keyboard handling and styles: loaded once
 * the session says the shopper is signed in, never for a signed-out visitor.
 */
import {css, html, nothing, type TemplateResult} from 'lit';
import type {VtexLoginButton} from './login-button.js';

export const menuStyles = css`
  ul {
    position: absolute;
    z-index: 10;
    inset-inline-end: 0;
    top: calc(100% + 0.25rem);
    min-width: var(--vtex-login-button-menu-width, 12rem);
    margin: 0;
    padding: 0.25rem;
    list-style: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.12);
  }
  [part~='menu-item'] {
    display: block;
    width: 100%;
    padding: 0.6em 0.8em;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    background: none;
    color: var(--_text);
    text-align: start;
    text-decoration: none;
    cursor: pointer;
  }
  [part~='menu-item']:hover,
  [part~='menu-item']:focus-visible {
    background: color-mix(in srgb, var(--_accent) 12%, transparent);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  p {
    margin: 0.25rem 0 0;
    font-size: 0.875em;
  }
`;

export function renderMenu(h: VtexLoginButton): TemplateResult {
  const m = h.i18n.m;
  return html`<ul id="menu" part="menu" ?hidden=${!h.open} @keydown=${(e: KeyboardEvent) => onMenuKey(h, e)}>
      ${h.ordersUrl ? html`<li><a part="menu-item" href=${h.ordersUrl}>${m.myOrders}</a></li>` : nothing}
      <li>
        <button
          part="menu-item"
          ?disabled=${h.signingOut}
          aria-describedby=${h.signOutFailed ? 'signout-error' : nothing}
          @click=${() => signOut(h)}
        >
          ${h.signingOut ? m.signingOut : m.signOut}
        </button>
      </li>
    </ul>
    ${h.signOutFailed ? html`<p id="signout-error" class="error-text" part="error" role="alert">${m.signOutFailed}</p>` : nothing}`;
}

/** The menu's items, in order. */
const menuItems = (h: VtexLoginButton) => [
  ...h.renderRoot.querySelectorAll<HTMLElement>('[part~="menu-item"]'),
];

/** On the menu's button: ArrowDown and ArrowUp open the menu on its first or last item; Escape closes it. */
export function onTriggerKey(h: VtexLoginButton, e: KeyboardEvent): void {
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    e.preventDefault();
    h.open = true;
    void h.updateComplete.then(() => {
      const items = menuItems(h);
      items[e.key === 'ArrowDown' ? 0 : items.length - 1]?.focus();
    });
  } else if (e.key === 'Escape' && h.open) {
    h.open = false;
  }
}

/** Focus leaving the button and its menu closes the menu. */
export function onFocusOut(h: VtexLoginButton, e: FocusEvent): void {
  const to = e.relatedTarget as Node | null;
  if (h.open && to && !h.renderRoot.contains(to)) h.open = false;
}

/** Signs out (the menu's last item); the focus goes back to "Sign in". <vtex-store> re-reads the cart. */
async function signOut(h: VtexLoginButton): Promise<void> {
  const session = h.session.store;
  if (!session || h.signingOut) return;
  h.signingOut = true;
  h.signOutFailed = false;
  try {
    const {signOut} = await import('../../state/sign-out.js');
    await signOut(session, h.cart.store);
    h.open = false;
    await h.updateComplete;
    h.link?.focus();
  } catch (e) {
    h.signOutFailedWith(e);
  } finally {
    h.signingOut = false;
  }
}

/** Arrow keys, Home and End move between the items; Escape closes the menu and returns to its button. */
function onMenuKey(h: VtexLoginButton, e: KeyboardEvent): void {
  const items = menuItems(h);
  const i = items.indexOf(
    h.renderRoot instanceof ShadowRoot
      ? (h.renderRoot.activeElement as HTMLElement)
      : (document.activeElement as HTMLElement),
  );
  let next = -1;
  if (e.key === 'ArrowDown') next = (i + 1) % items.length;
  else if (e.key === 'ArrowUp') next = (i - 1 + items.length) % items.length;
  else if (e.key === 'Home') next = 0;
  else if (e.key === 'End') next = items.length - 1;
  else if (e.key === 'Escape') {
    e.preventDefault();
    h.open = false;
    h.trigger?.focus();
    return;
  }
  if (next >= 0) {
    e.preventDefault();
    items[next]?.focus();
  }
}
