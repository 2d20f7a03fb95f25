type Action = () => Promise<void>;

/**
 * Undo steps registered as resources come up, run once in reverse order: on success, on
 * failure, on a signal or when the time budget runs out, whichever comes first.
 */
export class Cleanup {
  private readonly actions: { label: string; action: Action }[] = [];
  private running: Promise<boolean> | undefined;

  add(label: string, action: Action): void {
    this.actions.push({ label, action });
  }

  /** Resolves to false when a step failed (each failure is printed); later calls share the first run. */
  run(): Promise<boolean> {
    this.running ??= this.runAll();
    return this.running;
  }

  private async runAll(): Promise<boolean> {
    let ok = true;
    for (const { label, action } of [...this.actions].reverse()) {
      try {
        await action();
      } catch (error) {
        ok = false;
        process.stderr.write(
          `cleanup: could not ${label}: ${error instanceof Error ? error.message : String(error)}\n`,
        );
      }
    }
    return ok;
  }
}

/** On SIGINT/SIGTERM, or when `budgetMs` has passed, cleans up and exits non-zero. */
export function guard(cleanup: Cleanup, budgetMs: number): void {
  const abort = (reason: string, code: number): void => {
    process.stderr.write(`\n${reason}: stopping the server and dropping the bench database\n`);
    void cleanup.run().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('SIGINT', 130));
  process.once('SIGTERM', () => abort('SIGTERM', 143));
  setTimeout(
    () => abort(`the benchmark ran longer than ${Math.round(budgetMs / 1000)} s`, 1),
    budgetMs,
  ).unref();
}
