// Preloaded into every supervised child: its stdin is a pipe from the supervisor, which closes
// when the supervisor dies for any reason (even SIGKILL). The child then shuts down through its
// own SIGTERM handler instead of living on as an orphan holding ports and connections.
if (process.env.DYNHOST_SUPERVISED === "1") {
  process.stdin.on("data", () => {});
  process.stdin.on("close", () => process.kill(process.pid, "SIGTERM"));
  process.stdin.on("error", () => process.kill(process.pid, "SIGTERM"));
  process.stdin.resume();
}
