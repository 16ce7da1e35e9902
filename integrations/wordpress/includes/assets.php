<?php
/**
 * What a page with an element gets, once: the kit's script (`wp_enqueue_script_module` on WordPress 6.5+, a
 * module script tag before that), the page-wide `<vtex-store>` from the settings, the theme's colours and fonts
 * as the kit's tokens, and a few layout rules. Pages without an element get nothing.
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

/** The URL of the kit's script: the bundled loader, or the CDN URL from the settings. */
function vtex_elements_script_url() {
	$settings = vtex_elements_settings();
	if ( 'cdn' === $settings['source'] && '' !== $settings['cdn_url'] ) {
		return $settings['cdn_url'];
	}
	return VTEX_ELEMENTS_URL . 'assets/kit/loader.js';
}

/** Marks the current page as using an element (a block or a shortcode was rendered): the kit loads once. */
function vtex_elements_need() {
	if ( ! empty( $GLOBALS['vtex_elements_needed'] ) ) {
		return;
	}
	$GLOBALS['vtex_elements_needed'] = true;
	if ( function_exists( 'wp_enqueue_script_module' ) && ! is_admin() ) {
		wp_enqueue_script_module( 'vtex-elements', vtex_elements_script_url(), array(), VTEX_ELEMENTS_VERSION );
	}
}

/** Whether an element was rendered on this page. */
function vtex_elements_needed() {
	return ! empty( $GLOBALS['vtex_elements_needed'] );
}

/**
 * `var:preset|color|contrast` (theme.json's short form) → `var(--wp--preset--color--contrast)`.
 *
 * @param mixed $value A theme.json value.
 */
function vtex_elements_css_value( $value ) {
	if ( ! is_string( $value ) || '' === $value ) {
		return '';
	}
	if ( 0 === strpos( $value, 'var:' ) ) {
		$value = 'var(--wp--' . str_replace( '|', '--', substr( $value, 4 ) ) . ')';
	}
	// A CSS value, never a way out of the declaration.
	return preg_match( '/^[#A-Za-z0-9(),.%\s\-_"\']+$/', $value ) ? $value : '';
}

/**
 * Relative luminance of a #rgb/#rrggbb colour, or null.
 *
 * @param string $hex Colour.
 */
function vtex_elements_luminance( $hex ) {
	if ( ! preg_match( '/^#([0-9a-f]{3}|[0-9a-f]{6})$/i', (string) $hex, $m ) ) {
		return null;
	}
	$h = 3 === strlen( $m[1] ) ? preg_replace( '/(.)/', '$1$1', $m[1] ) : $m[1];
	$c = array();
	foreach ( array( 0, 2, 4 ) as $i ) {
		$v   = hexdec( substr( $h, $i, 2 ) ) / 255;
		$c[] = $v <= 0.03928 ? $v / 12.92 : pow( ( $v + 0.055 ) / 1.055, 2.4 );
	}
	return 0.2126 * $c[0] + 0.7152 * $c[1] + 0.0722 * $c[2];
}

/**
 * WCAG contrast ratio of two hex colours, or 0 when either is not a hex colour.
 *
 * @param string $a Colour.
 * @param string $b Colour.
 */
function vtex_elements_contrast( $a, $b ) {
	$la = vtex_elements_luminance( $a );
	$lb = vtex_elements_luminance( $b );
	if ( null === $la || null === $lb ) {
		return 0;
	}
	return ( max( $la, $lb ) + 0.05 ) / ( min( $la, $lb ) + 0.05 );
}

/**
 * The kit's tokens from the theme's theme.json: palette (surface, text, accent and the text on it) and the body
 * font. Returns CSS declarations, or '' when the theme has no palette.
 */
function vtex_elements_theme_tokens() {
	if ( ! function_exists( 'wp_get_global_settings' ) ) {
		return '';
	}
	$palette = wp_get_global_settings( array( 'color', 'palette', 'theme' ) );
	$colors  = array();
	foreach ( is_array( $palette ) ? $palette : array() as $entry ) {
		if ( isset( $entry['slug'], $entry['color'] ) ) {
			$colors[ sanitize_key( $entry['slug'] ) ] = (string) $entry['color'];
		}
	}
	$pick   = static function ( array $slugs ) use ( $colors ) {
		foreach ( $slugs as $slug ) {
			if ( isset( $colors[ $slug ] ) ) {
				return $slug;
			}
		}
		return null;
	};
	$ref    = static function ( $slug ) use ( $colors ) {
		$hex = preg_match( '/^#[0-9a-f]{3,8}$/i', $colors[ $slug ] ) ? ', ' . $colors[ $slug ] : '';
		return 'var(--wp--preset--color--' . $slug . $hex . ')';
	};
	$tokens = array();

	$surface = $pick( array( 'base', 'background', 'white', 'light' ) );
	$text    = $pick( array( 'contrast', 'foreground', 'text', 'black', 'dark' ) );
	if ( $surface ) {
		$tokens['--vtex-color-surface'] = $ref( $surface );
	}
	if ( $text ) {
		$tokens['--vtex-color-text'] = $ref( $text );
	}

	// The accent fills buttons and also colours links, outlines and selected options on the surface: it is the
	// theme's button colour, else its primary one, when that reads on the surface (WCAG 4.5:1); otherwise the
	// next palette colour that does. Twenty Twenty-Three's lime buttons give way to its dark green.
	$styles  = function_exists( 'wp_get_global_styles' ) ? wp_get_global_styles( array( 'elements', 'button', 'color' ) ) : array();
	$slug_of = static function ( $css ) use ( $colors ) {
		$css = vtex_elements_css_value( $css );
		return preg_match( '/^var\(--wp--preset--color--([a-z0-9\-]+)\)$/', $css, $m ) && isset( $colors[ $m[1] ] ) ? $m[1] : null;
	};
	$button      = is_array( $styles ) ? $styles : array();
	$button_bg   = $slug_of( $button['background'] ?? '' );
	$button_text = $slug_of( $button['text'] ?? '' );
	$candidates  = array_unique( array_filter( array( $button_bg, $pick( array( 'primary' ) ), $pick( array( 'accent' ) ), $pick( array( 'secondary' ) ), $pick( array( 'tertiary' ) ), $text ) ) );
	$surface_hex = $surface ? $colors[ $surface ] : '#ffffff';
	$accent      = null;
	foreach ( $candidates as $slug ) {
		$ratio = vtex_elements_contrast( $colors[ $slug ], $surface_hex );
		if ( $ratio >= 4.5 || ( 0 === $ratio && null === $accent ) ) {
			$accent = $slug;
			break;
		}
	}
	if ( $accent ) {
		$tokens['--vtex-color-accent'] = $ref( $accent );
		$on                            = $accent === $button_bg && $button_text && vtex_elements_contrast( $colors[ $accent ], $colors[ $button_text ] ) >= 4.5 ? $button_text : null;
		if ( ! $on ) {
			// The surface or text colour that reads best on the accent.
			$best = 0;
			foreach ( array_filter( array( $surface, $text ) ) as $slug ) {
				$ratio = vtex_elements_contrast( $colors[ $accent ], $colors[ $slug ] );
				if ( $ratio > $best ) {
					$best = $ratio;
					$on   = $slug;
				}
			}
		}
		if ( $on ) {
			$tokens['--vtex-color-accent-text'] = $ref( $on );
		}
	}

	$font = function_exists( 'wp_get_global_styles' ) ? vtex_elements_css_value( wp_get_global_styles( array( 'typography', 'fontFamily' ) ) ) : '';
	if ( '' === $font ) {
		$families = wp_get_global_settings( array( 'typography', 'fontFamilies', 'theme' ) );
		if ( is_array( $families ) && isset( $families[0]['slug'] ) ) {
			$font = 'var(--wp--preset--font-family--' . sanitize_key( $families[0]['slug'] ) . ')';
		}
	}
	if ( '' !== $font ) {
		$tokens['--vtex-font-family'] = $font;
	}

	$css = '';
	foreach ( $tokens as $name => $value ) {
		$css .= $name . ':' . $value . ';';
	}
	return $css;
}

/** Layout rules: blocks take part in the theme's layout (content column, wide, full). */
function vtex_elements_front_css() {
	return implode(
		'',
		array(
			// The buttons are inline-blocks: as a block of their own in the column they are a box in it, like a paragraph.
			':where(.is-layout-constrained,.is-layout-flow)>:is(.wp-block-vtex-cart-button,.wp-block-vtex-login-button){display:block}',
			'.wp-block-vtex-product-grid:not(:defined),.wp-block-vtex-product:not(:defined),.wp-block-vtex-checkout:not(:defined),.wp-block-vtex-order-history:not(:defined){display:block;min-block-size:50vh}',
			'.wp-block-vtex-search-box:not(:defined){display:block;block-size:2.75rem}',
			'.wp-block-vtex-cart-button:not(:defined),.wp-block-vtex-login-button:not(:defined){display:inline-block;block-size:2.75rem;min-inline-size:2.75rem}',
		)
	);
}

add_action(
	'wp_footer',
	static function () {
		if ( ! vtex_elements_needed() ) {
			return;
		}
		$settings = vtex_elements_settings();
		$css      = vtex_elements_front_css();
		if ( $settings['theme_tokens'] ) {
			$tokens = vtex_elements_theme_tokens();
			if ( '' !== $tokens ) {
				$css .= ':root{' . $tokens . '}';
			}
		}
		// Values come from theme.json and are filtered by vtex_elements_css_value(); no closing tag can pass.
		echo '<style id="vtex-elements-css">' . str_replace( '</', '<\/', $css ) . "</style>\n"; // phpcs:ignore WordPress.Security.EscapeOutput
		// The page's store: elements outside a VTEX Store block use it.
		echo vtex_elements_render_tag( 'store', vtex_elements_store_values(), '', 'data-vtex-elements-page-store' ) . "\n"; // phpcs:ignore WordPress.Security.EscapeOutput -- escaped in vtex_elements_render_tag.
		if ( ! function_exists( 'wp_enqueue_script_module' ) ) {
			printf( "<script type=\"module\" src=\"%s\"></script>\n", esc_url( add_query_arg( 'ver', VTEX_ELEMENTS_VERSION, vtex_elements_script_url() ) ) );
		}
	},
	5
);
