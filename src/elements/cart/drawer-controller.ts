import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** The element focused now, looking inside shadow roots. */
function deepActive(doc: Document): HTMLElement | null {
  let a = doc.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a as HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement & {open: boolean};

/**
 * A drawer in a modal `<dialog>`: opens and closes it with the host's `open`, closes on the backdrop, keeps Tab
 * inside, and gives focus back to what had it before the drawer opened (unless `keepFocus` is set for the close).
 */
export class DrawerController implements ReactiveController {
  readonly #host: Host;
  readonly #dialog: () => HTMLDialogElement | undefined;
  #opener: HTMLElement | null = null;
  /** Set before a close that moves focus elsewhere itself (e.g. to the page's checkout). */
  keepFocus = false;

  constructor(host: Host, dialog: () => HTMLDialogElement | undefined) {
    this.#host = host;
    this.#dialog = dialog;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#opener = null; // no hold on a page element once the drawer is gone
  }

  /** Remembers what has focus now, before the host opens the drawer. */
  rememberOpener(): void {
    this.#opener = deepActive(this.#host.ownerDocument);
  }

  /** Shows or closes the dialog as the host's `open` says. */
  sync(): void {
    const d = this.#dialog();
    if (!d) return;
    if (this.#host.open && !d.open && this.#host.isConnected) {
      this.#opener ??= deepActive(this.#host.ownerDocument);
      d.showModal();
    } else if (!this.#host.open && d.open) d.close();
  }

  onClose = (): void => {
    this.#host.open = false;
    const opener = this.#opener;
    this.#opener = null;
    if (!this.keepFocus && opener?.isConnected) opener.focus();
    this.keepFocus = false;
  };

  onClick = (e: MouseEvent): void => {
    if (e.target === this.#dialog()) this.#host.open = false; // the backdrop
  };

  /** Keeps Tab inside the drawer, whatever the browser does past its last element. */
  trapFocus = (e: KeyboardEvent): void => {
    const dialog = this.#dialog();
    if (e.key !== 'Tab' || !dialog) return;
    const all = [
      ...dialog.querySelectorAll<HTMLElement>(
        'button:not([disabled]), input:not([disabled]), a[href], [tabindex="0"]',
      ),
    ];
    const first = all[0];
    const last = all[all.length - 1];
    const active = this.#host.shadowRoot?.activeElement;
    if (!first || !last) return;
    if (e.shiftKey && (active === first || !active)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };
}
