package org.newsroom.media.service;

import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.adobe.internal.xmp.XMPConst;
import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPMeta;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * Reads the IPTC Photo Metadata a photographer embedded: XMP first (always UTF-8), then IPTC IIM (decoded with its
 * coded character set, record 1:90, so Chinese captions come out right), then EXIF. Text is NFC-normalised.
 */
@ApplicationScoped
public class MetadataReader {

    private static final Logger LOG = Logger.getLogger(MetadataReader.class);
    private static final String PHOTOSHOP_NS = "http://ns.adobe.com/photoshop/1.0/";

    public PhotoMetadata read(Path file) {
        Metadata metadata;
        try {
            metadata = ImageMetadataReader.readMetadata(file.toFile());
        } catch (Exception e) {
            LOG.debugf("no readable metadata: %s", e.getMessage());
            return new PhotoMetadata(null, null, null, null, null);
        }
        XMPMeta xmp = null;
        XmpDirectory xmpDirectory = metadata.getFirstDirectoryOfType(XmpDirectory.class);
        if (xmpDirectory != null) {
            xmp = xmpDirectory.getXMPMeta();
        }
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        ExifSubIFDDirectory exifSub = metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class);

        String caption = first(xmpAlt(xmp, XMPConst.NS_DC, "description"),
                iptc(iptc, IptcDirectory.TAG_CAPTION), exif(exif, ExifIFD0Directory.TAG_IMAGE_DESCRIPTION));
        String credit = first(xmpProperty(xmp, PHOTOSHOP_NS, "Credit"), iptc(iptc, IptcDirectory.TAG_CREDIT));
        String byline = first(xmpSeq(xmp, XMPConst.NS_DC, "creator"), iptc(iptc, IptcDirectory.TAG_BY_LINE),
                exif(exif, ExifIFD0Directory.TAG_ARTIST));
        String copyright = first(xmpAlt(xmp, XMPConst.NS_DC, "rights"),
                iptc(iptc, IptcDirectory.TAG_COPYRIGHT_NOTICE), exif(exif, ExifIFD0Directory.TAG_COPYRIGHT));
        OffsetDateTime takenAt = null;
        if (exifSub != null) {
            Date date = exifSub.getDateOriginal(TimeZone.getTimeZone("UTC"));
            if (date != null) {
                takenAt = date.toInstant().atOffset(ZoneOffset.UTC);
            }
        }
        if (takenAt == null && iptc != null) {
            Date date = iptc.getDateCreated();
            if (date != null) {
                takenAt = date.toInstant().atOffset(ZoneOffset.UTC);
            }
        }
        return new PhotoMetadata(caption, credit, byline, copyright, takenAt);
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
            }
        }
        return null;
    }

    private static String iptc(IptcDirectory directory, int tag) {
        if (directory == null || !directory.containsTag(tag)) {
            return null;
        }
        String[] values = directory.getStringArray(tag);
        return values == null ? directory.getString(tag) : String.join(" ", values);
    }

    private static String exif(ExifIFD0Directory directory, int tag) {
        return directory == null ? null : directory.getString(tag);
    }

    private static String xmpAlt(XMPMeta xmp, String ns, String name) {
        try {
            return xmp == null || !xmp.doesPropertyExist(ns, name) ? null
                    : xmp.getLocalizedText(ns, name, null, XMPConst.X_DEFAULT).getValue();
        } catch (XMPException | RuntimeException e) {
            return null;
        }
    }

    private static String xmpProperty(XMPMeta xmp, String ns, String name) {
        try {
            return xmp == null ? null : xmp.getPropertyString(ns, name);
        } catch (XMPException e) {
            return null;
        }
    }

    private static String xmpSeq(XMPMeta xmp, String ns, String name) {
        try {
            if (xmp == null || !xmp.doesPropertyExist(ns, name)) {
                return null;
            }
            int count = xmp.countArrayItems(ns, name);
            StringBuilder names = new StringBuilder();
            for (int i = 1; i <= count; i++) {
                if (i > 1) {
                    names.append(' ');
                }
                names.append(xmp.getArrayItem(ns, name, i).getValue());
            }
            return names.toString();
        } catch (XMPException e) {
            return null;
        }
    }
}
