<?php
/**
 * Shortcodes for the classic editor: `[vtex_product_grid page_size="12" show_facets]`, and
 * `[vtex_store account="…"]…[/vtex_store]` around others. Attribute names take `_` or `-`; a boolean is on when
 * named alone or set to true/1/yes.
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * Shortcode attributes → values by block key.
 *
 * @param string $name Element name.
 * @param mixed  $atts Shortcode attributes.
 * @return array<string, mixed>
 */
function vtex_elements_shortcode_values( $name, $atts ) {
	$atts        = is_array( $atts ) ? $atts : array();
	$definitions = vtex_elements_definitions();
	$values      = array();
	$flags       = array();
	foreach ( $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$flags[] = strtolower( str_replace( '_', '-', (string) $value ) );
		}
	}
	foreach ( $definitions[ $name ]['attributes'] as $attribute ) {
		$underscored = str_replace( '-', '_', $attribute['name'] );
		if ( isset( $atts[ $attribute['name'] ] ) ) {
			$values[ $attribute['key'] ] = $atts[ $attribute['name'] ];
		} elseif ( isset( $atts[ $underscored ] ) ) {
			$values[ $attribute['key'] ] = $atts[ $underscored ];
		} elseif ( 'boolean' === $attribute['type'] && in_array( $attribute['name'], $flags, true ) ) {
			$values[ $attribute['key'] ] = true;
		}
	}
	if ( isset( $atts['id'] ) ) {
		$values['elementId'] = (string) $atts['id'];
	}
	return $values;
}

add_action(
	'init',
	static function () {
		foreach ( array_keys( vtex_elements_definitions() ) as $name ) {
			add_shortcode(
				'vtex_' . str_replace( '-', '_', $name ),
				static function ( $atts, $content = '' ) use ( $name ) {
					$values = vtex_elements_shortcode_values( $name, $atts );
					if ( 'store' === $name ) {
						$values = array_merge( vtex_elements_store_values(), $values );
						return vtex_elements_render_tag( $name, $values, do_shortcode( (string) $content ), 'class="wp-block-vtex-store"' );
					}
					return vtex_elements_render_tag( $name, $values, '', 'class="' . esc_attr( 'wp-block-vtex-' . $name ) . '"' );
				}
			);
		}
	}
);
