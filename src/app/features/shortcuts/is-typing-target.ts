const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
]);

/** True when keys pressed here are text being typed (so single-key shortcuts must not fire). */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/** Single-key shortcuts stay quiet while typing and inside dialogs (which own their keys). */
export function shortcutsAllowed(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || isTypingTarget(event.target)) return false;
  return !(event.target instanceof Element && event.target.closest('[role="dialog"]'));
}
