package org.newsroom.stack.test;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Photos made in the test: a JPEG carrying IPTC IIM (UTF-8, coded character set ESC % G) with a Chinese caption,
 * credit and byline and an EXIF GPS position, as a photographer's tool writes them; and the hostile files.
 */
public final class TestPhotos {

    public static final String CREDIT = "刘坤 陈文卿";
    public static final String CAPTION = "全球人工智能领域专家学者聚在徐汇，就 AI 发展趋势等进行探讨。";
    public static final String BYLINE = "刘坤";

    private TestPhotos() {
    }

    /** A JPEG of the given size with IPTC (Chinese caption, credit, byline) and EXIF GPS. */
    public static byte[] chineseIptcJpeg(int width, int height, String caption) {
        byte[] plain = jpeg(image(width, height));
        byte[] exif = app(0xE1, exifWithGps());
        byte[] iptc = app(0xED, photoshopIptc(caption, CREDIT, BYLINE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.writeBytes(exif);
        out.writeBytes(iptc);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    public static byte[] chineseIptcJpeg() {
        return chineseIptcJpeg(2400, 1600, CAPTION);
    }

    public static byte[] png(int width, int height) {
        return encode(image(width, height), "png");
    }

    /** A PNG whose header claims 100,000 × 100,000 pixels (10 gigapixels) over a few bytes of data. */
    public static byte[] decompressionBomb() {
        byte[] png = png(1, 1);
        ByteBuffer header = ByteBuffer.wrap(png);
        header.putInt(16, 100_000);
        header.putInt(20, 100_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        header.putInt(29, (int) crc.getValue());
        return png;
    }

    /** The first half of a JPEG. */
    public static byte[] truncatedJpeg() {
        byte[] whole = chineseIptcJpeg(1200, 800, CAPTION);
        return Arrays.copyOf(whole, whole.length / 2);
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
                + "<script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>").getBytes(StandardCharsets.UTF_8);
    }

    public static BufferedImage image(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(200, 30, 30), width, height, new Color(20, 60, 220)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] jpeg(BufferedImage image) {
        return encode(image, "jpeg");
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] app(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return segment.array();
    }

    /** Photoshop image resource 0x0404 holding IPTC IIM datasets, UTF-8 declared in 1:90. */
    private static byte[] photoshopIptc(String caption, String credit, String byline) {
        ByteArrayOutputStream iim = new ByteArrayOutputStream();
        dataset(iim, 1, 90, new byte[] {0x1B, 0x25, 0x47});
        dataset(iim, 2, 0, new byte[] {0, 4});
        dataset(iim, 2, 80, byline.getBytes(StandardCharsets.UTF_8));
        dataset(iim, 2, 110, credit.getBytes(StandardCharsets.UTF_8));
        dataset(iim, 2, 120, caption.getBytes(StandardCharsets.UTF_8));
        byte[] data = iim.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Photoshop 3.0\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("8BIM".getBytes(StandardCharsets.US_ASCII));
        out.write(0x04);
        out.write(0x04);
        out.write(0);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void dataset(ByteArrayOutputStream out, int record, int dataset, byte[] value) {
        out.write(0x1C);
        out.write(record);
        out.write(dataset);
        out.write((value.length >> 8) & 0xff);
        out.write(value.length & 0xff);
        out.writeBytes(value);
    }

    /** EXIF with a GPS IFD: latitude N 31° 12' 0" (a source's position, never public). */
    private static byte[] exifWithGps() {
        ByteBuffer tiff = ByteBuffer.allocate(80);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
        // IFD0 at 8: one entry, GPSInfo pointer to 26.
        tiff.putShort((short) 1);
        tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26);
        tiff.putInt(0);
        // GPS IFD at 26: latitude ref and latitude (3 rationals at 56).
        tiff.putShort((short) 2);
        tiff.putShort((short) 0x0001).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
        tiff.putShort((short) 0x0002).putShort((short) 5).putInt(3).putInt(56);
        tiff.putInt(0);
        tiff.putInt(31).putInt(1).putInt(12).putInt(1).putInt(0).putInt(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
        out.write(tiff.array(), 0, tiff.position());
        return out.toByteArray();
    }
}
