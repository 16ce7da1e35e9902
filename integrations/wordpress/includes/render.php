<?php
/**
 * Server rendering: a block or a shortcode becomes the kit's custom tag, with only the element's own attributes
 * (from the generated definitions) and every value escaped. The tag is what the page gets; the kit's script,
 * loaded once in the footer, upgrades it.
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

/**
 * The attributes of one element as HTML, from values keyed like its block attributes (`pageSize`).
 * Booleans are present or absent; numbers must be numbers; strings are escaped; unknown keys are dropped.
 *
 * @param string               $name   Element name (`product-grid`).
 * @param array<string, mixed> $values Values by block key.
 * @return string Escaped ` name="value"` pairs.
 */
function vtex_elements_attributes_html( $name, array $values ) {
	$definitions = vtex_elements_definitions();
	if ( ! isset( $definitions[ $name ] ) ) {
		return '';
	}
	$html = '';
	foreach ( $definitions[ $name ]['attributes'] as $attribute ) {
		if ( ! array_key_exists( $attribute['key'], $values ) ) {
			continue;
		}
		$value = $values[ $attribute['key'] ];
		switch ( $attribute['type'] ) {
			case 'boolean':
				if ( true === $value || 1 === $value || in_array( $value, array( '1', 'true', 'yes', 'on' ), true ) ) {
					$html .= ' ' . esc_attr( $attribute['name'] );
				}
				break;
			case 'number':
				if ( is_numeric( $value ) ) {
					$html .= sprintf( ' %s="%s"', esc_attr( $attribute['name'] ), esc_attr( (string) ( 0 + $value ) ) );
				}
				break;
			default:
				if ( is_scalar( $value ) && '' !== (string) $value ) {
					$html .= sprintf( ' %s="%s"', esc_attr( $attribute['name'] ), esc_attr( (string) $value ) );
				}
		}
	}
	if ( isset( $values['elementId'] ) && is_string( $values['elementId'] ) ) {
		$id = preg_replace( '/[^A-Za-z0-9_\-]/', '', $values['elementId'] );
		if ( '' !== $id ) {
			$html .= sprintf( ' id="%s"', esc_attr( $id ) );
		}
	}
	return $html;
}

/**
 * The custom tag of one element; marks the page as needing the kit.
 *
 * @param string               $name    Element name (`product-grid`).
 * @param array<string, mixed> $values  Values by block key.
 * @param string               $content Inner HTML (already rendered; only for `store`).
 * @param string               $wrapper Extra attributes, already escaped (block wrapper attributes).
 */
function vtex_elements_render_tag( $name, array $values, $content = '', $wrapper = '' ) {
	$definitions = vtex_elements_definitions();
	if ( ! isset( $definitions[ $name ] ) ) {
		return '';
	}
	vtex_elements_need();
	$tag = $definitions[ $name ]['tag'];
	return sprintf(
		'<%1$s%2$s%3$s>%4$s</%1$s>',
		tag_escape( $tag ),
		vtex_elements_attributes_html( $name, $values ),
		'' === $wrapper ? '' : ' ' . $wrapper,
		$content
	);
}

/**
 * The page-wide store's attributes from the settings, by block key.
 *
 * @return array<string, mixed>
 */
function vtex_elements_store_values() {
	$settings = vtex_elements_settings();
	return array(
		'api'          => $settings['api'],
		'account'      => $settings['account'],
		'salesChannel' => $settings['sales_channel'],
		'locale'       => $settings['locale'],
		'currency'     => $settings['currency'],
		'loginUrl'     => $settings['login_url'],
		'analytics'    => $settings['analytics'],
	);
}
