# Runs a command in a pseudo-terminal (so its standard input is a TTY), waits for `expect`
# in its output, types `answer` and Enter, and prints one JSON object: everything the command
# wrote to the terminal and its exit code. Test-only (the CLI's password prompt).
import json, os, pty, select, sys, time

expect, answer, argv = sys.argv[1], sys.argv[2], sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
output = b""
typed = False
deadline = time.time() + 20
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    if not typed and expect.encode() in output:
        time.sleep(0.2)
        os.write(fd, answer.encode() + b"\r")
        typed = True
_, status = os.waitpid(pid, 0)
print(json.dumps({"output": output.decode("utf-8", "replace"), "code": os.waitstatus_to_exitcode(status), "typed": typed}))
