import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const sent: Array<{ html: string; url: string }> = [];
vi.mock('@/utils/messaging', () => ({
  sendMessage: vi.fn(async (_type: string, data: { html: string; url: string }) => {
    sent.push(data);
    return { page: { url: data.url }, sample: null };
  }),
}));

const { createOffscreenReader, OFFSCREEN_PATH } = await import('@/utils/background/offscreen-reader');

function fakeOffscreen() {
  let open = false;
  const api = {
    created: 0,
    closed: 0,
    createDocument: vi.fn(async (p: { url: string; reasons: string[] }) => {
      expect(p).toMatchObject({ url: OFFSCREEN_PATH, reasons: ['DOM_PARSER'] });
      if (open) throw new Error('Only a single offscreen document may be created.');
      open = true;
      api.created++;
    }),
    closeDocument: vi.fn(async () => {
      open = false;
      api.closed++;
    }),
    hasDocument: vi.fn(async () => open),
  };
  return api;
}

describe('the offscreen reader (Chrome)', () => {
  let api: ReturnType<typeof fakeOffscreen>;
  beforeEach(() => {
    vi.useFakeTimers();
    sent.length = 0;
    api = fakeOffscreen();
    (globalThis as { chrome?: unknown }).chrome = { offscreen: api };
  });
  afterEach(() => {
    vi.useRealTimers();
    delete (globalThis as { chrome?: unknown }).chrome;
  });

  it('opens one document for reads at once, hands each page over, and closes it once idle', async () => {
    const read = createOffscreenReader(1000);
    const results = await Promise.all([read('<p>a</p>', 'https://a.example/'), read('<p>b</p>', 'https://b.example/')]);
    expect(results.map((r) => r?.page.url)).toEqual(['https://a.example/', 'https://b.example/']);
    expect(sent.map((s) => s.url)).toEqual(['https://a.example/', 'https://b.example/']);
    expect(api.created).toBe(1);
    expect(api.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(api.closed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.closed).toBe(1);
    // and opens it again for the next page
    await read('<p>c</p>', 'https://c.example/');
    expect(api.created).toBe(2);
  });

  it('keeps the document open while reads follow each other', async () => {
    const read = createOffscreenReader(1000);
    for (let i = 0; i < 3; i++) {
      await read('<p>x</p>', `https://x.example/${i}`);
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(api.created).toBe(1);
    expect(api.closed).toBe(0);
  });

  it('reads nothing where the browser has no offscreen documents', async () => {
    delete (globalThis as { chrome?: unknown }).chrome;
    expect(await createOffscreenReader()('<p>x</p>', 'https://x.example/')).toBeNull();
    expect(sent).toEqual([]);
  });
});
