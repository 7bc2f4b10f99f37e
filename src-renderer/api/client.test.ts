import { describe, expect, it, vi } from 'vitest';
import { createApi } from './client';
import type { Transport } from './transport';

const answering =
  (value: unknown): Transport =>
  () =>
    Promise.resolve({ ok: true, value });

describe('createApi', () => {
  it('tells of a change after a write, never after a read', async () => {
    const onChanged = vi.fn();
    const api = createApi({ transport: answering({ id: 1 }), locale: 'uk', onChanged });
    await api.call('sections.list', {});
    expect(onChanged).not.toHaveBeenCalled();
    await api.call('sections.save', { name: 'Північна', settlementId: null });
    expect(onChanged).toHaveBeenCalledWith('sections.save');
  });

  it('tells of no change when the core refuses', async () => {
    const onChanged = vi.fn();
    const onSessionLost = vi.fn();
    const transport: Transport = () => Promise.resolve({ ok: false, error: { code: 'auth.required', message: 'Увійдіть' } });
    const api = createApi({ transport, locale: 'uk', onChanged, onSessionLost });
    await expect(api.call('sections.save', { name: 'Північна', settlementId: null })).rejects.toThrow('Увійдіть');
    expect(onChanged).not.toHaveBeenCalled();
    expect(onSessionLost).toHaveBeenCalledOnce();
  });
});
