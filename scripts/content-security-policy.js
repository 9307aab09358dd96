/**
 * The content security policy of every page of the add-in (issue 11.4: no eval, no remote script, nothing fetched
 * from elsewhere). Written as a <meta http-equiv> right after <meta charset>, so it governs every script of the page.
 * - scripts: this origin and Office.js's CDN only; an inline script is allowed by its sha256 alone (result.html's);
 *   no 'unsafe-eval' (the production bundles hold no eval: webpack's devtool is 'source-map', never 'eval');
 * - styles: 'unsafe-inline', because Fluent UI v9 (Griffel) inserts <style> elements at run time;
 * - connect/worker: this origin (the core's Web Worker is worker.js beside the page); the dev server's live reload
 *   socket in development builds only;
 * - no plugins, no <base>, no form posts.
 */
/* eslint-disable */
const crypto = require('crypto');

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

function inlineScriptHashes(html) {
  const hashes = [];
  const re = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
  for (let m; (m = re.exec(html)); ) hashes.push(`'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  return hashes;
}

function contentSecurityPolicy(html, dev) {
  return [
    "default-src 'self'",
    ["script-src 'self'", OFFICE_CDN, ...inlineScriptHashes(html)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' wss://localhost:* ws://localhost:*' : ''}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** `html` with the policy inserted after its <meta charset>. @throws when the page has no <meta charset>. */
function withContentSecurityPolicy(html, { dev = false } = {}) {
  const at = /<meta charset="?UTF-8"?\s*\/?>/i.exec(html);
  if (!at) throw new Error('a page without <meta charset="UTF-8"> cannot carry the content security policy');
  const end = at.index + at[0].length;
  const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(html, dev)}" />`;
  return html.slice(0, end) + meta + html.slice(end);
}

/**
 * Adds the policy to every .html asset at the last stage of processing (after html-webpack-plugin and any
 * minification), so the sha256 of an inline script is taken of the bytes the browser will run.
 */
class ContentSecurityPolicyPlugin {
  constructor(options = {}) {
    this.dev = !!options.dev;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('ContentSecurityPolicyPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ContentSecurityPolicyPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, (assets) => {
        for (const name of Object.keys(assets)) {
          if (!name.endsWith('.html')) continue;
          const html = compilation.getAsset(name).source.source().toString();
          compilation.updateAsset(name, new sources.RawSource(withContentSecurityPolicy(html, { dev: this.dev })));
        }
      });
    });
  }
}

module.exports = { withContentSecurityPolicy, contentSecurityPolicy, ContentSecurityPolicyPlugin };
