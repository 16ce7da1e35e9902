<?php
/**
 * One dynamic block per element (`vtex/product-grid`, …, and `vtex/store` around other blocks), registered from
 * the generated block.json files and rendered on the server; the editor script and its data.
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'block_categories_all',
	static function ( $categories ) {
		$categories[] = array(
			'slug'  => 'vtex-elements',
			'title' => __( 'VTEX store', 'vtex-elements' ),
			'icon'  => null,
		);
		return $categories;
	}
);

/**
 * Renders one block.
 *
 * @param string               $name       Element name.
 * @param array<string, mixed> $attributes Block attributes.
 * @param string               $content    Rendered inner blocks (`vtex/store`).
 */
function vtex_elements_render_block( $name, $attributes, $content ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	if ( 'store' === $name ) {
		// A page's own store: what it leaves empty comes from the settings.
		$attributes = array_merge( vtex_elements_store_values(), array_filter( $attributes, static function ( $v ) {
			return '' !== $v && null !== $v;
		} ) );
	}
	return vtex_elements_render_tag( $name, $attributes, 'store' === $name ? $content : '', get_block_wrapper_attributes() );
}

add_action(
	'init',
	static function () {
		wp_register_script(
			'vtex-elements-editor',
			VTEX_ELEMENTS_URL . 'assets/editor.js',
			array( 'wp-blocks', 'wp-block-editor', 'wp-components', 'wp-element', 'wp-html-entities' ),
			VTEX_ELEMENTS_VERSION,
			true
		);
		wp_register_style( 'vtex-elements-editor', VTEX_ELEMENTS_URL . 'assets/editor.css', array(), VTEX_ELEMENTS_VERSION );

		foreach ( array_keys( vtex_elements_definitions() ) as $name ) {
			register_block_type(
				VTEX_ELEMENTS_DIR . 'blocks/' . $name,
				array(
					'render_callback' => static function ( $attributes, $content ) use ( $name ) {
						return vtex_elements_render_block( $name, $attributes, $content );
					},
				)
			);
		}
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		$settings = vtex_elements_settings();
		$data     = array(
			'elements' => vtex_elements_definitions(),
			'store'    => vtex_elements_store_values(),
			'script'   => vtex_elements_script_url(),
			'tokens'   => $settings['theme_tokens'] ? vtex_elements_theme_tokens() : '',
			'css'      => vtex_elements_front_css(),
			'strings'  => array(
				'settings'    => __( 'Settings', 'vtex-elements' ),
				'advanced'    => __( 'HTML id', 'vtex-elements' ),
				'advancedHelp' => __( 'Lets another block point at this one, e.g. a search box\'s "for".', 'vtex-elements' ),
				'default'     => __( 'Default', 'vtex-elements' ),
				/* translators: %s: the default value */
				'defaultIs'   => __( 'Default: %s', 'vtex-elements' ),
				'loading'     => __( 'Loading the store preview…', 'vtex-elements' ),
				'unavailable' => __( 'The live preview cannot run here; the published page shows the element.', 'vtex-elements' ),
				'noAccount'   => __( 'Set the VTEX account in Settings → VTEX Elements to see the live preview.', 'vtex-elements' ),
				'storeHint'   => __( 'Blocks inside use this store. Empty fields use the settings.', 'vtex-elements' ),
			),
		);
		wp_add_inline_script( 'vtex-elements-editor', 'window.vtexElementsEditor = ' . wp_json_encode( $data ) . ';', 'before' );
	}
);
