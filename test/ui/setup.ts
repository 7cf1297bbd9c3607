import '@testing-library/jest-dom';

// jsdom lacks two browser APIs that Fluent UI and the guide use; every browser SPFx supports has them.
class ResizeObserverShim {
  public observe(): void {
    /* jsdom does no layout */
  }
  public unobserve(): void {
    /* jsdom does no layout */
  }
  public disconnect(): void {
    /* jsdom does no layout */
  }
}
Object.assign(window, { ResizeObserver: window.ResizeObserver ?? ResizeObserverShim });
if (!Element.prototype.scrollIntoView)
  Element.prototype.scrollIntoView = function scrollIntoView(): void {
    /* jsdom does no layout */
  };
