/**
 * Builds the harness page (test/ui/harness/index.tsx + src/taskpane/taskpane.html) with webpack, programmatically,
 * into a directory, and serves a directory on 127.0.0.1 with a tiny static server. Used by pane.test.ts.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import type { AddressInfo } from 'net';
import webpack from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const ROOT = path.resolve(__dirname, '../..');

export function harnessConfig(outDir: string): webpack.Configuration {
  return {
    mode: 'development',
    devtool: false,
    context: ROOT,
    entry: { harness: path.join(__dirname, 'harness/index.tsx'), worker: path.join(ROOT, 'src/worker/worker.ts') },
    output: { path: outDir, filename: '[name].js', clean: true },
    resolve: {
      extensions: ['.tsx', '.ts', '.js'],
      // Fluent's context selector imports 'scheduler', which npm installed only under react-dom (a peer it does not hoist).
      alias: { scheduler: path.dirname(require.resolve('scheduler/package.json', { paths: [path.join(ROOT, 'node_modules/react-dom')] })) },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Types are checked by `tsc --noEmit`; here only transpile, so the browser test stays quick.
            options: { transpileOnly: true, configFile: path.join(ROOT, 'tsconfig.json'), compilerOptions: { module: 'esnext', sourceMap: false } },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({ template: path.join(ROOT, 'src/taskpane/taskpane.html'), filename: 'taskpane.html', chunks: ['harness'] }),
      new webpack.DefinePlugin({ 'process.env.NODE_ENV': JSON.stringify('development') }),
    ],
    // Reuse the previous build's work between runs.
    cache: { type: 'filesystem', cacheDirectory: path.join(ROOT, 'node_modules/.cache/churndesk-ui-harness') },
    performance: { hints: false },
    infrastructureLogging: { level: 'error' },
  };
}

/** Builds the harness into outDir; rejects with webpack's errors. */
export function buildHarness(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(harnessConfig(outDir));
    compiler.run((err, stats) => {
      // Wait for close: it writes the filesystem cache, which must finish before jest tears the module system down.
      compiler.close((closeErr) => {
        if (err || closeErr) return reject(err ?? closeErr);
        if (!stats || stats.hasErrors()) return reject(new Error(stats?.toString({ all: false, errors: true }) ?? 'webpack failed'));
        resolve();
      });
    });
  });
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png', '.json': 'application/json' };

/** Serves `dir` on 127.0.0.1 on a free port. */
export async function serveDirectory(dir: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^([/\\])+/, ''));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
