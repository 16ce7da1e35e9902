/**
 * VTEX Elements in the block editor: every `vtex/*` block gets inspector controls built from the generated
 * definitions (window.vtexElementsEditor, from custom-elements.json) and a live preview of the element, made
 * inert so its links do not leave the editor. Where the kit cannot run (no account set, an editor iframe the
 * script does not reach), a placeholder names the element and its settings instead.
 */
/* global wp */
(function () {
  'use strict';
  var data = window.vtexElementsEditor;
  if (!data || !wp || !wp.blocks) return;
  var el = wp.element.createElement;
  var useState = wp.element.useState;
  var useEffect = wp.element.useEffect;
  var useRef = wp.element.useRef;
  var be = wp.blockEditor;
  var c = wp.components;
  var s = data.strings;
  // WordPress's kses stores an Author's `>` in an attribute as `&gt;`; the page decodes it, so the editor does too.
  var decode = wp.htmlEntities ? wp.htmlEntities.decodeEntities : String;

  /** Loads the kit (and the layout/token CSS) into the document the editor renders blocks in, once. */
  function loadKit(doc) {
    if (!doc || doc.getElementById('vtex-elements-kit')) return;
    var style = doc.createElement('style');
    style.id = 'vtex-elements-kit-css';
    style.textContent = data.css + (data.tokens ? ':root{' + data.tokens + '}' : '');
    doc.head.appendChild(style);
    var script = doc.createElement('script');
    script.id = 'vtex-elements-kit';
    script.type = 'module';
    script.src = data.script;
    doc.head.appendChild(script);
  }

  /** Block attribute values → the element's HTML attributes (booleans present or absent). */
  function htmlAttributes(def, attributes) {
    var out = {};
    def.attributes.forEach(function (a) {
      var v = attributes[a.key];
      if (v === undefined || v === null || v === '') return;
      if (a.type === 'boolean') {
        if (v) out[a.name] = '';
      } else out[a.name] = decode(String(v));
    });
    if (attributes.elementId) out.id = attributes.elementId;
    return out;
  }

  function control(a, attributes, setAttributes) {
    var value = attributes[a.key];
    var set = function (v) {
      var next = {};
      next[a.key] = v;
      setAttributes(next);
    };
    var hasDefault = a.default !== undefined && a.default !== '';
    var help =
      a.description +
      (hasDefault && a.type !== 'boolean' ? ' ' + s.defaultIs.replace('%s', String(a.default)) : '');
    if (a.type === 'boolean') {
      return el(c.ToggleControl, {
        key: a.key,
        label: a.label,
        help: a.description,
        checked: !!value,
        onChange: set,
      });
    }
    if (a.values) {
      var options = [
        {label: hasDefault ? s.defaultIs.replace('%s', String(a.default)) : s.default, value: ''},
      ].concat(
        a.values.map(function (v) {
          return {label: v, value: v};
        }),
      );
      return el(c.SelectControl, {
        key: a.key,
        label: a.label,
        help: a.description,
        value: value || '',
        options: options,
        onChange: function (v) {
          set(v || undefined);
        },
      });
    }
    return el(c.TextControl, {
      key: a.key,
      label: a.label,
      help: help,
      type: a.type === 'number' ? 'number' : 'text',
      value: value === undefined || value === null ? '' : decode(String(value)),
      placeholder: hasDefault ? String(a.default) : '',
      onChange: function (v) {
        if (v === '') return set(undefined);
        if (a.type === 'number') {
          var n = Number(v);
          return set(isFinite(n) ? n : undefined);
        }
        set(v);
      },
    });
  }

  function placeholder(def, message, attributes) {
    var set = def.attributes.filter(function (a) {
      var v = attributes[a.key];
      return v !== undefined && v !== '' && v !== false;
    });
    return el(
      c.Placeholder,
      {
        icon: def.container ? 'store' : 'cart',
        label: def.title,
        instructions: message,
        className: 'vtex-elements-placeholder',
      },
      set.length
        ? el(
            'ul',
            {className: 'vtex-elements-placeholder__attributes'},
            set.map(function (a) {
              return el('li', {key: a.key}, a.label + ': ' + String(attributes[a.key]));
            }),
          )
        : null,
    );
  }

  /** The element itself inside a store from the settings, or a placeholder until (unless) it upgrades. */
  function Preview(props) {
    var def = props.def;
    var ref = useRef();
    var state = useState('loading');
    var status = state[0];
    var setStatus = state[1];
    useEffect(
      function () {
        var node = ref.current;
        var doc = node && node.ownerDocument;
        var win = doc && doc.defaultView;
        if (!win || !win.customElements) return setStatus('unavailable');
        loadKit(doc);
        var done = false;
        win.customElements.whenDefined(def.tag).then(function () {
          done = true;
          setStatus('ready');
        });
        var timer = win.setTimeout(function () {
          if (!done) setStatus('unavailable');
        }, 8000);
        return function () {
          done = true;
          win.clearTimeout(timer);
        };
      },
      [def.tag],
    );
    var store = htmlAttributes(data.elements.store, data.store);
    var message = !data.store.account ? s.noAccount : status === 'loading' ? s.loading : s.unavailable;
    var live = data.store.account && status !== 'unavailable';
    return el(
      'div',
      {ref: ref, className: 'vtex-elements-preview'},
      live
        ? el(
            'div',
            {inert: '', className: 'vtex-elements-preview__live', 'data-status': status},
            el('vtex-store', store, el(def.tag, htmlAttributes(def, props.attributes))),
          )
        : null,
      status !== 'ready' || !live ? placeholder(def, message, props.attributes) : null,
    );
  }

  Object.keys(data.elements).forEach(function (name) {
    var def = data.elements[name];
    var block = 'vtex/' + name;
    var settings = {
      title: def.title,
      description: def.description,
      edit: function (props) {
        var attributes = props.attributes;
        var blockProps = be.useBlockProps({className: 'vtex-elements-block'});
        var controls = def.attributes.map(function (a) {
          return control(a, attributes, props.setAttributes);
        });
        var inspector = el(
          be.InspectorControls,
          null,
          el(c.PanelBody, {title: s.settings, initialOpen: true}, controls),
          def.container
            ? null
            : el(
                c.PanelBody,
                {title: s.advanced, initialOpen: false},
                el(c.TextControl, {
                  label: s.advanced,
                  help: s.advancedHelp,
                  value: attributes.elementId || '',
                  onChange: function (v) {
                    props.setAttributes({elementId: v.replace(/[^A-Za-z0-9_-]/g, '') || undefined});
                  },
                }),
              ),
        );
        if (def.container) {
          return el(
            'div',
            blockProps,
            inspector,
            el('p', {className: 'vtex-elements-store__hint'}, def.title + ' · ' + s.storeHint),
            el(be.InnerBlocks),
          );
        }
        return el('div', blockProps, inspector, el(Preview, {def: def, attributes: attributes}));
      },
      save: def.container
        ? function () {
            return el(be.InnerBlocks.Content);
          }
        : function () {
            return null;
          },
    };
    // WordPress merges in the metadata the server registered from block.json (attributes, supports, category).
    wp.blocks.registerBlockType(block, settings);
  });
})();
