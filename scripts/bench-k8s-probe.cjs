// Preloaded into `opsdeck serve` by scripts/bench-k8s.mjs (node --expose-gc -r): answers a
// memory request over the IPC channel with the process's own figures after a full GC, and
// the CPU time it has used so far.
process.on('message', (msg) => {
  if (msg !== 'memory') return;
  const { user, system } = process.cpuUsage();
  global.gc();
  global.gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send({ memory: { rss, heapUsed, heapTotal, external, arrayBuffers, cpuMs: (user + system) / 1000 } });
});
// The channel must not keep a finished process alive.
process.channel?.unref();
