import {expect} from '@open-wc/testing';
import {hasPlatformSanitizer, sanitizeHtml} from './sanitize.js';

const HOSTILE =
  '<p style="color:red" onclick="alert(1)">Soft <strong>cotton</strong> <a href="javascript:alert(1)">x</a>' +
  '<a href="/care" target="_blank">care</a></p><img src="data:," onerror="alert(1)"><script>alert(1)</script>' +
  '<form action="/x"><input name="card"><button>Pay</button></form><iframe src="/"></iframe><style>p{}</style>';

const html = (f: DocumentFragment) => {
  const box = document.createElement('div');
  box.append(f);
  return box;
};

for (const platform of [true, false]) {
  describe(`sanitizeHtml (${platform ? 'Element.setHTML' : 'DOMPurify'})`, () => {
    before(function () {
      if (platform && !hasPlatformSanitizer()) this.skip(); // a browser without setHTML runs the DOMPurify suite
    });

    it('keeps the merchant text and markup, without scripts, handlers, javascript: URLs, forms or styles', async () => {
      const box = html(await sanitizeHtml(HOSTILE, {platform}));
      expect(box.querySelector('strong')!.textContent).to.equal('cotton');
      expect(box.textContent).to.include('Soft');
      expect(box.querySelector('script, form, input, button, iframe, style')).to.equal(null);
      expect(box.querySelector('[onclick], [onerror], [style]')).to.equal(null);
      expect(box.querySelector('a[href^="javascript"]')).to.equal(null);
    });

    it('marks images without alt as decorative and opens new-window links safely', async () => {
      const box = html(await sanitizeHtml(HOSTILE, {platform}));
      expect(box.querySelector('img')!.getAttribute('alt')).to.equal('');
      expect(box.querySelector('a[target]')!.getAttribute('rel')).to.equal('noopener noreferrer');
    });
  });
}

it('Chromium sanitizes natively, so a product page downloads no DOMPurify', () => {
  expect(hasPlatformSanitizer()).to.equal(true);
});
