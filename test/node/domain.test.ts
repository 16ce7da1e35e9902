/** src/domain: the DOM-free helpers the kit and the sandbox share (one CPF check, one PRNG, one sort list). */
import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {isCpfNumber} from '../../src/domain/cpf.js';
import {mulberry32} from '../../src/domain/prng.js';
import {SORTS} from '../../src/domain/sorts.js';
import {isValidCpf} from '../../src/sandbox/checkout/data.js';
import {isSort, SORTS as SANDBOX_SORTS} from '../../src/sandbox/catalog/search.js';

describe('src/domain', () => {
  it('isCpfNumber checks both CPF check digits and refuses repeated digits', () => {
    assert.equal(isCpfNumber('52998224725'), true);
    assert.equal(isCpfNumber('52998224724'), false, 'second check digit wrong');
    assert.equal(isCpfNumber('52998224735'), false, 'first check digit wrong');
    assert.equal(isCpfNumber('11111111111'), false);
    assert.equal(isCpfNumber('5299822472'), false, 'ten digits');
    assert.equal(isCpfNumber('529.982.247-25'), false, 'digits only: callers strip the formatting');
    assert.equal(isValidCpf('529.982.247-25'), true, 'the sandbox strips it');
  });

  it('mulberry32 is deterministic per seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({length: 50}, () => a());
    assert.deepEqual(
      Array.from({length: 50}, () => b()),
      xs,
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(Array.from({length: 5}, mulberry32(43)), xs.slice(0, 5));
  });

  it("the sandbox searches by exactly the grid's sorts (relevance is no sort)", () => {
    assert.deepEqual([...SANDBOX_SORTS], SORTS.filter(Boolean));
    for (const s of SORTS) assert.equal(isSort(s), s !== '', `"${s}"`);
  });
});
