// Preloaded into a benchmarked child (node --import): reports its peak RSS on exit.
process.on("exit", () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\n`);
});
