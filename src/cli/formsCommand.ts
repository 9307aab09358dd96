/** PLACEHOLDER owned by the forms work (issue 4): `churn-desk forms --out FILE.xlsx [--only N,N] [--from DATA.xlsx]`. */
export async function runFormsCommand(_args: string[]): Promise<number> {
  process.stderr.write('churn-desk forms: not implemented yet\n');
  return 2;
}
