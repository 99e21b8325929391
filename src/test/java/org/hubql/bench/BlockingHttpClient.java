package org.hubql.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A client as lean as curl's or Python's: one blocking HTTP/1.1 keep-alive connection, used by one thread, that
 * writes a POST and reads the whole answer (sized or chunked) on the calling thread. {@code java.net.http} hands
 * each exchange between its selector thread and the caller, which on two cores costs a client time of its own;
 * {@link NestedOverHttp} times both and reports each. A connection the server closed (its idle timeout, or
 * {@code Connection: close}) is opened anew.
 */
final class BlockingHttpClient implements AutoCloseable {
    private final URI url;
    private Socket socket;
    private OutputStream out;
    private InputStream in;

    BlockingHttpClient(URI url) throws IOException {
        this.url = url;
        connect();
    }

    /** The answer's body; anything but a 200 is an error. */
    byte[] post(String token, byte[] body) throws IOException {
        byte[] request = request(token, body);
        String status;
        try {
            status = send(request);
        } catch (IOException closedByServer) {
            reconnect();
            status = send(request);
        }
        return answer(status);
    }

    private void reconnect() throws IOException {
        socket.close();
        connect();
    }

    private void connect() throws IOException {
        socket = new Socket(url.getHost(), url.getPort());
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
    }

    private byte[] request(String token, byte[] body) {
        String head = "POST " + url.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + url.getHost() + ":" + url.getPort() + "\r\n"
                + "Authorization: token " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream(head.length() + body.length);
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        return request.toByteArray();
    }

    /** Writes the request and reads the status line; an idle connection the server has closed fails here. */
    private String send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        return line();
    }

    private byte[] answer(String status) throws IOException {
        long length = -1;
        boolean chunked = false;
        boolean closes = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(
                        lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closes = true;
            }
        }
        byte[] answer = chunked ? chunks() : in.readNBytes(Math.toIntExact(length));
        if (!chunked && answer.length < length) {
            throw new EOFException(answer.length + " of " + length + " bytes before the server closed");
        }
        if (closes) {
            reconnect();
        }
        if (!status.startsWith("HTTP/1.1 200 ")) {
            throw new IllegalStateException(
                    status + " from " + url + ": " + new String(answer, StandardCharsets.UTF_8));
        }
        return answer;
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(128 * 1024);
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            body.write(in.readNBytes(size));
            line();
        }
        for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
            // trailers carry nothing this client reads
        }
        return body.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
