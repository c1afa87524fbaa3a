import { describe, expect, it } from 'vitest';
import { THRESHOLD } from '@/utils/engine';
import {
  DEFAULT_SETTINGS, hostOf, loadSettings, normaliseHost, readSettings, saveSettings, setSiteSkipped, skipEntryFor,
  thresholdFor, type SettingsArea,
} from '@/utils/store/settings';

function memory(initial: Record<string, unknown> = {}): SettingsArea & { data: Record<string, unknown> } {
  const data = { ...initial };
  return { data, get: async (k) => (k in data ? { [k]: data[k] } : {}), set: async (items) => void Object.assign(data, items) };
}

describe('settings', () => {
  it('maps sensitivity onto the engine threshold', () => {
    expect(thresholdFor('normal')).toBe(THRESHOLD);
    expect(thresholdFor('strict')).toBeCloseTo(THRESHOLD + 0.15);
    expect(thresholdFor('sensitive')).toBeCloseTo(THRESHOLD - 0.15);
  });

  it('reads damaged values field by field, never throwing', async () => {
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ sensitivity: 'paranoid', skipHosts: 'x' })).toEqual(DEFAULT_SETTINGS);
    expect(readSettings({ sensitivity: 'strict', skipHosts: ['B.example', 'a.example', 'javascript:x', 'b.example', 42] })).toEqual({
      sensitivity: 'strict',
      skipHosts: ['a.example', 'b.example'],
    });
    expect(await loadSettings(memory({ settings: '{{{' }))).toEqual(DEFAULT_SETTINGS);
    const broken: SettingsArea = { get: async () => { throw new Error('gone'); }, set: async () => undefined };
    expect(await loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
  });

  it('normalises hosts from what people paste', () => {
    expect(normaliseHost(' News.Example.org ')).toBe('news.example.org');
    expect(normaliseHost('https://www.example.org/path?q')).toBe('www.example.org');
    expect(normaliseHost('example.org.')).toBe('example.org');
    for (const bad of ['', 'javascript:alert(1)', 'file:///x', 'a b.example', '-x.example', 'x'.repeat(300)]) expect(normaliseHost(bad), bad).toBeNull();
    expect(hostOf('chrome://settings')).toBeNull();
    expect(hostOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
  });

  it('a listed site covers its subdomains; pausing and resuming round-trip', async () => {
    const area = memory();
    await saveSettings({ sensitivity: 'sensitive', skipHosts: ['example.org'] }, area);
    const s = await loadSettings(area);
    expect(skipEntryFor(s, 'https://news.example.org/a')).toBe('example.org');
    expect(skipEntryFor(s, 'https://example.org.evil.test/')).toBeNull();
    expect(skipEntryFor(s, 'https://notexample.org/')).toBeNull();
    expect((await setSiteSkipped('news.other.test', true, area)).skipHosts).toEqual(['example.org', 'news.other.test']);
    // Resuming a page's site lifts whatever entry covers it.
    expect((await setSiteSkipped('www.example.org', false, area)).skipHosts).toEqual(['news.other.test']);
    expect((await loadSettings(area)).sensitivity).toBe('sensitive');
  });
});
