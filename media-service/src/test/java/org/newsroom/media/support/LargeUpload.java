package org.newsroom.media.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends a large upload generated on the fly (a JPEG signature, then zeros) over a plain socket, so that no test holds
 * the body in memory and a server that refuses early (and closes) is seen as it answers. RestAssured would keep the
 * whole body as text for its request log; the JDK 17 client waits for ever on {@code Expect: 100-continue}.
 */
public final class LargeUpload {

    private static final byte[] CHUNK = new byte[64 * 1024];

    /** Status, headers (lower-case names) and body of the answer. */
    public record Answer(int status, Map<String, String> headers, String body) {
    }

    private LargeUpload() {
    }

    /**
     * @param chunked true: sent with {@code Transfer-Encoding: chunked} (no declared length); false: with a
     *        {@code Content-Length} of {@code length}
     */
    public static Answer send(URI url, String token, long length, boolean chunked) {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: image/jpeg\r\n"
                    + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> writeBody(out, length, chunked), "large-upload-body");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBody(OutputStream out, long length, boolean chunked) {
        try {
            long sent = 0;
            while (sent < length) {
                int n = (int) Math.min(CHUNK.length, length - sent);
                byte[] data = CHUNK;
                if (sent == 0) {
                    data = CHUNK.clone();
                    data[0] = (byte) 0xFF;
                    data[1] = (byte) 0xD8;
                    data[2] = (byte) 0xFF;
                }
                if (chunked) {
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(data, 0, n);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent += n;
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException expected) {
            // the server refused the body and closed the connection
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        String header;
        while (!(header = line(in)).isEmpty()) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Answer(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
