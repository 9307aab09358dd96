/**
 * The ribbon's function file (commands.html): registers `refreshAnalysis` for the 刷新分析 button
 * (ExecuteFunction). The analysis runs through the same actions as the pane, with the core in a Web Worker.
 *
 * Notification: a ribbon command has no UI of its own, so the result (or the error) is shown in a small Office
 * dialog (result.html?ok=1&msg=…, displayInIframe on the web). The function waits until the user closes it (or
 * 60 s) and then calls event.completed(); if the dialog cannot open (blocked, older host), it completes at once —
 * the result is in the workbook either way.
 */
import { localeFromDisplayLanguage } from '../i18n';
import { createOfficeActions } from '../office/createOfficeActions';
import { officeHost } from '../office/host';
import { createLazyInlineRunner } from '../worker/lazyInlineRunner';
import { createWorkerRunner } from '../worker/workerRunner';
import { runRefreshCommand } from './refreshCommand';

const WORKER_URL = 'worker.js';
const DIALOG_TIMEOUT_MS = 60000;

function resultUrl(message: string, ok: boolean): string {
  const base = window.location.href.replace(/commands\.html.*$/, 'result.html');
  return `${base}?ok=${ok ? 1 : 0}&msg=${encodeURIComponent(message)}`;
}

/** Opens the result dialog and resolves when it is closed (or after a timeout, or at once if it cannot open). */
function showResult(message: string, ok: boolean): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    Office.context.ui.displayDialogAsync(resultUrl(message, ok), { height: 25, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve();
      const dialog = res.value;
      const done = () => {
        if (timer) clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          // Already closed by the user.
        }
        resolve();
      };
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      timer = setTimeout(done, DIALOG_TIMEOUT_MS);
    });
  });
}

function refreshAnalysis(event: Office.AddinCommands.Event): void {
  const runner = typeof Worker === 'function' ? createWorkerRunner(() => new Worker(WORKER_URL)) : createLazyInlineRunner();
  const actions = createOfficeActions({ host: officeHost(), runner });
  void runRefreshCommand(actions, localeFromDisplayLanguage(Office.context.displayLanguage), event, showResult);
}

void Office.onReady(() => {
  Office.actions.associate('refreshAnalysis', refreshAnalysis);
});
