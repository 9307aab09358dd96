/** The actions the harness page hands to the pane. */
import type { ChurnDeskActions } from '../../../src/office/actions';
import type { FakeWorkbook } from '../../support/fakeExcel';
import { createStubActions } from './stubActions';

export function createHarnessActions(wb: FakeWorkbook): ChurnDeskActions {
  return createStubActions(wb);
}
