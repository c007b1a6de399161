// What the smoke cases need from a browser, implemented once per engine: Firefox through
// puppeteer-core over WebDriver BiDi (firefox.ts), WebKitGTK through webdriverio over WebDriver
// classic (webkit.ts). Clicks, keys and typing go through the driver as a user's would.

/** A function that runs in the page; its arguments and result must survive JSON. */
export type PageFn<A extends unknown[], R> = (...args: A) => R | Promise<R>;

export interface Driver {
  /** Short engine id used in test names and reports: "firefox" or "webkit". */
  readonly engine: string;
  /** Browser name and version, e.g. "Firefox 153.7.0esr". */
  readonly version: string;
  goto(path: string): Promise<void>;
  eval<A extends unknown[], R>(fn: PageFn<A, R>, ...args: A): Promise<R>;
  /** A native click on the first element matching `selector` (scrolled into view). */
  click(selector: string): Promise<void>;
  /** Native Ctrl+A in the focused element. */
  selectAll(): Promise<void>;
  /** Puts `text` on the clipboard and pastes it into the focused element (Ctrl+V). */
  paste(text: string): Promise<void>;
  /** Native typing into the first element matching `selector`. */
  type(selector: string, text: string): Promise<void>;
  /** Picks an option of a <select> by value, as a user's choice would. */
  select(selector: string, value: string): Promise<void>;
  /** Saves a PNG of the element matching `selector`, or of the viewport. */
  screenshot(path: string, selector?: string): Promise<void>;
  /** Console errors and uncaught exceptions since the last call. */
  takeErrors(): Promise<string[]>;
  close(): Promise<void>;
}
