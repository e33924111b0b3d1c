import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listDiagnostics } from '../../../src-main/core/browser/diagnostics.js';
import { tempDir } from '../../helpers/temp.js';

describe('listDiagnostics', () => {
  it('pairs screenshots with HTML, reads target and time from the name, newest first', () => {
    const dir = tempDir();
    for (const f of [
      '2026-03-10T09-00-00-000Z_birthdays.list.png',
      '2026-03-10T09-00-00-000Z_birthdays.list.html',
      '2026-03-11T10-30-15-250Z_messaging.send.html',
      'notes.txt',
    ]) {
      writeFileSync(join(dir, f), 'x');
    }
    expect(listDiagnostics(dir)).toEqual([
      {
        name: '2026-03-11T10-30-15-250Z_messaging.send',
        target: 'messaging.send',
        createdAt: '2026-03-11T10:30:15.250Z',
        screenshot: null,
        html: join(dir, '2026-03-11T10-30-15-250Z_messaging.send.html'),
      },
      {
        name: '2026-03-10T09-00-00-000Z_birthdays.list',
        target: 'birthdays.list',
        createdAt: '2026-03-10T09:00:00.000Z',
        screenshot: join(dir, '2026-03-10T09-00-00-000Z_birthdays.list.png'),
        html: join(dir, '2026-03-10T09-00-00-000Z_birthdays.list.html'),
      },
    ]);
  });

  it('is empty when the directory does not exist yet', () => {
    expect(listDiagnostics(join(tempDir(), 'missing'))).toEqual([]);
  });
});
