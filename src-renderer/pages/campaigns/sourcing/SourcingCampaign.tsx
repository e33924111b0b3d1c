import { useState } from 'react';
import { savedSearchSchema, type SavedSearch } from '../../../../src-shared/settings.js';
import { useOperation, useOperationMutation } from '../../../api/operations.js';
import { Field, SettingsFormShell, useFormTexts, useSettingsForm } from '../../../components/form/index.js';
import { useToasts } from '../../../components/toasts.js';
import { LastRunResults } from './LastRunResults.js';
import { SearchEditor } from './SearchEditor.js';
import { useTexts } from './texts.js';

const FIELDS = ['sourcing.searches', 'schedule.sourcing'];

function blankSearch(name: string): SavedSearch {
  return { name, keywords: '', criteria: { keywords: [] }, maxPages: 3, maxVisitsPerRun: 20 };
}

function uniqueName(base: string, taken: string[]): string {
  let name = base;
  for (let n = 2; taken.includes(name); n++) name = `${base} ${n}`;
  return name;
}

/** Same search as saved: compared after the shared schema has put both in one key order and filled defaults. */
function sameSearch(draft: SavedSearch, saved: SavedSearch | undefined): boolean {
  const parsed = savedSearchSchema.safeParse(draft);
  return saved !== undefined && parsed.success && JSON.stringify(parsed.data) === JSON.stringify(savedSearchSchema.parse(saved));
}

export function SourcingCampaign() {
  const tx = useTexts();
  const toasts = useToasts();
  const form = useSettingsForm(FIELDS, useFormTexts()('leaveQuestion'));
  const [selected, setSelected] = useState(0);
  const schedule = useOperation('schedule.get', {});
  const run = useOperationMutation('campaigns.sourcing.run', {
    invalidates: ['runs.list', 'contacts.list', 'interactions.list'],
    onSuccess: ({ runId }) => toasts.info(tx('started', { id: runId })),
  });
  if (!form.ready || !form.settings) return null;
  const searches = form.value<SavedSearch[]>('sourcing.searches');
  const saved = form.settings.sourcing.searches;
  const set = (next: SavedSearch[]) => form.set('sourcing.searches', next);
  const current = searches[selected] ? selected : 0;
  const search = searches[current];
  const savedAs = search && saved.find((s) => s.name === search.name);
  const isSaved = search !== undefined && sameSearch(search, savedAs);
  const nextRunAt = (savedAs && schedule.data?.jobs.find((j) => j.kind === 'sourcing' && j.search === savedAs.name)?.nextRunAt) ?? null;
  const names = searches.map((s) => s.name);
  return (
    <>
      <section className="card" aria-labelledby="sourcing-heading">
        <h2 id="sourcing-heading">{tx('title')}</h2>
        <p className="note">{tx('explain')}</p>
        <SettingsFormShell form={form} labelledBy="sourcing-heading">
          {searches.length === 0 && <p>{tx('none')}</p>}
          {searches.length > 0 && (
            <ul className="search-tabs" aria-label={tx('title')}>
              {searches.map((s, i) => (
                <li key={i}>
                  <button type="button" aria-pressed={i === current} onClick={() => setSelected(i)}>
                    {s.name || '—'}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="button-row">
            <button
              type="button"
              onClick={() => {
                set([...searches, blankSearch(uniqueName(tx('newName', { n: searches.length + 1 }), names))]);
                setSelected(searches.length);
              }}
            >
              {tx('add')}
            </button>
            {search && (
              <>
                <button
                  type="button"
                  onClick={() => {
                    set([...searches, { ...search, name: uniqueName(tx('copyOf', { name: search.name }), names) }]);
                    setSelected(searches.length);
                  }}
                >
                  {tx('duplicate')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    set(searches.filter((_, i) => i !== current));
                    setSelected(0);
                  }}
                >
                  {tx('remove')}
                </button>
              </>
            )}
          </div>
          {search && (
            <section aria-label={tx('searchN', { name: search.name })}>
              <SearchEditor
                key={current}
                search={search}
                index={current}
                baseUrl={form.settings.linkedin.baseUrl}
                errors={form.errors}
                nextRunAt={nextRunAt}
                onChange={(next) => set(searches.map((s, i) => (i === current ? next : s)))}
              />
              <div className="button-row">
                <button type="button" disabled={!isSaved || run.isPending} onClick={() => run.mutate({ search: search.name, dryRun: true })}>
                  {tx('dryRun')}
                </button>
                <button type="button" disabled={!isSaved || run.isPending} onClick={() => run.mutate({ search: search.name, dryRun: false })}>
                  {tx('runNow')}
                </button>
                {!isSaved && <span className="note">{tx('saveFirst')}</span>}
              </div>
            </section>
          )}
          {form.errors['sourcing.searches'] && !Object.keys(form.errors).some((k) => k.startsWith('sourcing.searches.')) && (
            <p className="field-error" role="alert">
              {form.errors['sourcing.searches']}
            </p>
          )}
          <Field form={form} path="schedule.sourcing" label={tx('schedule')} hint={tx('scheduleHint')} />
        </SettingsFormShell>
      </section>
      {savedAs && <LastRunResults search={savedAs.name} />}
    </>
  );
}
