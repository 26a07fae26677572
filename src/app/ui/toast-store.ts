import { useSyncExternalStore } from 'react';
import { peopleInWords } from '../../shared/audit-words.js';

export type ToastTone = 'success' | 'error' | 'warning';

export interface Toast {
  /** Changes whenever what is shown changes (a merged toast gets a new one). */
  key: number;
  /** A toast with the same id replaces this one (a repeated warning is shown once). */
  id: string;
  tone: ToastTone;
  title?: string;
  message: string;
  /** Whose change it is (an account's scope, see account.ts); none: whatever the tab works for. */
  scope?: string;
  /** Milliseconds it stays, paused while pointed at or focused; false: until dismissed. */
  autoClose: number | false;
  undo?: Undoable;
}

interface Undoable {
  /** Toasts with the same `group` merge: "Removed Ana", then "Removed Ana and Ben". */
  group: string;
  verb: string;
  people: string[];
  /** Things counted, not named ("Deleted 5 groups"): how many, and what. */
  counted?: { count: number; noun: string };
  /** Words after the names: "to Favorites" in "Added 12 Elm St to Favorites". */
  after?: string;
  run: () => void;
}

const DEFAULT_CLOSE_MS = 6_000;

interface State {
  /** One toast at a time: a newer one takes the place of the one shown (see ToastDock). */
  toast: Toast | null;
  /** The account the tab works for (see `useToastScope`); unknown before a page says it. */
  scope: string | undefined;
}

let state: State = { toast: null, scope: undefined };
let counter = 0;
const listeners = new Set<() => void>();

function set(next: Partial<State>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

const otherAccount = (toast: Pick<Toast, 'scope'>, scope: string | undefined) =>
  toast.scope !== undefined && scope !== undefined && toast.scope !== scope;

/** Shows a toast in place of the one shown; one about another account's change is dropped. */
export function showToast(
  toast: Omit<Toast, 'key' | 'autoClose'> & { autoClose?: number | false },
) {
  if (otherAccount(toast, state.scope)) return;
  counter += 1;
  set({ toast: { autoClose: DEFAULT_CLOSE_MS, ...toast, key: counter } });
}

/**
 * A done change the user can take back: "Removed Ana Lima" with Undo. While it is shown, another
 * of the same group (same verb, same circle) joins it ("Removed Ana Lima and Ben Cho"), and its
 * Undo takes back both.
 */
export function showUndoToast({
  id,
  group,
  verb,
  people,
  counted,
  after,
  scope,
  onUndo,
  seconds,
}: {
  id: string;
  group: string;
  verb: string;
  people: string[];
  counted?: Undoable['counted'];
  after?: string;
  scope?: string;
  onUndo: () => void;
  seconds: number;
}) {
  const current = state.toast;
  const shown = current?.undo?.group === group && current.scope === scope ? current.undo : null;
  const undo: Undoable = shown
    ? {
        group,
        verb,
        people: [...shown.people, ...people],
        counted: counted && {
          noun: counted.noun,
          count: (shown.counted?.count ?? 0) + counted.count,
        },
        after,
        run: () => {
          shown.run();
          onUndo();
        },
      }
    : { group, verb, people, counted, after, run: onUndo };
  showToast({
    id,
    tone: 'success',
    message: [
      verb,
      undo.counted
        ? peopleInWords([], undo.counted.count, undo.counted.noun)
        : peopleInWords(undo.people, undo.people.length, 'person'),
      after,
    ]
      .filter(Boolean)
      .join(' '),
    autoClose: seconds * 1000,
    undo,
    ...(scope === undefined ? {} : { scope }),
  });
}

export function hideToast(key?: number) {
  if (state.toast && (key === undefined || state.toast.key === key)) set({ toast: null });
}

/**
 * The tab now works for `scope`: a toast about another account's change goes, and later ones
 * about it are not shown.
 */
export function setToastScope(scope: string | undefined) {
  if (scope === state.scope) return;
  set({
    scope,
    toast: state.toast && otherAccount(state.toast, scope) ? null : state.toast,
  });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useToast(): Toast | null {
  return useSyncExternalStore(
    subscribe,
    () => state.toast,
    () => null,
  );
}
