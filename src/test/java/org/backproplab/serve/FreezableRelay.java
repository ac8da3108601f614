package org.backproplab.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay in front of the server. {@link #freeze()} stops it passing bytes either way while
 * keeping both connections open: the server sees a client that vanished without closing (a
 * laptop shut, a cable pulled), which a clean close or a kill never shows.
 */
final class FreezableRelay implements AutoCloseable {
    private final ServerSocket listener;
    private volatile boolean frozen;
    private volatile Socket client;
    private volatile Socket upstream;

    FreezableRelay(int targetPort) throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                client = listener.accept();
                upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                pump(client.getInputStream(), upstream.getOutputStream());
                pump(upstream.getInputStream(), client.getOutputStream());
            } catch (IOException e) {
                // closed
            }
        }, "relay");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    void freeze() {
        frozen = true;
    }

    private void pump(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    while (frozen) {
                        Thread.sleep(50); // hold the bytes: nothing gets through, nothing is closed
                    }
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
        }, "relay pump");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : new Socket[] {client, upstream}) {
            if (s != null) {
                s.close();
            }
        }
    }
}
