import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { InteractionListItem } from '../../../src-shared/contract.js';
import { useI18n } from '../../i18n/index.js';
import { useTexts } from './texts.js';

const ROW_HEIGHT = 44;

/** What was sent or would have been: the payload's text when there is one. */
function textOf(item: InteractionListItem): string {
  const text = item.payload.text;
  return typeof text === 'string' ? text : '';
}

/**
 * Interactions as an ARIA table whose rows are virtualised: thousands of rows stay smooth because
 * only the visible ones are in the DOM. The scroller is focusable so the keyboard can scroll it.
 */
export function InteractionList({ items, label }: { items: InteractionListItem[]; label: string }) {
  const { formatTime } = useI18n();
  const t = useTexts();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <div className="interactions" role="table" aria-label={label} aria-rowcount={items.length + 1}>
      <div role="rowgroup">
        <div className="interaction-row interaction-head" role="row" aria-rowindex={1}>
          <span role="columnheader">{t('colType')}</span>
          <span role="columnheader">{t('colStatus')}</span>
          <span role="columnheader">{t('colContact')}</span>
          <span role="columnheader">{t('colText')}</span>
          <span role="columnheader">{t('colWhen')}</span>
        </div>
      </div>
      <div className="interactions-scroll" ref={scroller} tabIndex={0} role="rowgroup" aria-label={label}>
        <div className="interactions-inner" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const item = items[row.index];
            return (
              <div
                key={item.id}
                className="interaction-row"
                role="row"
                aria-rowindex={row.index + 2}
                data-interaction-id={item.id}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                <span role="cell">{t(`type_${item.type}`)}</span>
                <span role="cell" className={`istatus istatus-${item.status}`}>
                  {t(`istatus_${item.status}`)}
                </span>
                <span role="cell">{item.contactName}</span>
                <span role="cell" className="interaction-text" title={textOf(item)}>
                  {textOf(item)}
                </span>
                <span role="cell">
                  <time dateTime={item.occurredAt}>{formatTime(item.occurredAt)}</time>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
