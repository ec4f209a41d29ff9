package org.newsroom.media.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the photo desk (README "media-service configuration"). */
@ConfigMapping(prefix = "newsroom.media")
public interface MediaConfig {

    /** Largest upload in bytes; larger bodies get 413 (also sets the HTTP body limit of this service). */
    @WithDefault("26214400")
    long maxUploadBytes();

    /** Largest image in pixels (width × height), read from the header before decoding; larger is 422. */
    @WithDefault("50000000")
    long maxPixels();

    /** Widths in pixels of the public JPEG renditions (none wider than the original is made). */
    @WithDefault("320,640,1280,2048")
    List<Integer> renditionWidths();

    /** JPEG quality of the renditions, between 0 and 1. */
    @WithDefault("0.85")
    float jpegQuality();

    /** Seconds a client is told to wait ({@code Retry-After}) when the object store is unavailable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /** Public base URL of this service, used in rendition URLs. */
    @WithDefault("http://127.0.0.1:8084")
    String publicUrl();

    /** The S3-compatible object store. */
    S3 s3();

    /** Endpoint, bucket and credentials of the S3-compatible object store. */
    interface S3 {
        /** Endpoint URL (e.g. {@code http://127.0.0.1:19000}); absent: the provider's default regional endpoint. */
        Optional<URI> endpoint();

        /** The bucket that holds originals and renditions; this service is its only user. */
        @WithDefault("newsroom-media")
        String bucket();

        /** Signing region. */
        @WithDefault("us-east-1")
        String region();

        /** Access key id (from a Secret on Kubernetes). */
        String accessKeyId();

        /** Secret access key (from a Secret on Kubernetes); never logged. */
        String secretAccessKey();

        /** Path-style URLs ({@code endpoint/bucket/key}) instead of virtual-host style; most non-AWS stores need it. */
        @WithDefault("true")
        boolean pathStyleAccess();

        /** Create the bucket when it is missing (local stack and tests; off where the bucket is provisioned). */
        @WithDefault("false")
        boolean createBucket();

        /** Longest time one object-store call may take, retries included, before the caller gets 503. */
        @WithDefault("10s")
        Duration callTimeout();
    }
}
