/** The contract validator itself: cases that must pass and cases that must fail. */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {
  findTemplate,
  requestSchema,
  responseSchema,
  validate,
  wildcardPath,
  type OpenApiDocument,
  type Schema,
} from './schema.js';

const doc: OpenApiDocument = {
  openapi: '3.0.0',
  paths: {
    '/api/thing/{id}': {
      get: {
        responses: {
          '200': {
            content: {'application/json; charset=utf-8': {schema: {$ref: '#/components/schemas/Thing'}}},
          },
          '404': {$ref: '#/components/responses/NotFound'},
          '204': {description: 'empty'},
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        type: 'object',
        required: ['id', 'price'],
        properties: {
          id: {type: 'string'},
          price: {type: 'integer'},
          ratio: {type: 'number'},
          tags: {type: 'array', items: {type: 'string'}},
          status: {type: 'string', enum: ['on', 'off']},
          owner: {$ref: '#/components/schemas/Owner'},
          note: {type: 'string', nullable: true},
          child: {$ref: '#/components/schemas/Thing'},
        },
      },
      Owner: {
        type: 'object',
        required: ['email'],
        properties: {email: {type: 'string'}},
        additionalProperties: false,
      },
      Error: {type: 'object', properties: {error: {type: 'object'}}},
    },
    responses: {
      NotFound: {content: {'application/json': {schema: {$ref: '#/components/schemas/Error'}}}},
    },
  },
};

const thing = responseSchema(doc, '/api/thing/{id}', 'GET', 200);
const check = (value: unknown, schema: Schema = thing) => validate(doc, schema, value);

describe('contract schema validator', () => {
  it('accepts a valid instance, including extra properties and nested refs', () => {
    assert.deepEqual(
      check({
        id: 'a',
        price: 100,
        ratio: 1,
        tags: ['x'],
        status: 'on',
        owner: {email: 'e'},
        note: null,
        extra: 1,
        child: {id: 'b', price: 1},
      }),
      [],
    );
  });

  it('fails a missing required field with its path', () => {
    assert.deepEqual(check({id: 'a'}), [{path: '$.price', message: 'is required but missing'}]);
  });

  it('fails wrong types: string for integer, float for integer, object for array', () => {
    assert.equal(check({id: 'a', price: '100'})[0]?.path, '$.price');
    assert.match(check({id: 'a', price: 1.5})[0]!.message, /expected integer, got number/);
    assert.match(check({id: 'a', price: 1, tags: {}})[0]!.message, /expected array/);
    assert.equal(check('thing').length, 1);
  });

  it('checks array items with indexed paths', () => {
    const errors = check({id: 'a', price: 1, tags: ['ok', 2, 'ok', false]});
    assert.deepEqual(
      errors.map((e) => e.path),
      ['$.tags[1]', '$.tags[3]'],
    );
    assert.equal(wildcardPath(errors[0]!.path), '$.tags[*]');
  });

  it('fails enum violations', () => {
    assert.match(check({id: 'a', price: 1, status: 'maybe'})[0]!.message, /not one of/);
  });

  it('treats null as invalid unless nullable', () => {
    assert.deepEqual(check({id: 'a', price: 1, note: null}), []);
    assert.match(check({id: null, price: 1})[0]!.message, /not nullable/);
  });

  it('follows $refs into nested objects and enforces additionalProperties: false', () => {
    assert.deepEqual(
      check({id: 'a', price: 1, owner: {}}).map((e) => e.path),
      ['$.owner.email'],
    );
    assert.match(
      check({id: 'a', price: 1, owner: {email: 'e', password: 'x'}})[0]!.message,
      /additionalProperties/,
    );
    assert.deepEqual(
      check({id: 'a', price: 1, child: {id: 'b'}}).map((e) => e.path),
      ['$.child.price'],
    );
  });

  it('validates additionalProperties given as a schema', () => {
    const map: Schema = {type: 'object', additionalProperties: {type: 'integer'}};
    assert.deepEqual(check({a: 1, b: 2}, map), []);
    assert.equal(check({a: 1, b: 'x'}, map)[0]?.path, '$.b');
  });

  it('implements oneOf (exactly one), anyOf (at least one) and allOf (all)', () => {
    const one: Schema = {oneOf: [{type: 'string'}, {type: 'integer'}]};
    assert.deepEqual(check('x', one), []);
    assert.equal(check(true, one).length, 1);
    const overlapping: Schema = {oneOf: [{type: 'number'}, {type: 'integer'}]};
    assert.match(check(3, overlapping)[0]!.message, /exactly one/);
    const any: Schema = {anyOf: [{type: 'string'}, {type: 'integer'}]};
    assert.deepEqual(check(3, any), []);
    assert.equal(check([], any).length, 1);
    const all: Schema = {
      allOf: [
        {type: 'object', required: ['a']},
        {type: 'object', required: ['b']},
      ],
    };
    assert.deepEqual(check({a: 1, b: 1}, all), []);
    assert.deepEqual(
      check({a: 1}, all).map((e) => e.path),
      ['$.b'],
    );
  });

  it('finds response schemas by path, method and status, through response $refs', () => {
    assert.deepEqual(validate(doc, responseSchema(doc, '/api/thing/{id}', 'get', '404'), {error: {}}), []);
    assert.throws(() => responseSchema(doc, '/api/thing/{id}', 'POST', 200), /No operation/);
    assert.throws(() => responseSchema(doc, '/api/thing/{id}', 'GET', 500), /No 500 response/);
    assert.throws(() => responseSchema(doc, '/api/thing/{id}', 'GET', 204), /No JSON schema/);
    assert.throws(() => validate(doc, {$ref: '#/components/schemas/Nope'}, {}), /Unresolvable/);
    assert.throws(() => validate(doc, {$ref: 'other.json#/x'}, {}), /Only local/);
  });

  it('finds request-body schemas and the template of a concrete path', () => {
    const api: OpenApiDocument = {
      paths: {
        '/a/{id}/items': {post: {requestBody: {content: {'application/json': {schema: {type: 'array'}}}}}},
        '/a/{id}/{name}': {post: {}},
        '/search/{facets}': {get: {}},
      },
    };
    assert.deepEqual(requestSchema(api, '/a/{id}/items', 'POST'), {type: 'array'});
    assert.equal(requestSchema(api, '/a/{id}/{name}', 'POST'), undefined);
    assert.equal(findTemplate(api, '/a/123/items', 'POST'), '/a/{id}/items', 'most literal segments win');
    assert.equal(findTemplate(api, '/a/123/other', 'POST'), '/a/{id}/{name}');
    assert.equal(findTemplate(api, '/a/123/items', 'GET'), undefined);
    assert.equal(findTemplate(api, '/search/', 'GET'), '/search/{facets}');
    assert.equal(findTemplate(api, '/search/brand/acme', 'GET'), '/search/{facets}', 'facets span segments');
  });

  it('stops on cyclic refs instead of recursing forever', () => {
    const cyclic = {components: {schemas: {A: {$ref: '#/components/schemas/A'}}}};
    assert.match(validate(cyclic, {$ref: '#/components/schemas/A'}, {})[0]!.message, /too deep/);
  });
});
