import { describe, expect, it } from 'vitest';
import { bylineName } from '@/utils/page/byline';

describe('bylineName', () => {
  it('keeps the name, drops the prefix, the date and the site', () => {
    expect(bylineName('Par Marie Tremblay · 2010-12-02')).toBe('Marie Tremblay');
    expect(bylineName('By Jane Doe | The Daily')).toBe('Jane Doe');
    expect(bylineName('Di Mario Rossi - 12/05/2024')).toBe('Mario Rossi');
    expect(bylineName('Von Anna Schmidt, Berlin')).toBe('Anna Schmidt');
    expect(bylineName('Jane Doe 2024-05-02 10:00')).toBe('Jane Doe');
    expect(bylineName('Yohann G.')).toBe('Yohann G.');
    expect(bylineName('Jean-Pierre Durand')).toBe('Jean-Pierre Durand');
    expect(bylineName('Bylines Are Names')).toBe('Bylines Are Names');
  });

  it('gives null for nothing', () => {
    expect(bylineName(null)).toBeNull();
    expect(bylineName(' · ')).toBeNull();
  });
});
