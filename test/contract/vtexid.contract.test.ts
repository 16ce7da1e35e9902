/**
 * Contract test of the VTEX ID routes the sandbox serves (VTEX---VTEX-ID-API.json): the access-key login
 * (start, send, validate), credential/validate, with their request bodies. The kit itself signs in on VTEX's
 * /login page and only calls logout, which the VTEX ID spec does not document (API.md §7.1); the bridge lets
 * no other VTEX ID route through.
 */
import {before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {conforms, cookieJarCaller, ORIGIN, requestConforms, spec, type SandboxModule} from './harness.js';
import {validate, type Schema} from './schema.js';

const EMAIL = 'vtexid.shopper@example.com';

describe('sandbox VTEX ID routes conform to the VTEX ID spec', () => {
  let sandbox: ReturnType<SandboxModule['createSandbox']>;
  let call: ReturnType<typeof cookieJarCaller>;
  let code = '';
  let jwt = '';

  before(async () => {
    const mod = await import('../../src/sandbox/index.js');
    sandbox = mod.createSandbox({allowedReturnOrigins: [ORIGIN]});
    call = cookieJarCaller(sandbox);
    code = mod.SANDBOX_ACCESS_CODE;
  });

  /** accesskey/validate takes multipart/form-data: its fields are checked against that schema. */
  async function validateAccessKey(login: string, accessKey: string) {
    const form = new FormData();
    form.set('login', login);
    form.set('accessKey', accessKey);
    const doc = spec('VTEXID');
    const op = doc.paths['/api/vtexid/pub/authentication/accesskey/validate']!.post! as {
      requestBody: {content: Record<string, {schema: Schema}>};
    };
    assert.deepEqual(
      validate(doc, op.requestBody.content['multipart/form-data']!.schema, Object.fromEntries(form)),
      [],
    );
    const body = new Response(form);
    return call('POST', '/api/vtexid/pub/authentication/accesskey/validate', await body.text(), {
      'Content-Type': body.headers.get('Content-Type')!,
    });
  }

  it('start authentication, send the access key (200 empty, 400 InvalidEmail)', async (t) => {
    const start = await call('GET', `/api/vtexid/pub/authentication/start?scope=${sandbox.account}`);
    assert.equal(start.status, 200, start.text.slice(0, 300));
    conforms(t, {
      spec: 'VTEXID',
      template: '/api/vtexid/pub/authentication/start',
      method: 'GET',
      status: 200,
      body: start.json,
    });
    const bad = await call('POST', '/api/vtexid/pub/authentication/accesskey/send?email=not-an-email');
    assert.equal(bad.status, 400);
    conforms(t, {
      spec: 'VTEXID',
      template: '/api/vtexid/pub/authentication/accesskey/send',
      method: 'POST',
      status: 400,
      body: bad.json,
    });
    const sent = await call(
      'POST',
      `/api/vtexid/pub/authentication/accesskey/send?email=${encodeURIComponent(EMAIL)}`,
    );
    assert.equal(sent.status, 200);
    assert.equal(sent.text, '', 'the spec documents a 200 without a body');
  });

  it('validate the access key: a wrong key (200 WrongCredentials), then the right one (200 Success)', async (t) => {
    const template = '/api/vtexid/pub/authentication/accesskey/validate';
    const wrong = await validateAccessKey(EMAIL, '000000');
    assert.equal(wrong.status, 200);
    assert.equal(wrong.json.authStatus, 'WrongCredentials');
    conforms(t, {spec: 'VTEXID', template, method: 'POST', status: 200, body: wrong.json});
    const ok = await validateAccessKey(EMAIL, code);
    assert.equal(ok.status, 200, ok.text.slice(0, 300));
    assert.equal(ok.json.authStatus, 'Success');
    conforms(t, {spec: 'VTEXID', template, method: 'POST', status: 200, body: ok.json});
    jwt = ok.json.authCookie.Value;
    const again = await validateAccessKey(EMAIL, code);
    assert.equal(again.status, 400, 'the flow is spent: InvalidToken');
    conforms(t, {spec: 'VTEXID', template, method: 'POST', status: 400, body: again.json});
  });

  it('credential/validate: the token (200), a forged one (401)', async (t) => {
    const template = '/api/vtexid/credential/validate';
    for (const [token, status] of [
      [jwt, 200],
      [`${jwt.slice(0, -2)}xx`, 401],
    ] as const) {
      const body = {token};
      requestConforms(t, {spec: 'VTEXID', template, method: 'POST', body});
      const r = await call('POST', `${template}?an=${sandbox.account}`, body);
      assert.equal(r.status, status, r.text.slice(0, 300));
      conforms(t, {spec: 'VTEXID', template, method: 'POST', status, body: r.json});
    }
  });

  it('through the bridge, only logout is served', async () => {
    const {createVtexBridge} = await import('../../src/bridge/index.js');
    const bridge = createVtexBridge({
      upstream: (r) => sandbox.fetch(r),
      account: sandbox.account,
      allowedOrigins: [],
    });
    for (const [method, path] of [
      ['GET', `/api/vtexid/pub/authentication/start?scope=${sandbox.account}`],
      ['POST', `/api/vtexid/pub/authentication/accesskey/send?email=${encodeURIComponent(EMAIL)}`],
      ['POST', '/api/vtexid/pub/authentication/accesskey/validate'],
      ['POST', '/api/vtexid/credential/validate'],
    ] as const) {
      const r = await bridge(
        new Request(ORIGIN + path, {method, headers: {'Sec-Fetch-Site': 'same-origin'}}),
      );
      assert.equal(r.status, 404, `${method} ${path}`);
    }
    const out = await bridge(
      new Request(`${ORIGIN}/api/vtexid/pub/logout?scope=${sandbox.account}`, {
        headers: {'Sec-Fetch-Site': 'same-origin'},
      }),
    );
    assert.equal(out.status, 200);
  });
});
