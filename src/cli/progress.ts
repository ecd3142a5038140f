/** A progress bar on a terminal; nothing at all when output goes to a file or a pipe. */
export function progressBar(stream: NodeJS.WriteStream, label: string) {
  if (!stream.isTTY) return { update: (_done: number, _total: number) => {}, finish: () => {} };
  let last = -1;
  return {
    update(done: number, total: number) {
      const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (percent === last) return;
      last = percent;
      const filled = Math.round(percent / 4);
      stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(25 - filled)}] ${done}/${total}`);
    },
    finish() {
      stream.write("\n");
    },
  };
}
