/** The en-US messages of the 目录 (contents) sheet and of the print footer every list and summary sheet carries. */
export const contents: Record<string, string> = {
  'print.footer.page': 'Page &P',
};
