# gc-stress-interval: 500
# http.client against a tiny HTTP server in a child process.
import http.client
import http.server
import os
import socket


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("you asked for %s\n" % self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        data = self.rfile.read(n)
        self.send_response(201)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
pid = os.fork()
if pid == 0:
    try:
        for _ in range(3):
            server.handle_request()
    finally:
        os._exit(0)
server.server_close()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
conn.request("GET", "/hello?x=1")
r = conn.getresponse()
print(r.status, r.reason, r.getheader("Content-Type"), r.read())
conn.close()
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
conn.request("POST", "/echo", body=b"reverse me", headers={"Content-Type": "text/plain"})
r = conn.getresponse()
print(r.status, r.read())
conn.close()
import urllib.request
with urllib.request.urlopen("http://127.0.0.1:%d/via-urllib" % port, timeout=10) as r:
    print(r.status, r.read())
print(os.waitpid(pid, 0)[1])

# urllib.request of a file: URL, and logging.handlers.SocketHandler.
import logging.handlers
import tempfile
import urllib.request

with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, "f.txt")
    with open(p, "w") as f:
        f.write("file url contents\n")
    with urllib.request.urlopen("file://" + p) as r:
        print(r.read(), r.headers["Content-length"])
h = logging.handlers.SocketHandler("127.0.0.1", port)
print(type(h).__name__, h.host, h.port == port)
h.close()
