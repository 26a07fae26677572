import { accountScope, type Account } from '../account/account.js';
import { errorMessage } from '../api/error-message.js';
import { showToast, showUndoToast } from './toast-store.js';

/** Whose change a toast is about: it is not shown once the tab works for another account. */
interface Whose {
  account?: Account;
}

const scopeOf = ({ account }: Whose) => (account ? { scope: accountScope(account) } : {});

export function notifySuccess(message: string, whose: Whose = {}) {
  showToast({ id: message, tone: 'success', message, ...scopeOf(whose) });
}

/**
 * A failed write, in the user's language (or in `message`, when the caller knows better); it stays
 * until dismissed.
 */
export function notifyError(
  title: string,
  error: unknown,
  { message = errorMessage(error), ...whose }: Whose & { message?: string } = {},
) {
  showToast({
    id: title,
    tone: 'error',
    title,
    message,
    autoClose: false,
    ...scopeOf(whose),
  });
}

/** A problem the app is handling itself (e.g. Flexmls asking it to slow down). */
export function notifyWarning(id: string, message: string) {
  showToast({ id, tone: 'warning', message });
}

/**
 * A done write the user can take back for a few seconds, naming what it concerned: "Removed Ana
 * Lima". Another of the same `group` while it shows joins it ("Removed Ana Lima and Ben Cho"), and
 * Undo takes back both.
 */
export function notifyWithUndo({
  id,
  group,
  verb,
  names,
  counted,
  after,
  onUndo,
  seconds = 10,
  account,
}: {
  id: string;
  group: string;
  verb: string;
  names: string[];
  /** Many things said by their number ("Deleted 5 groups") instead of names. */
  counted?: { count: number; noun: string };
  /** Words after the names, the same for every change the toast joins ("to Favorites"). */
  after?: string;
  onUndo: () => void;
  seconds?: number;
} & Whose) {
  showUndoToast({
    id,
    group,
    verb,
    people: names,
    counted,
    after,
    onUndo,
    seconds,
    ...scopeOf({ account }),
  });
}
