/**
 * Runs tasks one after another per key, and tasks of different keys side by side. Finding a customer by
 * document and creating it when absent must not interleave for one document (the orders and customers jobs
 * of the branches run at the same time in this process), or WinThor would get the customer twice.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with a task running or waiting (for the tests: nothing is kept once done). */
  get size(): number {
    return this.tails.size;
  }
}
