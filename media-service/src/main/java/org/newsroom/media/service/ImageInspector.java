package org.newsroom.media.service;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.common.problem.Problem;
import org.newsroom.common.problem.ProblemException;
import org.newsroom.media.config.MediaConfig;

/**
 * Decides whether bytes are an image the desk accepts: the signature names the format (415 otherwise), the header
 * gives the size, checked against the pixel limit before any decoding (422: a decompression bomb), and the whole image
 * is then decoded, subsampled to keep memory small; a truncated or corrupt image is 422.
 */
@ApplicationScoped
public class ImageInspector {

    /** Decode-check subsamples to about this many pixels on the longer side: every byte is still read. */
    private static final int CHECK_SIDE = 512;

    static {
        // Decode from memory only; no temporary files.
        ImageIO.setUseCache(false);
    }

    private final MediaConfig config;

    public ImageInspector(MediaConfig config) {
        this.config = config;
    }

    /** What an accepted image is. */
    public record Inspected(ImageFormat format, int width, int height) {
    }

    public Inspected inspect(Path file, String declaredType, String fileName) {
        ImageFormat format = ImageFormat.sniff(head(file, 16)).orElseThrow(() -> unsupported(
                "Only JPEG, PNG and WebP photos are accepted; this file is none of them"));
        String declared = declaredType == null ? "" : declaredType.split(";", 2)[0].trim();
        if (!declared.isEmpty() && !declared.equalsIgnoreCase("application/octet-stream")
                && ImageFormat.ofMediaType(declared).filter(f -> f == format).isEmpty()) {
            throw unsupported("The file is " + format.mediaType() + " but was sent as " + declared);
        }
        if (fileName != null && fileName.contains(".")) {
            String extension = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            if (!format.hasExtension(extension)) {
                throw unsupported("The file is " + format.mediaType() + " but is named ." + extension);
            }
        }
        if (format == ImageFormat.JPEG && !endsWithEndOfImage(tail(file, 64))) {
            throw invalid("The JPEG is truncated (no end-of-image marker)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(format, in);
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw invalid("The image has no pixels");
                }
                if ((long) width * height > config.maxPixels()) {
                    throw invalid("The image is " + width + "×" + height + " pixels, more than the limit of "
                            + config.maxPixels());
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / CHECK_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || !warnings.isEmpty()) {
                    throw invalid("The image cannot be decoded completely");
                }
                return new Inspected(format, width, height);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw invalid("The image cannot be decoded: it is truncated or corrupt");
        }
    }

    private static ImageReader reader(ImageFormat format, ImageInputStream in) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.imageIoName());
        if (!readers.hasNext()) {
            throw unsupported(format.mediaType() + " cannot be read by this server");
        }
        return readers.next();
    }

    private static byte[] head(Path file, int length) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw invalid("The image cannot be read");
        }
    }

    private static byte[] tail(Path file, int length) {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            int n = (int) Math.min(size, length);
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(n);
            channel.position(size - n);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // read the last bytes
            }
            return buffer.array();
        } catch (IOException e) {
            throw invalid("The image cannot be read");
        }
    }

    private static boolean endsWithEndOfImage(byte[] bytes) {
        // Some cameras pad after EOI; accept a few trailing zero bytes.
        int end = bytes.length;
        while (end > 2 && bytes[end - 1] == 0 && bytes.length - end < 64) {
            end--;
        }
        return end >= 4 && (bytes[end - 2] & 0xff) == 0xFF && (bytes[end - 1] & 0xff) == 0xD9;
    }

    private static ProblemException unsupported(String detail) {
        return new ProblemException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail));
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(Problem.of(422, "invalid-image", "Invalid image", detail));
    }
}
