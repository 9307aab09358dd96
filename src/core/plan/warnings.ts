/**
 * Warnings collected both as text (in the workbook's language, for the CLI report and the written sheets) and as
 * catalogue keys with their parameters, so the task pane can show them in the reader's own display language.
 */
import type { Message } from './types';

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface WarningList {
  /** The warnings as text, in the order they were raised. */
  readonly texts: string[];
  /** The same warnings as keys and parameters. */
  readonly messages: Message[];
  /** Raises one warning. */
  warn(key: string, params?: Record<string, string | number>): void;
}

/**
 * A new, empty list that words its texts with `t`.
 * @example const w = warningList(translator('zh-CN')); w.warn('aftersales.warning.noCallLog'); w.messages[0].key
 */
export function warningList(t: Translate): WarningList {
  const texts: string[] = [];
  const messages: Message[] = [];
  return {
    texts,
    messages,
    warn(key, params) {
      texts.push(t(key, params));
      messages.push(params ? { key, params } : { key });
    },
  };
}
