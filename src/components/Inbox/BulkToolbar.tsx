import type { HTMLAttributes, ReactNode, Ref } from 'react';
import type { ConversationQuery } from '../../core/types.js';
import { useBulkActions } from '../../hooks/useBulkActions.js';
import { useSelectionSize } from '../ConversationList/selection.js';
import type { ConversationSelection } from '../ConversationList/selection.js';
import { lazyCode, useLazyCode } from '../shared/lazyCode.js';

export interface BulkToolbarProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  /** The selection to act on, the one the list shows. Required. */
  selection: ConversationSelection;
  /** The list the selection comes from: Retry failed selects again the failed ones still in it. Default: every conversation. */
  query?: ConversationQuery | undefined;
  /** Shown in the toolbar's place while nothing is selected and no batch runs (the `Inbox` puts its filters here). */
  children?: ReactNode | undefined;
  ref?: Ref<HTMLDivElement> | undefined;
}

// The toolbar, its status line and the confirmation load apart from the first paint (on idle, or
// at the first selection): until then the filters stand alone, as they do while nothing is selected.
const panelCode = /* @__PURE__ */ lazyCode(() => import('./BulkToolbarPanel.js'));

/** Starts (or joins) the download of the toolbar's code; resolves when it is here. */
export const loadBulkToolbarPanel = () => panelCode.load();

/**
 * Bulk actions over a `ConversationSelection`: while any conversation is
 * selected, a `toolbar` named "Selected conversations" ("3 selected",
 * Assign…, Resolve, Clear) stands where `children` (the filters) were. Each
 * conversation gets its own request, at most four at once; past 100 the agent
 * confirms first, told how many requests will go, and a running batch can be
 * stopped. When all settle, one status line says what happened ("11 resolved,
 * 1 failed: ‹reason›"), with Retry failed to select the failed ones again.
 */
export function BulkToolbar({ selection, query, children, ...toolbarProps }: BulkToolbarProps) {
  const size = useSelectionSize(selection);
  const bulk = useBulkActions();
  const panel = useLazyCode(panelCode, size > 0, 'the bulk toolbar');
  const selecting = panel !== undefined && (bulk.running || size > 0);
  return (
    // The toolbar and the filters share one grid cell (the status line is the second row): the list
    // below does not move when one replaces the other. The filters stay mounted when the code arrives.
    <div className="ik-bulk-area" data-slot="bulk-area" data-state={selecting ? 'selecting' : 'idle'}>
      {children !== undefined && (
        // Kept mounted (their counts stay fresh), out of reach while the toolbar stands over them.
        <div className="ik-bulk-under" aria-hidden={selecting || undefined} inert={selecting}>
          {children}
        </div>
      )}
      {panel && <panel.BulkToolbarPanel selection={selection} query={query} size={size} bulk={bulk} {...toolbarProps} />}
    </div>
  );
}
