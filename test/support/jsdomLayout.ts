// Setup for the jsdom tests (vite.config.ts, project "unit"): the layout APIs that jsdom lacks and
// Radix menus and the list call. Stand-ins that do nothing; layout itself is for the browser tests.
window.HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
window.HTMLElement.prototype.hasPointerCapture ??= () => false;
window.HTMLElement.prototype.releasePointerCapture ??= () => {};
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
