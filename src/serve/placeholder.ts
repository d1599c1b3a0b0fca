/**
 * The page served while the studio's page is not built (dist/web/index.html missing): what the
 * server is and where its API is. No script and no style (the Content Security Policy forbids
 * inline ones); the plan's name is escaped.
 */
import { esc } from '../render/svg-element.js';

export function placeholderPage(planName: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>dostplan serve</title></head>
<body>
<h1>dostplan serve: ${esc(planName)}</h1>
<p>The studio page is not built in this checkout (dist/web/index.html); run <code>npm run build</code>.
The JSON API answers meanwhile: <a href="/api/state">/api/state</a>, <a href="/api/summary">/api/summary</a>,
<a href="/api/coverage">/api/coverage</a>, <a href="/api/map">/api/map</a> (docs/serve.md).</p>
</body>
</html>
`;
}
