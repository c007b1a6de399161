// A stuck run names its callback through the live channel: shared memory where the page can post
// it to the worker, "enter"/"exit" messages where it cannot (WebKitGTK has no SharedArrayBuffer
// global and refuses to post shared memory). Here Chromium is made to look like WebKitGTK; the
// real WebKitGTK case is in test/cross-browser/smoke.ts.
import { expect, shoot, test } from "./fixtures.ts";
import { ready, setCode } from "./learner-page.ts";

const LOOP = `import { AVERROR_EOF } from "avio";
let calls = 0;
export function read_packet(opaque: { data: Uint8Array; pos: number }, buf: Uint8Array, buf_size: number): number {
  if (++calls === 3) while (true) {}
  const n = Math.min(buf_size, opaque.data.length - opaque.pos);
  if (n <= 0) return AVERROR_EOF;
  buf.set(opaque.data.subarray(opaque.pos, opaque.pos + n));
  opaque.pos += n;
  return n;
}
`;

test("without a SharedArrayBuffer global, an endless loop still names the stuck callback and call", async ({
  page,
}) => {
  await page.addInitScript(() => {
    delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
  });
  await page.goto("/lessons/memory-io/");
  expect(await page.evaluate(() => [typeof SharedArrayBuffer, crossOriginIsolated])).toEqual([
    "undefined",
    true,
  ]);
  const pg = await ready(page.locator("[data-playground]").first());
  await setCode(page, pg, LOOP);
  await pg.locator('[data-action="run"]').click();
  await expect(pg.locator("[data-status]")).toHaveText(/did not return \(endless loop\?\)/);
  // Call 3, not 1: the messages track every entry and exit, not just the first.
  await expect(pg.locator('[data-panel="diagnostics"]')).toContainText(/read_packet call 3 never returned/);
  await shoot(page, "live-channel-messages");
});
