package org.newsroom.media.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;

/**
 * An upload spooled to a temporary file while it arrives, with its SHA-256 and MD5 computed on the way: a photo of
 * 25 MiB never sits whole in the heap, and the file is what is inspected and streamed to the object store.
 */
public final class Upload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] md5;

    private Upload(Path file, long size, String sha256, byte[] md5) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.md5 = md5;
    }

    /**
     * Reads {@code body} into a temporary file; more than {@code maxBytes} is 413 (the connection is closed, so the rest
     * of the body is not read), nothing at all is 400.
     */
    public static Upload spool(InputStream body, long maxBytes) {
        Path file = null;
        try {
            file = Files.createTempFile("newsroom-upload-", ".bin");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            long size = 0;
            if (body != null) {
                byte[] buffer = new byte[BUFFER];
                try (OutputStream out = Files.newOutputStream(file)) {
                    int read;
                    while ((read = body.read(buffer)) != -1) {
                        size += read;
                        if (size > maxBytes) {
                            throw new ProblemException(Problem.of(413, "payload-too-large", "Payload too large",
                                    "The photo is larger than " + maxBytes + " bytes"), Map.of("Connection", "close"));
                        }
                        sha.update(buffer, 0, read);
                        md5.update(buffer, 0, read);
                        out.write(buffer, 0, read);
                    }
                }
            }
            if (size == 0) {
                throw ProblemException.badRequest("The request body is empty: send the photo's bytes");
            }
            Upload upload = new Upload(file, size, HexFormat.of().formatHex(sha.digest()), md5.digest());
            file = null;
            return upload;
        } catch (IOException e) {
            throw ProblemException.badRequest("The upload was interrupted before its end");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                delete(file);
            }
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    /** The MD5 of the bytes, sent as Content-MD5 so that the object store verifies what it stored. */
    public byte[] md5() {
        return md5.clone();
    }

    public InputStream open() {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the OS cleans its temp directory
        }
    }
}
