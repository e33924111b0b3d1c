import { describe, expect, it } from 'vitest';
import { parseSourcingArgs } from '../../../src-main/cli/run-sourcing.js';
import { UsageError } from '../../../src-main/cli/types.js';

describe('run sourcing arguments', () => {
  it.each([
    [['--search', 'Kotlin Lyon'], { search: 'Kotlin Lyon' }, false],
    [['--keywords', 'kotlin|scala', '--location', 'Lyon', '--max-visits', '5', '--dry-run', '--json'], { keywords: 'kotlin|scala', location: 'Lyon', maxVisits: 5, dryRun: true }, true],
    [['--search=Data', '--json'], { search: 'Data' }, true],
  ])('%j', (args, input, json) => {
    expect(parseSourcingArgs(args)).toEqual({ input, json });
  });

  it.each([
    [[], /either --search NAME or --keywords/],
    [['--search', 'a', '--keywords', 'b'], /not both/],
    [['--dry-run'], /either --search/],
    [['--search', 'a', '--location', 'Lyon'], /--location goes with --keywords/],
    [['--keywords', 'a', '--max-visits', 'ten'], /--max-visits must be a whole number/],
    [['--keywords', 'a', '--max-visits', '2.5'], /--max-visits must be a whole number/],
  ])('%j is a usage error', (args, message) => {
    let error: unknown;
    try {
      parseSourcingArgs(args);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });

  it.each([[['--keywords', 'a', '--colour']], [['--keywords', 'a', 'extra']], [['--keywords']], [['--keywords', 'a', '--max-visits', '-3']]])('%j is refused by the strict parser', (args) => {
    expect(() => parseSourcingArgs(args)).toThrow();
  });
});
