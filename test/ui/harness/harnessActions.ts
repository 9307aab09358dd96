/** The actions the harness page hands to the pane. */
import type { ChurnDeskActions } from '../../../src/office/actions';
import type { FakeWorkbook } from '../../support/fakeExcel';
import { createCoreGridActions } from './coreGridActions';

export function createHarnessActions(wb: FakeWorkbook): ChurnDeskActions {
  return createCoreGridActions(wb);
}
