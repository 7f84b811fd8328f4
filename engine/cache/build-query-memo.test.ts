import { describe, expect, it } from 'vitest';
import { BuildQueryMemo } from './build-query-memo.js';

describe('BuildQueryMemo', () => {
  it('answers the same node fingerprint and query once, and a different fingerprint or query anew', async () => {
    const memo = new BuildQueryMemo();
    let computed = 0;
    const compute = async () => [{ n: ++computed }];
    expect(await memo.answer('fp1', 'SELECT avg(x)', compute)).toEqual([{ n: 1 }]);
    expect(await memo.answer('fp1', 'SELECT avg(x)', compute)).toEqual([{ n: 1 }]);
    expect(await memo.answer('fp2', 'SELECT avg(x)', compute)).toEqual([{ n: 2 }]);
    expect(await memo.answer('fp1', 'SELECT avg(y)', compute)).toEqual([{ n: 3 }]);
    expect(computed).toBe(3);
  });

  it('keeps no failure: the next build asks again', async () => {
    const memo = new BuildQueryMemo();
    await expect(memo.answer('fp', 'q', () => Promise.reject(new Error('file is locked')))).rejects.toThrow('file is locked');
    expect(await memo.answer('fp', 'q', async () => [{ ok: true }])).toEqual([{ ok: true }]);
  });

  it('hands out copies, so node code changing its rows cannot change the next answer', async () => {
    const memo = new BuildQueryMemo();
    const first = await memo.answer('fp', 'q', async () => [{ category: 'a' }]);
    first[0]!.category = 'changed';
    first.push({ category: 'extra' });
    const second = await memo.answer('fp', 'q', async () => [{ category: 'never asked' }]);
    second[0]!.category = 'changed again';
    expect(await memo.answer('fp', 'q', async () => [])).toEqual([{ category: 'a' }]);
  });

  it('drops the least recently used answer beyond its capacity, and keeps no large answer', async () => {
    const memo = new BuildQueryMemo(2, 3);
    let computed = 0;
    const compute = async () => [{ n: ++computed }];
    await memo.answer('a', 'q', compute);
    await memo.answer('b', 'q', compute);
    await memo.answer('a', 'q', compute); // a is now the most recently used
    await memo.answer('c', 'q', compute); // b goes
    expect(memo.size).toBe(2);
    expect(await memo.answer('a', 'q', compute)).toEqual([{ n: 1 }]);
    expect(await memo.answer('b', 'q', compute)).toEqual([{ n: 4 }]);
    const large = async () => [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }];
    await memo.answer('big', 'q', large);
    let asked = false;
    await memo.answer('big', 'q', async () => {
      asked = true;
      return [];
    });
    expect(asked).toBe(true);
  });
});
