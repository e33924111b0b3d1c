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
      let id: number;
      if (/^\d+$/.test(target)) id = Number(target);
      else {
        const url = normaliseProfileUrl(target);
        const found = url ? core.ctx.store.contacts.getByProfileUrl(url) : null;
        if (!found) throw new RapportError('NOT_FOUND', `No contact with the profile URL ${target}.`, { url: target });
        id = found.id;
      }
      const contact = core.ctx.store.contacts.mustGet(id);
      await core.call('contacts.erase', { id });
      io.out(`Erased ${contact.fullName} (#${id}) and their history.`);
      return 0;
    });
  },
};
