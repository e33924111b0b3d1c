import { describe, expect, it } from 'vitest';
import { parseCardLines, parseDegree } from '../../../src-main/core/browser/linkedin/profile-text.js';
import { splitName } from '../../../src-main/core/browser/linkedin/text.js';

describe('parseDegree', () => {
  it.each([
    ['· 1st', 1],
    ['• 2nd', 2],
    ['3rd+', 3],
    ['· 1er', 1],
    ['• 2e', 2],
    ['3e', 3],
    ['1st degree connection', 1],
    ['Relation de 2e niveau', 2],
    ['Paris', null],
    ['First steps', null],
  ] as const)('%s → %s', (line, degree) => {
    expect(parseDegree(line)).toBe(degree);
  });
});

describe('parseCardLines', () => {
  it('reads a classic profile top card (EN)', () => {
    const lines = [
      'Jane Doe',
      '1st degree connection',
      '· 1st',
      'Data Engineer at Acme',
      'Acme',
      'Paris, Île-de-France, France Contact info',
      '500+ connections',
      'Message',
      'More',
    ];
    expect(parseCardLines(lines, 'Jane Doe', ['Acme'])).toEqual({ headline: 'Data Engineer at Acme', location: 'Paris, Île-de-France, France', degree: 1 });
  });

  it('reads a modern profile top card (FR) without a company', () => {
    const lines = ['Camille Gauthier', '· 2e', 'Designer UX en freelance', 'Lyon, Auvergne-Rhône-Alpes, France', 'Coordonnées', '123 relations', 'Se connecter', 'Suivre', 'Plus'];
    expect(parseCardLines(lines, 'Camille Gauthier')).toEqual({ headline: 'Designer UX en freelance', location: 'Lyon, Auvergne-Rhône-Alpes, France', degree: 2 });
  });

  it('reads a search result with the badge on the name line and screen-reader hints', () => {
    const lines = ['Jane Doe', 'View Jane Doe’s profile', '• 3rd+', '3rd degree connection', 'CTO at Globex', 'Berlin, Germany', 'Follow'];
    expect(parseCardLines(lines, 'Jane Doe')).toEqual({ headline: 'CTO at Globex', location: 'Berlin, Germany', degree: 3 });
    expect(parseCardLines(['Hélène Lefèvre • 1er', 'Ingénieur logiciel', 'Paris, France', 'Message'], 'Hélène Lefèvre')).toEqual({
      headline: 'Ingénieur logiciel',
      location: 'Paris, France',
      degree: 1,
    });
  });

  it('absent blocks are null, not errors', () => {
    expect(parseCardLines(['Solo Name'], 'Solo Name')).toEqual({ headline: null, location: null, degree: null });
  });
});

describe('splitName', () => {
  it.each([
    ['Jane Doe', 'Jane', 'Doe'],
    ['Jean-Pierre de La Fontaine', 'Jean-Pierre', 'de La Fontaine'],
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['Cher', 'Cher', null],
  ] as const)('%s', (full, first, last) => {
    expect(splitName(full)).toEqual({ firstName: first, lastName: last });
  });
});
