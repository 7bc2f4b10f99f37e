import { describe, expect, it } from 'vitest';
import { replayKeys } from './type-ahead';

const keys = (text: string) =>
  text
    .split(/(\{[A-Za-z]+\})|/)
    .filter(Boolean)
    .map((k) => k.replace(/[{}]/g, ''));

describe('replaying keys typed ahead', () => {
  it('types into Показник, moves on with Enter and saves on the second Enter', () => {
    expect(replayKeys(keys('1234{Enter}{Enter}5678{Enter}'), { focus: 'value', value: '' })).toEqual({
      focus: 'execute',
      value: '1234',
      commit: true,
      rest: keys('5678{Enter}'),
    });
  });

  it('keeps a half-typed reading and the focus where the keys left them', () => {
    expect(replayKeys(keys('98{Backspace}7'), { focus: 'value', value: '' })).toEqual({
      focus: 'value',
      value: '97',
      commit: false,
      rest: [],
    });
    expect(replayKeys(keys('45{Tab}'), { focus: 'value', value: '1' })).toEqual({
      focus: 'execute',
      value: '145',
      commit: false,
      rest: [],
    });
  });

  it('ignores keys that mean nothing to a reading, and characters typed onto the button', () => {
    expect(replayKeys(['F8', 'ArrowDown', '5', 'Enter', '7', 'Enter'], { focus: 'value', value: '' })).toEqual({
      focus: 'execute',
      value: '5',
      commit: true,
      rest: [],
    });
  });
});
