import { flushSync, mount, tick, unmount } from 'svelte';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { tidyLabel } from '../../lib/store/labels';
import { StoreError } from '../../lib/store/store-error';
import InlineRename from './InlineRename.svelte';

describe('InlineRename', () => {
  let component: ReturnType<typeof mount> | undefined;
  afterEach(() => {
    if (component) unmount(component);
    document.body.innerHTML = '';
  });

  function open(onSave = vi.fn(async () => undefined), onCancel = vi.fn()) {
    const opener = document.body.appendChild(document.createElement('button'));
    opener.focus();
    const target = document.body.appendChild(document.createElement('div'));
    component = mount(InlineRename, { target, props: { value: 'walking', label: 'New name for “walking”', check: tidyLabel, onSave, onCancel } });
    flushSync();
    const input = document.querySelector('input') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      flushSync();
    };
    const key = (name: string) => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
      if (name === 'Enter') input.form?.requestSubmit();
      flushSync();
    };
    return { opener, input, type, key, onSave, onCancel };
  }

  test('starts with the name selected in a labelled field; Escape cancels', () => {
    const { input, key, onCancel, onSave } = open();
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('walking');
    expect(document.querySelector('label')?.textContent).toContain('New name for “walking”');
    key('Escape');
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSave).not.toHaveBeenCalled();
  });

  test('a name that breaks the rule is not saved: the message shows under the field and describes it, and clears once fixed', async () => {
    const { input, type, key, onSave } = open();
    type('   ');
    key('Enter');
    await tick();
    expect(onSave).not.toHaveBeenCalled();
    const message = document.querySelector('[role="alert"]');
    expect(message?.textContent).toBe('A label needs a name.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(message?.id);
    type('jogging');
    expect(document.querySelector('[role="alert"]')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBe('false');
    key('Enter');
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith('jogging'));
  });

  test("the save's own refusal is shown the same way, and the field stays open", async () => {
    const onSave = vi.fn(async () => {
      throw new StoreError('error.label.exists', { label: 'running' });
    });
    const { type, key, input } = open(onSave);
    type('running');
    key('Enter');
    await vi.waitFor(() => expect(document.querySelector('[role="alert"]')?.textContent).toBe('There is already a label “running”.'));
    expect(document.activeElement).toBe(input);
  });
});
