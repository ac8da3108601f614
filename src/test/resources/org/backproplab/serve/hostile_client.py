"""A hostile SSH client for ServeAbuseIT (paramiko): what the class server must not let one client do.

  hostile_client.py stall PORT SECONDS   never signs in, but asks for the sign-in service again every second
  hostile_client.py tries PORT SECONDS   wrong class codes over one connection, each after a fresh service request

Prints one line: "closed after S s" or "open after S s" (stall), "tries N" (tries: the ones the server answered before it closed the connection).
"""
import sys
import time

import paramiko

mode, port, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
t = paramiko.Transport(("127.0.0.1", port))
t.start_client(timeout=10)
start = time.time()
if mode == "stall":
    while t.is_active() and time.time() - start < seconds:
        try:
            t.auth_none("stall")  # a fresh ssh-userauth service request each time
        except paramiko.BadAuthenticationType:
            pass
        except Exception:
            break
        time.sleep(1)
    print(("open" if t.is_active() else "closed") + " after %.1f s" % (time.time() - start))
elif mode == "tries":
    tries = 0
    while t.is_active() and time.time() - start < seconds and tries < 5000:
        try:
            t.auth_password("guess", "zzzzz%d" % tries)
        except paramiko.AuthenticationException:
            pass
        except Exception:
            break
        if t.is_active():  # refused, not disconnected: a try the server answered
            tries += 1
    print("tries %d" % tries)
t.close()
