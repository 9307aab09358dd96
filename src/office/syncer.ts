/**
 * Counts `context.sync()` calls and suspends calculation for each write batch (ExcelApi 1.6), so the number of
 * round trips of an action can be reported and tested: O(sheets + row blocks), never per row or per cell.
 */
import type { Capabilities } from './capabilities';
import { throwIfAborted } from './errors';

export interface SyncStats {
  /** Every sync of the action. */
  syncs: number;
  /** Syncs caused by row blocks of large reads/writes (the part that grows with the data). */
  blockSyncs: number;
}

export class Syncer {
  constructor(
    readonly context: Excel.RequestContext,
    private readonly caps: Pick<Capabilities, 'suspendCalculation'>,
    readonly stats: SyncStats = { syncs: 0, blockSyncs: 0 },
    private readonly signal?: AbortSignal,
  ) {}

  /** Queues the calculation suspension at the start of a write batch (it lasts until the batch's sync). */
  begin(): void {
    if (this.caps.suspendCalculation) this.context.workbook.application.suspendApiCalculationUntilNextSync();
  }

  /** The same counter without cancellation: for the clean-up after a failure or a cancel. */
  unsignalled(): Syncer {
    return new Syncer(this.context, this.caps, this.stats);
  }

  /** Syncs; `block` marks a sync caused by a row block. Checks cancellation first. */
  async sync(block = false): Promise<void> {
    throwIfAborted(this.signal);
    this.stats.syncs++;
    if (block) this.stats.blockSyncs++;
    await this.context.sync();
  }
}
