// A one-line progress display for long runs: count, rate and (when the total is known) ETA, redrawn at
// most a few times a second on a terminal; silent when stderr is not a TTY (logs, CI, pipes).
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export function progress(label: string, total: number | null, stream: NodeJS.WriteStream = process.stderr): Progress {
  const tty = stream.isTTY === true;
  const start = performance.now();
  let count = 0;
  let last = 0;
  const draw = (final: boolean) => {
    const s = (performance.now() - start) / 1000;
    const rate = s > 0 ? count / s : 0;
    let line = `${label} ${count}${total ? `/${total}` : ""}  ${rate.toFixed(1)}/s`;
    if (total && rate > 0 && !final) {
      const eta = Math.max(0, (total - count) / rate);
      line += `  ETA ${eta < 60 ? `${eta.toFixed(0)}s` : `${Math.floor(eta / 60)}m${String(Math.round(eta % 60)).padStart(2, "0")}s`}`;
    }
    if (total) {
      const width = 24;
      const filled = Math.min(width, Math.round((count / total) * width));
      line = `[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${line}`;
    }
    stream.write(`\r${line}\x1b[K${final ? "\n" : ""}`);
  };
  return {
    tick(n = 1) {
      count += n;
      if (!tty) return;
      const now = performance.now();
      if (now - last > 150) {
        last = now;
        draw(false);
      }
    },
    done() {
      if (tty) draw(true);
    },
  };
}
