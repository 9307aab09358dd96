/**
 * The command line's progress: one line on stderr, redrawn in place, that only moves forward. A run has three phases,
 * reading → analysing → writing, each owning a fixed share of the bar (READ, ANALYSE, WRITE below), so the percentage
 * never goes back when a phase starts (the core reports its own steps from 0 to 1; they are placed inside the
 * analysing share). Once the rows are known, the line gives them and the rows per second of the run so far.
 * A timer redraws the elapsed seconds while a phase is silent (reading a large file takes a while between reports).
 */
import { t, type Locale } from '../i18n';

export type Phase = 'reading' | 'analysing' | 'writing';

/** The share of the bar each phase owns: [start, end). Reading and writing dominate large files. */
const SPAN: Record<Phase, [number, number]> = { reading: [0, 0.35], analysing: [0.35, 0.65], writing: [0.65, 1] };

export interface ProgressLine {
  /** `fraction` is the phase's own progress (0..1); `step` a catalogue suffix of cli.step.*. */
  report(phase: Phase, step: string, fraction: number): void;
  /** The rows the run reads (customer rows, calls, register rows, cards), once known. */
  rows(count: number): void;
  /** Ends the line (100%, a newline); safe to call twice. */
  finish(): void;
  /** Ends the line where it stands (the run stopped); safe to call twice. */
  stop(): void;
}

export function progressLine(locale: Locale, write: (text: string) => void, now: () => number = Date.now, tickMs = 1000): ProgressLine {
  const started = now();
  let percent = 0;
  let phase: Phase = 'reading';
  let step = 'reading';
  let rowCount: number | null = null;
  let last = '';
  let ended = false;
  const draw = () => {
    if (ended) return;
    const seconds = (now() - started) / 1000;
    const rate = rowCount !== null && seconds > 0 ? t(locale, 'cli.progress.rate', { rows: rowCount.toLocaleString('en-US'), perSecond: Math.round(rowCount / seconds).toLocaleString('en-US') }) : '';
    const line = t(locale, 'cli.progress.line', { percent, phase: t(locale, `cli.phase.${phase}`), step: t(locale, `cli.step.${step}`), seconds: seconds.toFixed(0), rate });
    if (line !== last) write(`\r${line}   `);
    last = line;
  };
  const timer = tickMs > 0 ? setInterval(draw, tickMs) : null;
  timer?.unref?.();
  const end = (final: boolean) => {
    if (ended) return;
    if (final) percent = 100;
    draw();
    ended = true;
    if (timer) clearInterval(timer);
    write('\n');
  };
  return {
    report(p, s, fraction) {
      const [a, b] = SPAN[p];
      const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      // Forward only: a later phase never starts below the earlier's mark, and a step never moves the bar back.
      percent = Math.max(percent, Math.min(99, Math.floor((a + (b - a) * f) * 100)));
      phase = p;
      step = s;
      draw();
    },
    rows(count) {
      rowCount = count;
      draw();
    },
    finish: () => end(true),
    stop: () => end(false),
  };
}
