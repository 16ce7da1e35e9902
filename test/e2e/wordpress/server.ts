/**
 * A real WordPress from Debian's packages for one test run, with nothing shared with the machine's own:
 * MariaDB on a socket in a temp dir, Apache (mod_php) on 127.0.0.1 and a free port, its own wp-content and
 * its own config (`/etc/wordpress/config-<id>.php`, chosen by `SetEnv WORDPRESS_CONFIG`). Stopped by PID.
 *
 * Needs: apt-get install wordpress wordpress-theme-twentytwentythree apache2 libapache2-mod-php php-mysql
 * mariadb-server (`.ci/run` installs them when missing), and root (Apache drops to www-data).
 */
import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';

export const WP_PACKAGES =
  'wordpress wordpress-theme-twentytwentythree apache2 libapache2-mod-php php-cli php-mysql mariadb-server mariadb-client';
const WP_ROOT = '/usr/share/wordpress';
const THEME = `${WP_ROOT}/wp-content/themes/twentytwentythree`;

/** Why WordPress cannot run here, or undefined. */
export function missing(): string | undefined {
  const need = [
    [WP_ROOT + '/wp-settings.php', 'wordpress'],
    [THEME, 'wordpress-theme-twentytwentythree'],
    ['/usr/sbin/apache2', 'apache2'],
    ['/usr/sbin/mariadbd', 'mariadb-server'],
  ].filter(([p]) => !existsSync(p!));
  if (!phpModule()) need.push(['', 'libapache2-mod-php']);
  if (process.getuid?.() !== 0)
    return 'the WordPress test runs Apache and MariaDB as root (they drop privileges)';
  return need.length
    ? `missing ${need.map(([, pkg]) => pkg).join(', ')}: apt-get install -y ${WP_PACKAGES}`
    : undefined;
}

function phpModule(): string | undefined {
  const dir = '/usr/lib/apache2/modules';
  if (!existsSync(dir)) return undefined;
  const so = readdirSync(dir).find((f) => /^libphp[\d.]*\.so$/.test(f));
  return so && path.join(dir, so);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const {port} = srv.address() as {port: number};
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const php = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export interface WordPress {
  origin: string;
  dir: string;
  contentDir: string;
  adminUser: string;
  adminPassword: string;
  /** Runs SQL as root on the site's database server. */
  sql(statement: string): string;
  /** The last lines of Apache's and PHP's error log. */
  errors(): string;
  stop(): Promise<void>;
}

export async function startWordPress(log: (line: string) => void = () => {}): Promise<WordPress> {
  const why = missing();
  if (why) throw new Error(`WordPress cannot run: ${why}`);
  const id = `vtexe2e${process.pid}${Math.random().toString(36).slice(2, 8)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'vtex-wp-'));
  chmodSync(dir, 0o755);
  const children: ChildProcess[] = [];
  const configFile = `/etc/wordpress/config-${id}.php`;
  // Detached servers outlive a crashed test unless stopped here (by their PIDs).
  const onExit = () => {
    for (const child of children)
      if (child.exitCode === null && child.pid) process.kill(child.pid, 'SIGTERM');
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(configFile, {force: true});
    if (!process.env.KEEP_WORDPRESS) rmSync(dir, {recursive: true, force: true});
  };
  try {
    // MariaDB, on a socket only.
    const data = path.join(dir, 'db');
    // The socket, PID and log live where the mysql user may write.
    const dbRun = path.join(dir, 'db-run');
    mkdirSync(dbRun);
    spawnSync('chown', ['mysql:mysql', dbRun]);
    const socket = path.join(dbRun, 'mysql.sock');
    const init = spawnSync(
      'mariadb-install-db',
      ['--user=mysql', `--datadir=${data}`, '--auth-root-authentication-method=socket', '--skip-test-db'],
      {encoding: 'utf8'},
    );
    if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);
    const db = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        '--skip-networking',
        '--user=mysql',
        `--pid-file=${path.join(dbRun, 'mysql.pid')}`,
        `--log-error=${path.join(dbRun, 'mysql.err')}`,
        '--innodb-buffer-pool-size=32M',
        '--skip-log-bin',
      ],
      // Own process groups: on SIGTERM Apache signals its whole group, which must not include this test.
      {stdio: 'ignore', detached: true},
    );
    children.push(db);
    const sql = (statement: string) => {
      const r = spawnSync('mariadb', [`--socket=${socket}`, '-uroot', '-N', '-e', statement], {
        encoding: 'utf8',
      });
      if (r.status !== 0) throw new Error(`SQL failed: ${r.stderr}`);
      return r.stdout;
    };
    await waitFor('MariaDB', () => {
      if (db.exitCode !== null) throw new Error(`mariadbd exited: ${readLog(path.join(dbRun, 'mysql.err'))}`);
      return existsSync(socket);
    });
    const dbPassword = Math.random().toString(36).slice(2);
    sql(
      `CREATE DATABASE wordpress; CREATE USER 'wp'@'localhost' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wp'@'localhost';`,
    );
    log('mariadb up');

    // This site's own wp-content: the theme (a link to Debian's), plugins, uploads.
    const contentDir = path.join(dir, 'wp-content');
    for (const sub of ['plugins', 'themes', 'uploads', 'upgrade', 'mu-plugins'])
      mkdirSync(path.join(contentDir, sub), {recursive: true});
    symlinkSync(THEME, path.join(contentDir, 'themes', 'twentytwentythree'));
    spawnSync('chown', ['-R', 'www-data:www-data', contentDir]);

    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    writeFileSync(
      configFile,
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', ${php(dbPassword)});
define('DB_HOST', ${php(`localhost:${socket}`)});
define('WP_CONTENT_DIR', ${php(contentDir)});
define('WP_CONTENT_URL', ${php(`${origin}/wp-content`)});
define('WP_HOME', ${php(origin)});
define('WP_SITEURL', ${php(origin)});
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('FS_METHOD', 'direct');
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', ${php(path.join(dir, 'php-debug.log'))});
foreach (array('AUTH_KEY','SECURE_AUTH_KEY','LOGGED_IN_KEY','NONCE_KEY','AUTH_SALT','SECURE_AUTH_SALT','LOGGED_IN_SALT','NONCE_SALT') as $k) define($k, ${php(id)} . $k);
`,
    );
    writeFileSync(path.join(dir, 'php-debug.log'), '');
    spawnSync('chown', ['www-data:www-data', path.join(dir, 'php-debug.log')]);

    const run = path.join(dir, 'run');
    mkdirSync(run);
    const mods = '/usr/lib/apache2/modules';
    const conf = path.join(dir, 'apache2.conf');
    writeFileSync(
      conf,
      `ServerRoot /etc/apache2
DefaultRuntimeDir ${run}
PidFile ${run}/apache2.pid
Mutex file:${run} default
Listen 127.0.0.1:${port}
ServerName 127.0.0.1
User www-data
Group www-data
ErrorLog ${dir}/apache-error.log
LogLevel warn
LoadModule mpm_prefork_module ${mods}/mod_mpm_prefork.so
LoadModule authz_core_module ${mods}/mod_authz_core.so
LoadModule dir_module ${mods}/mod_dir.so
LoadModule mime_module ${mods}/mod_mime.so
LoadModule alias_module ${mods}/mod_alias.so
LoadModule env_module ${mods}/mod_env.so
LoadModule php_module ${phpModule()}
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 8
TypesConfig /etc/mime.types
AddType text/javascript .js .mjs
DirectoryIndex index.php index.html
<FilesMatch "\\.php$">
  SetHandler application/x-httpd-php
</FilesMatch>
php_value upload_max_filesize 32M
php_value post_max_size 32M
SetEnv WORDPRESS_CONFIG ${id}
DocumentRoot ${WP_ROOT}
Alias /wp-content ${contentDir}
<Directory />
  Require all denied
</Directory>
<Directory ${WP_ROOT}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory ${contentDir}>
  Options FollowSymLinks
  Require all granted
</Directory>
<Directory /usr/share/wordpress/wp-content>
  Options FollowSymLinks
  Require all granted
</Directory>
`,
    );
    const apache = spawn('/usr/sbin/apache2', ['-f', conf, '-D', 'FOREGROUND'], {
      stdio: 'ignore',
      detached: true,
    });
    children.push(apache);
    await waitFor('Apache', async () => {
      if (apache.exitCode !== null)
        throw new Error(`apache2 exited: ${readLog(path.join(dir, 'apache-error.log'))}`);
      return fetch(`${origin}/wp-admin/install.php`).then(
        (r) => r.status < 500,
        () => false,
      );
    });
    log('apache up');

    const adminUser = 'admin';
    const adminPassword = `pw-${Math.random().toString(36).slice(2)}`;
    const install = await fetch(`${origin}/wp-admin/install.php?step=2`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({
        weblog_title: 'Loja WordPress',
        user_name: adminUser,
        admin_password: adminPassword,
        admin_password2: adminPassword,
        pw_weak: 'on',
        admin_email: 'admin@example.com',
        blog_public: '0',
        language: '',
      }),
    });
    const body = await install.text();
    if (!install.ok || !/wp-login\.php/.test(body))
      throw new Error(`WordPress install failed (${install.status}): ${body.slice(0, 500)}`);
    log('wordpress installed');

    return {
      origin,
      dir,
      contentDir,
      adminUser,
      adminPassword,
      sql: (s) => sql(`USE wordpress; ${s}`),
      errors: () =>
        [readLog(path.join(dir, 'apache-error.log')), readLog(path.join(dir, 'php-debug.log'))]
          .filter(Boolean)
          .join('\n'),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

function readLog(file: string): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').split('\n').slice(-40).join('\n').trim();
}
