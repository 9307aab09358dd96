#!/usr/bin/env node
/**
 * Validates an add-in manifest offline against the XML manifest schemas in schemas/office-addin-manifest/
 * (`office-addin-manifest validate` calls an online service that cannot be reached here). Uses xmllint-wasm, so no
 * Debian package is needed. Then checks what the schema cannot: resource ids ≤ 32 characters, short strings
 * ≤ 125, long strings ≤ 250, every string with an en-US override, every resid defined, HTTPS URLs.
 * Exits non-zero on any failure.
 *
 * Usage: node scripts/validate-manifest.js manifest.xml [dist/manifest.xml …]
 * Limits: the schemas are the 2020 versions; elements added later (e.g. <Runtimes>) are not in them.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { validateXML } = require('xmllint-wasm');

const SCHEMA_DIR = path.join(__dirname, '..', 'schemas', 'office-addin-manifest');
const MAIN = 'OfficeAppManifestV1_1.xsd';

/** The checks beyond the XSD; returns a list of problems. */
function extraChecks(xml) {
  const problems = [];
  const ids = new Map();
  for (const m of xml.matchAll(/<bt:(Image|Url|String)\s+id="([^"]*)"\s+DefaultValue="([^"]*)"(\s*\/>|>([\s\S]*?)<\/bt:String>)/g)) {
    const [, kind, id, value, , body] = m;
    ids.set(id, kind);
    if (id.length > 32) problems.push(`resource id longer than 32 characters: ${id}`);
    if (kind === 'String') {
      const inShort = xml.indexOf(m[0]) < xml.indexOf('<bt:LongStrings>');
      const max = inShort ? 125 : 250;
      if ([...value].length > max) problems.push(`${inShort ? 'short' : 'long'} string ${id} is over ${max} characters`);
      const override = /<bt:Override\s+Locale="en-US"\s+Value="([^"]*)"/.exec(body || '');
      if (!override) problems.push(`string ${id} has no en-US override`);
      else if ([...override[1]].length > max) problems.push(`en-US string ${id} is over ${max} characters`);
    } else if (!value.startsWith('https://')) problems.push(`${kind} ${id} is not an HTTPS URL: ${value}`);
  }
  for (const m of xml.matchAll(/resid="([^"]*)"/g)) {
    if (!ids.has(m[1])) problems.push(`resid not defined in Resources: ${m[1]}`);
    if (m[1].length > 32) problems.push(`resid longer than 32 characters: ${m[1]}`);
  }
  for (const tag of ['DisplayName', 'Description']) {
    const m = new RegExp(`<${tag} DefaultValue="[^"]*">\\s*<Override Locale="en-US"`).exec(xml);
    if (!m) problems.push(`${tag} has no en-US override`);
  }
  for (const m of xml.matchAll(/DefaultValue="(http[^"]*)"/g)) if (!m[1].startsWith('https://')) problems.push(`not HTTPS: ${m[1]}`);
  return problems;
}

/** Validates one manifest file; resolves to a list of problems (empty: valid). */
async function validateManifest(file) {
  const xml = fs.readFileSync(file, 'utf8');
  const schemaFiles = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.xsd'));
  const result = await validateXML({
    xml: [{ fileName: path.basename(file), contents: xml }],
    schema: [{ fileName: MAIN, contents: fs.readFileSync(path.join(SCHEMA_DIR, MAIN), 'utf8') }],
    preload: schemaFiles.filter((f) => f !== MAIN).map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') })),
  });
  const problems = result.valid ? [] : result.errors.map((e) => e.rawMessage || e.message);
  return problems.concat(extraChecks(xml));
}

module.exports = { validateManifest, extraChecks };

if (require.main === module) {
  const files = process.argv.slice(2);
  if (!files.length) files.push('manifest.xml');
  (async () => {
    let failed = false;
    for (const f of files) {
      const problems = await validateManifest(f);
      if (problems.length) {
        failed = true;
        console.error(`✗ ${f}`);
        for (const p of problems) console.error(`  ${p}`);
      } else console.log(`✓ ${f} is valid (XSD ${MAIN}, resource ids, string lengths, en-US overrides, HTTPS)`);
    }
    process.exit(failed ? 1 : 0);
  })().catch((e) => {
    console.error(e);
    process.exit(2);
  });
}
