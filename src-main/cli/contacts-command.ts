import { parseArgs } from 'node:util';
import { RapportError } from '../../src-shared/errors.js';
import { normaliseProfileUrl } from '../../src-shared/profile-url.js';
import { UsageError, type CliCommand } from './types.js';
import { withCore } from './with-core.js';

export const contactsCommand: CliCommand = {
  name: 'contacts',
  usage: 'contacts erase ID|URL',
  summary: 'Erase a contact and its history (the same as the panel’s erase)',
  async run(args, io) {
    const { positionals } = parseArgs({ args, options: {}, strict: true, allowPositionals: true });
    const [action, target] = positionals;
    if (action !== 'erase' || !target || positionals.length !== 2) throw new UsageError('Use: contacts erase ID|URL');
    return withCore(async (core) => {
      // Beside a running host (core.local is null) the erase goes to its API, which needs the id.
      const store = core.local?.ctx.store;
      let id: number;
      if (/^\d+$/.test(target)) id = Number(target);
      else {
        if (!store) throw new RapportError('ALREADY_RUNNING', 'Rapport is running: erase by the contact’s number (shown in the panel), or quit it first.');
        const url = normaliseProfileUrl(target);
        const found = url ? store.contacts.getByProfileUrl(url) : null;
        if (!found) throw new RapportError('NOT_FOUND', `No contact with the profile URL ${target}.`, { url: target });
        id = found.id;
      }
      const name = store?.contacts.mustGet(id).fullName;
      await core.call('contacts.erase', { id });
      io.out(name ? `Erased ${name} (#${id}) and their history.` : `Erased contact #${id} and their history.`);
      return 0;
    });
  },
};
