import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { forgetAnswers } from '../api/revalidation.js';
import { hideToast, setToastScope } from '../ui/toast-store.js';

// Vitest's jsdom environment puts jsdom's own ArrayBuffer and typed arrays (another realm) on the
// global object, so a Node Buffer is no longer `instanceof Uint8Array`, nor its `.buffer`
// `instanceof ArrayBuffer`. Node code run in-process by the tests relies on both: Fastify sends a
// Buffer that fails that test as JSON (`{"type":"Buffer",...}`), which broke every proxied `/api`
// answer of the real backend (test/real-backend.ts). Give back Node's two constructors, the ones
// Vitest's own node environment pins for the same reason; the DOM takes either realm's arrays.
globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor;
globalThis.ArrayBuffer = Buffer.alloc(0).buffer.constructor as ArrayBufferConstructor;

// Lazy pages and dialogs can take seconds on a busy machine; findBy* waits up to this long.
configure({ asyncUtilTimeout: 5_000 });

// jsdom lacks these browser APIs that Mantine uses.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class ResizeObserverShim {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = ResizeObserverShim;
Object.defineProperty(document, 'fonts', {
  value: {
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    ready: Promise.resolve(),
  },
});
Element.prototype.scrollIntoView = () => undefined;

afterEach(() => {
  cleanup();
  // The toast store is global: start every test with none, for no account yet.
  hideToast();
  setToastScope(undefined);
  // As is the memory of answers to revalidate: every test starts as a newly opened app.
  forgetAnswers();
});
