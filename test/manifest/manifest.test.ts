/**
 * manifest.xml and the production manifest the build writes validate offline against the XML manifest schemas,
 * carry every string in zh-CN (default) and en-US, keep resource ids ≤ 32 and short strings ≤ 125 characters.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Plain Node scripts shared with the build (CommonJS, no types).
const { validateManifest, extraChecks } = require('../../scripts/validate-manifest.js') as {
  validateManifest(file: string): Promise<string[]>;
  extraChecks(xml: string): string[];
};
const { productionManifest } = require('../../scripts/production-manifest.js') as { productionManifest(xml: string, url: string): string };

const ROOT = path.join(__dirname, '..', '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

function tmpFile(name: string, contents: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  const f = path.join(dir, name);
  fs.writeFileSync(f, contents);
  return f;
}

describe('manifest', () => {
  it('manifest.xml is valid against the XSD and the extra checks', async () => {
    expect(await validateManifest(path.join(ROOT, 'manifest.xml'))).toEqual([]);
  });

  it('the production manifest (URL rewritten as the build does) is valid and has no localhost left', async () => {
    const prod = productionManifest(xml, 'https://dealer.example.cn/churndesk');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('<SourceLocation DefaultValue="https://dealer.example.cn/churndesk/taskpane.html?view=home"/>');
    expect(prod).toContain('<AppDomain>https://dealer.example.cn/churndesk</AppDomain>');
    expect(await validateManifest(tmpFile('manifest.xml', prod))).toEqual([]);
    const built = path.join(ROOT, 'dist', 'manifest.xml');
    if (fs.existsSync(built)) expect(await validateManifest(built)).toEqual([]);
  });

  it('rejects what the schema rejects (so the validation can fail)', async () => {
    const bad = xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const problems = await validateManifest(tmpFile('bad.xml', bad));
    expect(problems.join('\n')).toMatch(/Permissions/);
  });

  it('has zh-CN labels with en-US overrides for the tab and all four buttons', () => {
    const label = (id: string) => new RegExp(`<bt:String id="${id}" DefaultValue="([^"]+)">\\s*<bt:Override Locale="en-US" Value="([^"]+)"`).exec(xml)?.slice(1);
    expect(label('Tab.Label')).toEqual(['流失分析', 'Churn']);
    expect(label('Refresh.Label')).toEqual(['刷新分析', 'Refresh analysis']);
    expect(label('Forms.Label')).toEqual(['生成表格', 'Generate forms']);
    expect(label('Settings.Label')).toEqual(['设置', 'Settings']);
    expect(label('Open.Label')).toEqual(['打开面板', 'Open pane']);
    expect(xml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(xml).toContain('<FunctionName>refreshAnalysis</FunctionName>');
    for (const view of ['home', 'forms', 'settings']) expect(xml).toContain(`taskpane.html?view=${view}`);
    expect(xml).toMatch(/<Set Name="ExcelApi" MinVersion="1.4"\/>/);
  });

  it('the extra checks catch long ids, long short strings and missing en-US overrides', () => {
    const longId = xml.replace(/id="Tab.Label"/g, 'id="Tab.Label.ThatIsFarTooLongForOffice"').replace(/resid="Tab.Label"/g, 'resid="Tab.Label.ThatIsFarTooLongForOffice"');
    expect(extraChecks(longId).join()).toMatch(/longer than 32/);
    const longShort = xml.replace('DefaultValue="刷新分析"', `DefaultValue="${'刷'.repeat(126)}"`);
    expect(extraChecks(longShort).join()).toMatch(/over 125/);
    const noOverride = xml.replace('<bt:Override Locale="en-US" Value="Settings"/>', '');
    expect(extraChecks(noOverride).join()).toMatch(/Settings.Label has no en-US override/);
    expect(extraChecks(xml)).toEqual([]);
  });

  it('icons exist at 16, 32 and 80 px as PNG', () => {
    for (const size of [16, 32, 80]) {
      const buf = fs.readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`));
      expect(buf.subarray(1, 4).toString('ascii')).toBe('PNG');
      expect(buf.readUInt32BE(16)).toBe(size);
      expect(buf.readUInt32BE(20)).toBe(size);
    }
  });
});
