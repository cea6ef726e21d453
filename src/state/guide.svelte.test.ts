import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fresh guide, as on a new page load, reading whatever the last one remembered. */
async function loadGuide() {
  vi.resetModules();
  return (await import('./guide.svelte')).guide;
}

describe('the guide', () => {
  beforeEach(() => localStorage.clear());

  it('on a first visit shows itself until the data is known, stays open for a newcomer, and on the next load', async () => {
    const guide = await loadGuide();
    expect(guide.undecided).toBe(true);
    expect(guide.open).toBe(true);
    guide.firstVisit(false);
    expect(guide.open).toBe(true);
    guide.firstVisit(true);
    expect(guide.open).toBe(true);
    expect((await loadGuide()).open).toBe(true);
  });

  it('closes for someone who already has data, and stays closed until asked for', async () => {
    const guide = await loadGuide();
    guide.firstVisit(true);
    expect(guide.open).toBe(false);
    const next = await loadGuide();
    expect(next.undecided).toBe(false);
    expect(next.open).toBe(false);
    next.show();
    expect((await loadGuide()).open).toBe(true);
  });

  it('remembers a skip and the steps only the student can say they did', async () => {
    const guide = await loadGuide();
    guide.firstVisit(false);
    guide.markCompared();
    guide.markClassifiedLive();
    guide.skip();
    const next = await loadGuide();
    expect(next.open).toBe(false);
    expect(next.acknowledged).toEqual({ compared: true, classifiedLive: true });
  });

  it('treats a damaged remembered value as a first visit', async () => {
    localStorage.setItem('motion-lab.guide', '{not json');
    expect((await loadGuide()).undecided).toBe(true);
  });
});
