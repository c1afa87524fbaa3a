import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeFingerprint } from '../../utils/engine';
import { parsePackText, serialisePack } from '../../utils/pack';
import { buildDefaultPack, DEFAULT_PACK_FILE, SEED_FILE, sharedDir } from '../../scripts/build-default-pack';

describe('public/packs/default.json', () => {
  const text = readFileSync(DEFAULT_PACK_FILE, 'utf8');

  it('is a valid pack holding the French seed original: metadata and fingerprint, no text', () => {
    const r = parsePackText(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.originals).toHaveLength(1);
    const o = r.pack.originals[0];
    expect(o).toMatchObject({ title: 'Camaïeu victime d’une cyberattaque', lang: 'fr', author: 'Yohann G.' });
    expect(o.id).toBe('seed:camaieu');
    expect(decodeFingerprint(o.fingerprint).lang).toBe('fr');
    expect(text).not.toMatch(/prêt-à-porter|Ouzzani|Würth|A lire également/);
  });

  const seed = path.join(sharedDir(), 'seeds', SEED_FILE);
  it.skipIf(!existsSync(seed))('is what `npm run pack:default` builds from the seed today (rerun it after engine changes)', () => {
    const rebuilt = buildDefaultPack(readFileSync(seed, 'utf8'));
    expect(rebuilt.ok).toBe(true);
    if (rebuilt.ok) expect(serialisePack(rebuilt.pack), 'default.json is stale: run `npm run pack:default`').toBe(text);
  });

  it('says what is wrong when the seed does not have the expected shape', () => {
    const r = buildDefaultPack('just one paragraph.');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0].message).toMatch(/did not read as slug, title, paragraphs, byline/);
  });
});
