<?php
/**
 * Plugin Name:       VTEX Elements
 * Description:       Blocks and shortcodes for a VTEX store on any page: product grid, product, search, cart, checkout, login and order history.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            vtex-elements
 * License:           MIT
 * Text Domain:       vtex-elements
 * Domain Path:       /languages
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

define( 'VTEX_ELEMENTS_VERSION', '0.1.0' );
define( 'VTEX_ELEMENTS_FILE', __FILE__ );
define( 'VTEX_ELEMENTS_DIR', plugin_dir_path( __FILE__ ) );
define( 'VTEX_ELEMENTS_URL', plugin_dir_url( __FILE__ ) );

require_once VTEX_ELEMENTS_DIR . 'includes/elements.php';
require_once VTEX_ELEMENTS_DIR . 'includes/settings.php';
require_once VTEX_ELEMENTS_DIR . 'includes/render.php';
require_once VTEX_ELEMENTS_DIR . 'includes/assets.php';
require_once VTEX_ELEMENTS_DIR . 'includes/blocks.php';
require_once VTEX_ELEMENTS_DIR . 'includes/shortcodes.php';

add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'vtex-elements', false, dirname( plugin_basename( VTEX_ELEMENTS_FILE ) ) . '/languages' );
		if ( is_textdomain_loaded( 'vtex-elements' ) ) {
			return;
		}
		// Any Portuguese or Spanish (pt_PT, es_MX, es_AR…) falls back to the plugin's pt_BR or es_ES.
		$locale   = apply_filters( 'plugin_locale', determine_locale(), 'vtex-elements' );
		$fallback = array(
			'pt' => 'pt_BR',
			'es' => 'es_ES',
		);
		$language = substr( (string) $locale, 0, 2 );
		if ( isset( $fallback[ $language ] ) ) {
			load_textdomain( 'vtex-elements', VTEX_ELEMENTS_DIR . 'languages/vtex-elements-' . $fallback[ $language ] . '.mo' );
		}
	},
	1
);
