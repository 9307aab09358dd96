/** The en-US catalogue: the union of each area's messages. Add an area by adding a file and a spread here. */
import type { Catalogue } from '../index';
import { common } from './common';
import { input } from './input';
import { aftersales } from './aftersales';
import { cli } from './cli';
import { ui } from './ui';
import { sales } from './sales';
import { forms } from './forms';
import { office } from './office';
import { contents } from './contents';
import { callSheet } from './callSheet';

export const enUS: Catalogue = {
  ...common,
  ...input,
  ...aftersales,
  ...cli,
  ...ui,
  ...sales,
  ...forms,
  ...office,
  ...contents,
  ...callSheet,
};
