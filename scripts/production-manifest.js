/**
 * The production manifest: every https://localhost:3000/ URL (and the AppDomain) rewritten to the deployed URL.
 * Used by webpack.config.js for dist/manifest.xml and by test/manifest/ to validate the same output.
 * @example productionManifest(xml, 'https://churndesk.example.com/')
 */
'use strict';
const DEV_URL = 'https://localhost:3000/';

function productionManifest(xml, url) {
  const prod = url.replace(/\/?$/, '/');
  return xml.split(DEV_URL).join(prod).split(DEV_URL.replace(/\/$/, '')).join(prod.replace(/\/$/, ''));
}

module.exports = { productionManifest, DEV_URL };
