import { describe, expect, it } from 'vitest';
import { acceptKey, ownerOf, readingsIn, retypeKey, type Phase } from './key-owner';

const phases: Phase[] = ['typing', 'waiting', 'asking', 'retyping'];

describe('who takes a key on the entry screen', () => {
  it('gives every key to the fields while typing, and queues every key while a save is in flight', () => {
    for (const key of ['5', 'Enter', 'Tab', 'F8', acceptKey, 'Escape']) {
      expect(ownerOf('typing', key)).toBe('field');
      expect(ownerOf('waiting', key)).toBe('queue');
    }
  });

  it('never lets a rhythm key of the loop answer a question: digits and Enter are dropped as blind typing', () => {
    for (const key of ['0', '9', 'Enter', 'Tab', 'Backspace', ' ']) expect(ownerOf('asking', key)).toBe('dropped');
    expect(ownerOf('asking', acceptKey)).toBe('accept');
    expect(ownerOf('asking', retypeKey)).toBe('retype');
    expect(ownerOf('asking', 'Escape')).toBe('cancel');
    expect(ownerOf('asking', 'ArrowDown')).toBe('swallowed');
  });

  it('gives the re-type field its digits and Enter once the operator chose to re-type', () => {
    for (const key of ['4', 'Enter', 'Backspace']) expect(ownerOf('retyping', key)).toBe('field');
    expect(ownerOf('retyping', 'Escape')).toBe('cancel');
  });

  it('voids commands mid-save and mid-question, and leaves modifier presses alone everywhere', () => {
    expect(ownerOf('waiting', 'g', true)).toBe('swallowed');
    expect(ownerOf('asking', 'g', true)).toBe('swallowed');
    expect(ownerOf('typing', 'g', true)).toBe('field');
    for (const phase of phases) expect(ownerOf(phase, 'Shift')).toBe('field');
  });
});

describe('counting the readings in dropped keys', () => {
  it('counts each unbroken run of digits once', () => {
    expect(readingsIn([])).toBe(0);
    expect(readingsIn(['1', '2', 'Enter', 'Enter', '3', '4', 'Enter'])).toBe(2);
    expect(readingsIn(['Enter', 'Enter'])).toBe(0);
    expect(readingsIn(['7'])).toBe(1);
  });
});
