import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES_BELATED, DEFAULT_TEMPLATES_TODAY } from '../../../src-shared/settings.js';
import { renderMessage, renderTemplate, templateIssues, templateProblem, varsFor } from '../../../src-shared/template.js';
import { seededRng } from '../../../src-main/core/util/runtime.js';

const vars = varsFor({ fullName: 'Hélène Lefèvre' }, 3);
const rng = (seed = 1) => {
  const r = seededRng(seed);
  return () => r.next();
};

describe('templates', () => {
  it('fills every placeholder', () => {
    expect(renderTemplate('Hi {firstName} {lastName} ({fullName}), {daysLate} days late', vars, rng())).toBe(
      'Hi Hélène Lefèvre (Hélène Lefèvre), 3 days late',
    );
  });

  it('spins options, nested, deterministically for a seed', () => {
    const source = '{Happy birthday|Joyeux anniversaire|{Best|Warm} wishes}, {firstName}!';
    const seen = new Set<string>();
    for (let seed = 1; seed < 200; seed++) seen.add(renderTemplate(source, vars, rng(seed)));
    expect(seen).toEqual(
      new Set(['Happy birthday, Hélène!', 'Joyeux anniversaire, Hélène!', 'Best wishes, Hélène!', 'Warm wishes, Hélène!']),
    );
    expect(renderTemplate(source, vars, rng(7))).toBe(renderTemplate(source, vars, rng(7)));
  });

  it('tidies the spaces an empty option leaves', () => {
    expect(renderTemplate('Joyeux anniversaire {|chère} {firstName} !', vars, () => 0)).toBe('Joyeux anniversaire Hélène !');
    expect(renderTemplate('Happy birthday {|dear}, {firstName}.', vars, () => 0)).toBe('Happy birthday, Hélène.');
  });

  it.each([
    ['Hello {name}', 'unknown placeholder {name}'],
    ['Hello {firstName', 'unbalanced braces'],
    ['Hello firstName}', 'unbalanced braces'],
    ['{|}', 'empty message'],
    ['   ', 'empty message'],
    ['x'.repeat(8001), 'over LinkedIn'],
    ['{' + 'y'.repeat(7990) + '|a} {fullName}', 'over LinkedIn'],
  ])('rejects %j: %s', (source, problem) => {
    expect(templateProblem(source)).toContain(problem);
  });

  it('accepts the English and French defaults', () => {
    expect(templateIssues(DEFAULT_TEMPLATES_TODAY, 'birthday.templatesToday')).toEqual([]);
    expect(templateIssues(DEFAULT_TEMPLATES_BELATED, 'birthday.templatesBelated')).toEqual([]);
  });

  it('names the template in its issue', () => {
    expect(templateIssues(['ok {firstName}', 'bad {nom}'], 'birthday.templatesToday')).toEqual([
      { field: 'birthday.templatesToday[1]', reason: expect.stringContaining('{nom}') },
    ]);
  });

  it('never repeats last year’s text when another choice exists', () => {
    const templates = ['{Happy birthday|Many happy returns} {firstName}!'];
    for (let seed = 1; seed < 50; seed++) {
      const lastYear = renderMessage(templates, vars, rng(seed)).text;
      expect(renderMessage(templates, vars, rng(seed), [lastYear]).text).not.toBe(lastYear);
    }
    // With one possible text it is sent again rather than nothing.
    expect(renderMessage(['Happy birthday {firstName}!'], vars, rng(), ['Happy birthday Hélène!']).text).toBe('Happy birthday Hélène!');
  });

  it('derives first and last names from the full name when the card has only that', () => {
    expect(varsFor({ fullName: 'Jean-Pierre de la Fontaine' }, 0)).toMatchObject({ firstName: 'Jean-Pierre', lastName: 'de la Fontaine' });
    expect(varsFor({ fullName: 'Cher', firstName: null }, 1)).toMatchObject({ firstName: 'Cher', lastName: '' });
  });
});
