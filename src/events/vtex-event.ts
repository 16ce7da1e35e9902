/** Every kit event bubbles and crosses shadow roots; detail is plain readonly data. */
export class VtexEvent<T> extends CustomEvent<Readonly<T>> {
  constructor(type: string, detail: T, options: {cancelable?: boolean} = {}) {
    super(type, {
      detail: Object.freeze(detail),
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    });
  }
}
