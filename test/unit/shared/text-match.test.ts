import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparableName, describeNameDifference, eventHoldsMessage, normaliseMessage, sameName } from '../../../src-shared/text-match.js';

describe('normaliseMessage', () => {
  it('collapses line breaks, runs of spaces and non-breaking spaces, and trims', () => {
    expect(normaliseMessage('  Happy birthday,\r\n\r\nMarie !\u00a0\u202f🎉  \n')).toBe('Happy birthday, Marie ! 🎉');
    expect(normaliseMessage('a\tb\u2009c\u200bd')).toBe('a b cd');
  });

  it('puts accents in one form (NFC) and keeps emoji, including joined ones, intact', () => {
    expect(normaliseMessage('He\u0301le\u0300ne')).toBe('Hélène');
    const family = '👨\u200d👩\u200d👧';
    expect(normaliseMessage(`Bravo ${family} 🎂🏽`)).toBe(`Bravo ${family} 🎂🏽`);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normaliseMessage(normaliseMessage(s)) === normaliseMessage(s)));
  });
});

describe('eventHoldsMessage', () => {
  const stored = 'Joyeux anniversaire Hélène !\nBelle année à toi 🎉';

  it('accepts an event that shows the message with its line break rendered as a space, in another Unicode form', () => {
    expect(eventHoldsMessage('Joyeux anniversaire He\u0301le\u0300ne\u00a0! Belle année à toi 🎉', stored)).toBe(true);
  });

  it('accepts an event that holds the whole message among other text (a grouped event)', () => {
    expect(eventHoldsMessage(`Vous\n${stored}\n14:02`, stored)).toBe(true);
  });

  it('refuses part of the message, another emoji, or an empty message', () => {
    expect(eventHoldsMessage('Joyeux anniversaire Hélène !', stored)).toBe(false);
    expect(eventHoldsMessage('Joyeux anniversaire Hélène ! Belle année à toi 🎂', stored)).toBe(false);
    expect(eventHoldsMessage('anything', ' \n ')).toBe(false);
  });

  it('any message, however it is spaced or broken into lines, is found in its own rendering', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', minLength: 1 }).filter((w) => normaliseMessage(w) === w && w !== ''), { minLength: 1, maxLength: 6 }), fc.constantFrom(' ', '\n', '\u00a0', '  \r\n'), (words, sep) => {
        const message = words.join(sep);
        return eventHoldsMessage(words.join(' '), message);
      }),
    );
  });
});

describe('sameName', () => {
  it('treats as equal what reads the same: Unicode form, case, spaces, apostrophes, hyphens, invisible marks', () => {
    expect(sameName('Élodie Lefèvre', 'E\u0301lodie\u00a0Lefe\u0300vre')).toBe(true);
    expect(sameName('ÉLODIE  lefèvre', 'Élodie Lefèvre')).toBe(true);
    expect(sameName('Chloé O’Brien', "Chloé O'Brien")).toBe(true);
    expect(sameName('Jean\u2011Pierre Roux', 'Jean-Pierre Roux')).toBe(true);
    expect(sameName('\u200eMarie Dubois\u200f', 'Marie Dubois')).toBe(true);
    expect(sameName('Strauß', 'STRAUSS')).toBe(true);
  });

  it('tells different people apart, including two with the same first name', () => {
    expect(sameName('Marie Dubois', 'Marie Laurent')).toBe(false);
    expect(sameName('Marie', 'Marie Dubois')).toBe(false);
    expect(sameName('Helene Lefevre', 'Hélène Lefèvre')).toBe(false);
    expect(sameName('', '')).toBe(false);
  });

  it('never calls two strings that print the same different', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (s) => {
        const variant = s.normalize('NFD').replace(/ /g, '\u00a0');
        return comparableName(s) === '' || sameName(s, variant);
      }),
    );
  });
});

describe('describeNameDifference', () => {
  it('points at the character where two look-alike names differ', () => {
    expect(describeNameDifference('Al\u0435x Roy', 'Alex Roy')).toBe('character 3: U+0435 vs U+0065');
    expect(describeNameDifference('Élodie Lefèvre', 'E\u0301lodie Lefèvre')).toBeNull();
  });
});
