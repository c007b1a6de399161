// The web app manifest: the course's name (src/site/course.ts), and the site's own path as its
// start and scope, so an installed copy under SITE_BASE opens itself and nothing else.
import { courseTitle } from "../site/course.ts";
import { DEFAULT_LOCALE } from "../i18n/locales.ts";
import { assetPath, homePath, withBase } from "../site/paths.ts";

export function GET(): Response {
  const name = courseTitle(DEFAULT_LOCALE);
  const manifest = {
    name,
    short_name: name,
    start_url: homePath(DEFAULT_LOCALE),
    scope: withBase("/"),
    display: "browser",
    icons: [{ src: assetPath("favicon.svg"), sizes: "any", type: "image/svg+xml" }],
  };
  return new Response(JSON.stringify(manifest), { headers: { "content-type": "application/manifest+json" } });
}
