/**
 * The ribbon's function file (commands.html): registers `refreshAnalysis` for the 刷新分析 button
 * (ExecuteFunction). The analysis runs through the same actions as the pane, with the core in a Web Worker.
 *
 * Notification: a ribbon command has no UI of its own, so the result (or the error) is shown in a small Office
 * dialog (result.html?r=<the result view as JSON>, displayInIframe on the web): figures, the warnings that matter, and
 * how to open the pane. The function waits until the user closes it (or
 * 60 s) and then calls event.completed(); if the dialog cannot open (blocked, older host), it completes at once —
 * the result is in the workbook either way.
 */
import { localeFromDisplayLanguage } from '../i18n';
import { createOfficeActions } from '../office/createOfficeActions';
import { officeHost } from '../office/host';
import { createLazyInlineRunner } from '../worker/lazyInlineRunner';
import { createWorkerRunner } from '../worker/workerRunner';
import { runRefreshCommand, type ResultView } from './refreshCommand';

const WORKER_URL = 'worker.js';
const DIALOG_TIMEOUT_MS = 60000;
/** manifest.xml declares no <Runtimes> (shared runtime): keep in step with it. */
const MANIFEST_SHARED_RUNTIME = false;

/** result.html beside this page, with the view as JSON in ?r= (the dialog renders it as text only). */
export function resultUrl(view: ResultView, href: string = window.location.href): string {
  const base = href.replace(/commands\.html.*$/, 'result.html');
  return `${base}?r=${encodeURIComponent(JSON.stringify(view))}`;
}

/**
 * Whether this host can open the pane from the command (Office.addin.showAsTaskpane needs a shared runtime:
 * SharedRuntime 1.1). The manifest declares no shared runtime, so today the dialog says how to open it instead.
 */
function canOpenPane(): boolean {
  // isSetSupported('SharedRuntime', '1.1') tells what the HOST supports, not that this add-in runs in a shared runtime:
  // without <Runtimes> in the manifest, Office.addin.showAsTaskpane is not available to the command (docs: "Configure
  // your Office Add-in to use a shared runtime"). So the button is offered only once the manifest declares one.
  if (!MANIFEST_SHARED_RUNTIME) return false;
  try {
    return officeHost().isSetSupported('SharedRuntime', '1.1') && typeof Office.addin?.showAsTaskpane === 'function';
  } catch {
    return false;
  }
}

/** Opens the result dialog and resolves when it is closed (or after a timeout, or at once if it cannot open). */
function showResult(view: ResultView): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    Office.context.ui.displayDialogAsync(resultUrl(view), { height: 40, width: 32, displayInIframe: true }, (res) => {
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
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        if ('message' in arg && arg.message === 'openPane' && view.openPane) {
          // Shared runtime only (checked by canOpenPane); the dialog closes whether or not the pane opens.
          void Office.addin.showAsTaskpane().catch(() => undefined);
        }
        done();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
      timer = setTimeout(done, DIALOG_TIMEOUT_MS);
    });
  });
}

function refreshAnalysis(event: Office.AddinCommands.Event): void {
  const runner = typeof Worker === 'function' ? createWorkerRunner(() => new Worker(WORKER_URL)) : createLazyInlineRunner();
  const actions = createOfficeActions({ host: officeHost(), runner });
  void runRefreshCommand(actions, localeFromDisplayLanguage(Office.context.displayLanguage), event, showResult, canOpenPane());
}

void Office.onReady(() => {
  Office.actions.associate('refreshAnalysis', refreshAnalysis);
});
