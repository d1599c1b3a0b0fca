/** GitHub Actions workflow commands: annotations on the lines of a pull request. */
import { renderDiagnostics } from '../diagnostics.js';
import type { Format } from '../outputs.js';

export const githubFormat: Format = {
  validation: (o, ctx) =>
    renderDiagnostics(o.diagnostics, o.files, 'github', ctx.style, o.unreadable, process.env, ctx.locale),
};
