/**
 * A clean stop on SIGTERM (a service manager) or SIGINT (Ctrl+C): the steps given finish what is
 * in progress and close what is open, then the process exits 0. If they take longer than the grace
 * period, it exits 1 rather than hang until the service manager kills it.
 */
export function stopOnSignals(steps: (signal: NodeJS.Signals) => Promise<void>, { graceMs = 9_000 } = {}): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: finishing what is in progress, then stopping.`);
    setTimeout(() => {
      console.error(`Still stopping after ${graceMs / 1000} s: exiting now.`);
      process.exit(1);
    }, graceMs).unref();
    steps(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Stopping failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
