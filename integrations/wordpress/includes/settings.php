<?php
/**
 * Settings → VTEX Elements: the page-wide store (bridge, account, sales channel, locale, currency, analytics),
 * where the kit's script comes from, and whether the theme's colours and fonts become the kit's tokens.
 *
 * @package VtexElements
 */

defined( 'ABSPATH' ) || exit;

const VTEX_ELEMENTS_OPTION = 'vtex_elements_settings';

/** Locales the kit speaks; '' follows the site's language. */
const VTEX_ELEMENTS_LOCALES = array( '', 'en', 'pt-BR', 'es' );

/** Analytics providers the kit knows. */
const VTEX_ELEMENTS_ANALYTICS = array( 'ga4', 'vtex-pixel' );

/**
 * The settings with their defaults filled in.
 *
 * @return array<string, mixed>
 */
function vtex_elements_settings() {
	$defaults = array(
		'api'           => '',
		'account'       => '',
		'sales_channel' => '1',
		'locale'        => '',
		'currency'      => '',
		'login_url'     => '',
		'analytics'     => '',
		'source'        => 'bundled',
		'cdn_url'       => '',
		'theme_tokens'  => true,
	);
	$saved    = get_option( VTEX_ELEMENTS_OPTION, array() );
	return array_merge( $defaults, is_array( $saved ) ? $saved : array() );
}

/**
 * An http(s) URL, or ''.
 *
 * @param mixed $value Submitted value.
 */
function vtex_elements_sanitize_url( $value ) {
	$url = esc_url_raw( trim( (string) $value ), array( 'http', 'https' ) );
	return is_string( $url ) ? untrailingslashit( $url ) : '';
}

/**
 * Sanitizes the submitted settings (the Settings API checks the nonce and the capability).
 *
 * @param mixed $input Submitted values.
 * @return array<string, mixed>
 */
function vtex_elements_sanitize_settings( $input ) {
	$input = is_array( $input ) ? wp_unslash( $input ) : array();
	$out   = vtex_elements_settings();

	$out['api']       = vtex_elements_sanitize_url( $input['api'] ?? '' );
	$out['login_url'] = vtex_elements_sanitize_url( $input['login_url'] ?? '' );
	$out['account']   = preg_replace( '/[^a-z0-9]/', '', strtolower( (string) ( $input['account'] ?? '' ) ) );
	$channel          = preg_replace( '/[^0-9]/', '', (string) ( $input['sales_channel'] ?? '' ) );
	$out['sales_channel'] = '' === $channel ? '1' : $channel;

	$locale        = (string) ( $input['locale'] ?? '' );
	$out['locale'] = in_array( $locale, VTEX_ELEMENTS_LOCALES, true ) ? $locale : '';

	$currency        = strtoupper( (string) ( $input['currency'] ?? '' ) );
	$out['currency'] = preg_match( '/^[A-Z]{3}$/', $currency ) ? $currency : '';

	$analytics = $input['analytics'] ?? array();
	$analytics = is_array( $analytics ) ? $analytics : preg_split( '/[\s,]+/', (string) $analytics );
	$out['analytics'] = implode( ' ', array_values( array_intersect( VTEX_ELEMENTS_ANALYTICS, array_map( 'strval', $analytics ) ) ) );

	$out['cdn_url'] = vtex_elements_sanitize_url( $input['cdn_url'] ?? '' );
	$out['source']  = 'cdn' === ( $input['source'] ?? '' ) ? 'cdn' : 'bundled';
	if ( 'cdn' === $out['source'] && '' === $out['cdn_url'] ) {
		$out['source'] = 'bundled';
		add_settings_error( VTEX_ELEMENTS_OPTION, 'vtex-elements-cdn', __( 'Enter the URL of the kit on your CDN, or use the copy bundled with the plugin. The bundled copy is used for now.', 'vtex-elements' ) );
	}
	if ( '' === $out['account'] ) {
		add_settings_error( VTEX_ELEMENTS_OPTION, 'vtex-elements-account', __( 'Enter the VTEX account name: the store cannot load without it.', 'vtex-elements' ) );
	}

	$out['theme_tokens'] = ! empty( $input['theme_tokens'] );
	return $out;
}

add_action(
	'admin_init',
	static function () {
		register_setting(
			'vtex_elements',
			VTEX_ELEMENTS_OPTION,
			array(
				'type'              => 'object',
				'sanitize_callback' => 'vtex_elements_sanitize_settings',
				'default'           => array(),
			)
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page(
			__( 'VTEX Elements', 'vtex-elements' ),
			__( 'VTEX Elements', 'vtex-elements' ),
			'manage_options',
			'vtex-elements',
			'vtex_elements_settings_page'
		);
	}
);

add_filter(
	'plugin_action_links_' . plugin_basename( VTEX_ELEMENTS_FILE ),
	static function ( $links ) {
		$url = admin_url( 'options-general.php?page=vtex-elements' );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'vtex-elements' ) . '</a>' );
		return $links;
	}
);

/**
 * One text field row.
 *
 * @param string $key   Setting key.
 * @param string $label Label.
 * @param string $help  Help text.
 * @param string $type  Input type.
 * @param string $placeholder Placeholder.
 */
function vtex_elements_text_row( $key, $label, $help, $type = 'text', $placeholder = '' ) {
	$settings = vtex_elements_settings();
	$id       = 'vtex-elements-' . str_replace( '_', '-', $key );
	?>
	<tr>
		<th scope="row"><label for="<?php echo esc_attr( $id ); ?>"><?php echo esc_html( $label ); ?></label></th>
		<td>
			<input type="<?php echo esc_attr( $type ); ?>" class="regular-text" id="<?php echo esc_attr( $id ); ?>"
				name="<?php echo esc_attr( VTEX_ELEMENTS_OPTION . '[' . $key . ']' ); ?>"
				value="<?php echo esc_attr( (string) $settings[ $key ] ); ?>"
				placeholder="<?php echo esc_attr( $placeholder ); ?>"
				aria-describedby="<?php echo esc_attr( $id . '-help' ); ?>">
			<p class="description" id="<?php echo esc_attr( $id . '-help' ); ?>"><?php echo esc_html( $help ); ?></p>
		</td>
	</tr>
	<?php
}

/** The settings page (Settings → VTEX Elements). */
function vtex_elements_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'Sorry, you are not allowed to manage these settings.', 'vtex-elements' ), 403 );
	}
	$settings  = vtex_elements_settings();
	$analytics = explode( ' ', (string) $settings['analytics'] );
	$name      = static function ( $key ) {
		return VTEX_ELEMENTS_OPTION . '[' . $key . ']';
	};
	?>
	<div class="wrap">
		<h1><?php echo esc_html( get_admin_page_title() ); ?></h1>
		<p><?php esc_html_e( 'Every page with a VTEX block or shortcode gets one store built from these settings. A VTEX Store block can give a page its own.', 'vtex-elements' ); ?></p>
		<?php settings_errors( VTEX_ELEMENTS_OPTION ); ?>
		<form action="<?php echo esc_url( admin_url( 'options.php' ) ); ?>" method="post">
			<?php settings_fields( 'vtex_elements' ); ?>
			<h2 class="title"><?php esc_html_e( 'Store', 'vtex-elements' ); ?></h2>
			<table class="form-table" role="presentation">
				<?php
				vtex_elements_text_row( 'api', __( 'Bridge URL', 'vtex-elements' ), __( 'The bridge in front of VTEX, e.g. https://shop.example.com/_v. Empty: this site, when the bridge is mounted on it. The bridge must allow this site\'s origin.', 'vtex-elements' ), 'url', 'https://shop.example.com/_v' );
				vtex_elements_text_row( 'account', __( 'VTEX account', 'vtex-elements' ), __( 'The account name, e.g. mystore. Never enter an app key or token here.', 'vtex-elements' ), 'text', 'mystore' );
				vtex_elements_text_row( 'sales_channel', __( 'Sales channel', 'vtex-elements' ), __( 'The VTEX trade policy. Usually 1.', 'vtex-elements' ), 'text', '1' );
				?>
				<tr>
					<th scope="row"><label for="vtex-elements-locale"><?php esc_html_e( 'Language', 'vtex-elements' ); ?></label></th>
					<td>
						<select id="vtex-elements-locale" name="<?php echo esc_attr( $name( 'locale' ) ); ?>">
							<?php
							$locales = array(
								''      => __( 'The site\'s language', 'vtex-elements' ),
								'pt-BR' => __( 'Portuguese (Brazil)', 'vtex-elements' ),
								'es'    => __( 'Spanish', 'vtex-elements' ),
								'en'    => __( 'English', 'vtex-elements' ),
							);
							foreach ( $locales as $value => $label ) {
								printf( '<option value="%s"%s>%s</option>', esc_attr( $value ), selected( $settings['locale'], $value, false ), esc_html( $label ) );
							}
							?>
						</select>
					</td>
				</tr>
				<?php
				vtex_elements_text_row( 'currency', __( 'Currency', 'vtex-elements' ), __( 'ISO 4217 code for prices shown before the cart loads, e.g. BRL. Empty: the store\'s.', 'vtex-elements' ), 'text', 'BRL' );
				vtex_elements_text_row( 'login_url', __( 'Login URL', 'vtex-elements' ), __( 'Where VTEX\'s login page is served. Empty: the bridge URL.', 'vtex-elements' ), 'url' );
				?>
				<tr>
					<th scope="row"><?php esc_html_e( 'Analytics', 'vtex-elements' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Analytics', 'vtex-elements' ); ?></legend>
							<label><input type="checkbox" name="<?php echo esc_attr( $name( 'analytics' ) ); ?>[]" value="ga4" <?php checked( in_array( 'ga4', $analytics, true ) ); ?>> <?php esc_html_e( 'Google Analytics 4 e-commerce events (window.dataLayer)', 'vtex-elements' ); ?></label><br>
							<label><input type="checkbox" name="<?php echo esc_attr( $name( 'analytics' ) ); ?>[]" value="vtex-pixel" <?php checked( in_array( 'vtex-pixel', $analytics, true ) ); ?>> <?php esc_html_e( 'VTEX pixel messages', 'vtex-elements' ); ?></label>
						</fieldset>
					</td>
				</tr>
			</table>
			<h2 class="title"><?php esc_html_e( 'Script', 'vtex-elements' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Load the kit from', 'vtex-elements' ); ?></th>
					<td>
						<fieldset>
							<legend class="screen-reader-text"><?php esc_html_e( 'Load the kit from', 'vtex-elements' ); ?></legend>
							<label><input type="radio" name="<?php echo esc_attr( $name( 'source' ) ); ?>" value="bundled" <?php checked( $settings['source'], 'bundled' ); ?>> <?php esc_html_e( 'The copy bundled with this plugin', 'vtex-elements' ); ?></label><br>
							<label><input type="radio" name="<?php echo esc_attr( $name( 'source' ) ); ?>" value="cdn" <?php checked( $settings['source'], 'cdn' ); ?>> <?php esc_html_e( 'A CDN URL', 'vtex-elements' ); ?></label>
						</fieldset>
					</td>
				</tr>
				<?php vtex_elements_text_row( 'cdn_url', __( 'CDN URL', 'vtex-elements' ), __( 'The kit\'s loader.js or vtex-elements.js on your CDN.', 'vtex-elements' ), 'url', 'https://cdn.example.com/vtex-elements/dist/loader.js' ); ?>
			</table>
			<h2 class="title"><?php esc_html_e( 'Appearance', 'vtex-elements' ); ?></h2>
			<table class="form-table" role="presentation">
				<tr>
					<th scope="row"><?php esc_html_e( 'Theme colours and fonts', 'vtex-elements' ); ?></th>
					<td>
						<label><input type="checkbox" id="vtex-elements-theme-tokens" name="<?php echo esc_attr( $name( 'theme_tokens' ) ); ?>" value="1" <?php checked( (bool) $settings['theme_tokens'] ); ?>> <?php esc_html_e( 'Use the theme\'s palette and fonts (theme.json) for the store', 'vtex-elements' ); ?></label>
						<p class="description"><?php esc_html_e( 'Turn off to keep the kit\'s own colours, or to set the --vtex-* tokens in your theme\'s CSS.', 'vtex-elements' ); ?></p>
					</td>
				</tr>
			</table>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
