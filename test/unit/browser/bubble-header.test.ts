import { describe, expect, it } from 'vitest';
import { isStatusLine, nameFromHeading } from '../../../src-main/core/browser/linkedin/bubble-header.js';
import { sameName } from '../../../src-main/core/browser/linkedin/text.js';

describe('nameFromHeading', () => {
  it('reads a plain name, and a name with odd spacing', () => {
    expect(nameFromHeading('Élodie Lefèvre', [])).toBe('Élodie Lefèvre');
    expect(nameFromHeading('\n  Élodie\u00a0 Lefèvre \n', [])).toBe('Élodie Lefèvre');
  });

  it('leaves out a status line under the name, in English and French', () => {
    for (const status of ['Active now', 'Disponible sur mobile', 'Actif maintenant', 'Active 5m ago', 'Actif il y a 2 h', 'Mobile • 2h ago', 'Status is reachable']) {
      expect(nameFromHeading(`Élodie Lefèvre\n${status}`, []), status).toBe('Élodie Lefèvre');
      expect(nameFromHeading(`${status}\nÉlodie Lefèvre`, []), status).toBe('Élodie Lefèvre');
      expect(isStatusLine(status), status).toBe(true);
    }
  });

  it('leaves out a degree badge or a status after the name on the same line', () => {
    expect(nameFromHeading('Élodie Lefèvre · 1st', [])).toBe('Élodie Lefèvre');
    expect(nameFromHeading('Élodie Lefèvre • 2e\nActif maintenant', [])).toBe('Élodie Lefèvre');
    expect(nameFromHeading('Élodie Lefèvre • Active now', [])).toBe('Élodie Lefèvre');
    expect(nameFromHeading('Premium\nÉlodie Lefèvre', [])).toBe('Élodie Lefèvre');
  });

  it('leaves out visually hidden text, even when it runs into the name on one line', () => {
    const name = 'Élodie Lefèvre';
    expect(nameFromHeading(`Open the profile of ${name}${name}`, [`Open the profile of ${name}`])).toBe(name);
    expect(nameFromHeading(`Ouvrir le profil de ${name}${name}`, [`Ouvrir le profil de ${name}`])).toBe(name);
    // A hint that is not marked hidden is still not the name.
    expect(nameFromHeading(`Ouvrir le profil de ${name}\n${name}`, [])).toBe(name);
  });

  it('gives the name in the form shown, which compares equal to the stored one', () => {
    const shown = nameFromHeading('E\u0301lodie\u00a0Lefe\u0300vre · 1st\nActive now', []);
    expect(shown).not.toBeNull();
    expect(sameName(shown!, 'Élodie Lefèvre')).toBe(true);
  });

  it('returns null when only status, badges or hints are left', () => {
    expect(nameFromHeading('Active now', [])).toBeNull();
    expect(nameFromHeading('Open the profile of Élodie Lefèvre', ['Open the profile of Élodie Lefèvre'])).toBeNull();
    expect(nameFromHeading('', [])).toBeNull();
  });

  it('keeps a name that contains a status-like word', () => {
    expect(nameFromHeading('Mobile Martin', [])).toBe('Mobile Martin');
    expect(nameFromHeading('Jean Disponible\nEn ligne', [])).toBe('Jean Disponible');
  });
});
