/**
 * Builds the add-in into dist/: the task pane (taskpane.html + taskpane.js), the ribbon's function file
 * (commands.html + commands.js), its result dialog (result.html), help.html, the core's Web Worker (worker.js), the icons,
 * and the manifest. In production builds every https://localhost:3000/ in the manifest becomes CHURNDESK_URL
 * (default https://churndesk.example.com/). The dev server serves over HTTPS with the Office dev certificates.
 * exceljs is for the CLI only and must never reach the pane: the build fails if any browser bundle pulls it in.
 */
/* eslint-disable */
const fs = require('fs');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { NormalModuleReplacementPlugin, sources } = require('webpack');

const { productionManifest } = require('./scripts/production-manifest');
const { ContentSecurityPolicyPlugin } = require('./scripts/content-security-policy');

const PROD_URL = (process.env.CHURNDESK_URL || 'https://churndesk.example.com/').replace(/\/?$/, '/');

/**
 * Copies static files into the output, optionally transformed. Stands in for copy-webpack-plugin, which cannot load
 * in this install (its schema-utils → ajv-keywords 5 resolves the hoisted ajv 6 and fails on 'ajv/dist/compile/codegen').
 */
class CopyFilesPlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const f of this.files) {
          const abs = path.join(__dirname, f.from);
          compilation.fileDependencies.add(abs);
          const content = fs.readFileSync(abs);
          compilation.emitAsset(f.to, new sources.RawSource(f.transform ? f.transform(content) : content));
        }
      });
    });
  }
}

/** A bundle that never shows an area of the catalogues (src/i18n/<locale>/<area>.ts) gets an empty one instead. */
function emptyCatalogueArea(area) {
  return new NormalModuleReplacementPlugin(new RegExp(`^\\./${area}$`), (resource) => {
    if (/[\\/]src[\\/]i18n[\\/][^\\/]+$/.test(resource.context)) resource.request = `data:text/javascript,export const ${area} = {};`;
  });
}

/**
 * The i18n index's static import of one locale's catalogue (`./<locale>` from src/i18n/) becomes a module whose
 * export is undefined: the bundle loads that locale later, by another path (src/taskpane/loadCatalogue.ts).
 */
function lazyCatalogue(locale, exportName) {
  return new NormalModuleReplacementPlugin(new RegExp(`^\\./${locale}$`), (resource) => {
    if (/[\\/]src[\\/]i18n$/.test(resource.context)) resource.request = `data:text/javascript,export const ${exportName} = undefined;`;
  });
}

/** Fails the build when a module path matches (exceljs and Node built-ins have no place in a browser bundle). */
class ForbidModulesPlugin {
  constructor(patterns) {
    this.patterns = patterns;
  }
  apply(compiler) {
    compiler.hooks.normalModuleFactory.tap('ForbidModulesPlugin', (nmf) => {
      nmf.hooks.beforeResolve.tap('ForbidModulesPlugin', (data) => {
        if (this.patterns.some((p) => p.test(data.request))) {
          throw new Error(`${data.request} must not be bundled into the add-in (imported from ${data.contextInfo.issuer})`);
        }
      });
    });
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = process.argv.some((a) => a === 'serve') || !!process.env.WEBPACK_SERVE;
  const taskpaneEntry = path.join(__dirname, 'src/taskpane/index.tsx');
  const hasPane = fs.existsSync(taskpaneEntry);
  const entry = {
    commands: path.join(__dirname, 'src/commands/commands.ts'),
    worker: path.join(__dirname, 'src/worker/worker.ts'),
  };

  const config = {
    name: 'main',
    devtool: dev ? 'source-map' : false,
    entry,
    // Entries keep fixed names (the manifest, the html files and `new Worker('worker.js')` name them); the chunks
    // loaded later (the views behind the tabs, the pane's detection, the ribbon's no-worker fallback) carry a hash.
    output: { path: path.join(__dirname, 'dist'), filename: '[name].js', chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      // Fluent's context selector imports 'scheduler', which npm installed only under react-dom (not hoisted).
      alias: { scheduler: path.dirname(require.resolve('scheduler/package.json', { paths: [path.join(__dirname, 'node_modules/react-dom')] })) },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type errors fail the build (fork-ts-checker is not installed, so ts-loader checks itself).
          use: { loader: 'ts-loader', options: { transpileOnly: false, onlyCompileBundledFiles: true, configFile: path.join(__dirname, 'tsconfig.json'), compilerOptions: { module: 'es2020', sourceMap: dev } } },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // Last, over every page as it is emitted (minified): the policy's hashes are of the final inline scripts.
      new ContentSecurityPolicyPlugin({ dev }),
      new ForbidModulesPlugin([/^exceljs($|\/)/, /^(node:)?(fs|path|child_process|zlib)$/]),
      // The command line's messages (src/i18n/<locale>/cli.ts, ~6 KiB gzipped for both locales) are used by the Node
      // CLI and the file renderer only: the browser bundles (pane, commands, worker) get an empty area instead.
      emptyCatalogueArea('cli'),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: path.join(__dirname, 'src/commands/commands.html'),
        chunks: ['commands'],
      }),
      new CopyFilesPlugin([
        ...fs.readdirSync(path.join(__dirname, 'assets')).filter((f) => f.endsWith('.png')).map((f) => ({ from: `assets/${f}`, to: `assets/${f}` })),
        { from: 'src/commands/result.html', to: 'result.html' },
        { from: 'src/commands/help.html', to: 'help.html' },
        {
          from: 'manifest.xml',
          to: 'manifest.xml',
          transform: (content) => (dev ? content : Buffer.from(productionManifest(content.toString('utf8'), PROD_URL), 'utf8')),
        },
      ]),
    ],
    devServer: {
      port: 3000,
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: { directory: path.join(__dirname, 'dist') },
    },
  };
  if (serving) {
    // Only when serving: the dev certificates are created on first use (not needed for a build).
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  // The pane is built by its own part of the project; until it exists the build still produces the rest.
  if (!hasPane) return config;
  // The pane is a second build after the first (it adds to dist/, never cleans it): the pane's thread never runs the
  // analysis (the worker does), so the catalogue area of the sheets the analysis writes (src/i18n/<locale>/contents.ts:
  // 目录's texts, ~5 KiB gzipped for both locales) is left out of what the pane loads before the first click.
  const pane = {
    ...config,
    name: 'pane',
    dependencies: ['main'],
    entry: { taskpane: taskpaneEntry },
    output: { ...config.output, clean: false },
    plugins: [
      ...config.plugins.filter((p) => !(p instanceof CopyFilesPlugin) && !(p instanceof HtmlWebpackPlugin)),
      emptyCatalogueArea('contents'),
      // en-US is a chunk of its own in the pane (src/taskpane/loadCatalogue.ts fetches it for en-US users only):
      // src/i18n/index.ts's static import of it gets a module exporting nothing, which keeps ~17 KiB gzipped of
      // English texts out of the first load of the zh-CN majority (issue 13).
      lazyCatalogue('en-US', 'enUS'),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: path.join(__dirname, 'src/taskpane/taskpane.html'),
        chunks: ['taskpane'],
      }),
    ],
  };
  delete pane.devServer;
  return [config, pane];
};
