import { expect, it } from 'vitest';
import { assertSupportedNode } from './node-version';

it('names the Node version it needs instead of crashing', () => {
  expect(() => assertSupportedNode('20.20.2')).toThrow(/22\.14.*20\.20\.2/);
  expect(() => assertSupportedNode('22.13.9')).toThrow(/22\.14/);
  expect(() => assertSupportedNode('22.14.0')).not.toThrow();
  expect(() => assertSupportedNode('24.1.0')).not.toThrow();
});
