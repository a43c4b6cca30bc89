// A minimal SMTP sink for the reliability checks: accepts every mail and hands each one's header
// block (folded lines unfolded, first 8 KiB read) to `onMail`.
import { SMTPServer } from "smtp-server";

export async function startSmtpSink(onMail) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk) => {
        if (head.length < 8192) head += chunk.toString("utf8");
      });
      stream.on("end", () => {
        onMail(head.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, " "));
        callback();
      });
    },
  });
  // A replica killed with kill -9 mid-send resets its connection: expected here, not a crash.
  server.on("error", (error) => {
    if (error.code !== "ECONNRESET") console.error(`SMTP sink: ${error.message}`);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `smtp://127.0.0.1:${server.server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}
