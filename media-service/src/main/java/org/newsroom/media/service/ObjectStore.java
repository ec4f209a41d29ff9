package org.newsroom.media.service;

import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.media.config.MediaConfig;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The bucket, through the S3 API of any S3-compatible store (AWS SDK v2, path-style by default). Every failure to
 * reach the store becomes {@link ObjectStoreUnavailableException}; the client reconnects by itself once the store is
 * back, so no restart is needed.
 */
@ApplicationScoped
public class ObjectStore {

    private static final Logger LOG = Logger.getLogger(ObjectStore.class);

    private final S3Client s3;
    private final String bucket;
    private final boolean createBucket;
    private volatile boolean bucketChecked;

    public ObjectStore(MediaConfig config) {
        MediaConfig.S3 settings = config.s3();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(java.time.Duration.ofSeconds(2))
                        .socketTimeout(settings.callTimeout()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .forcePathStyle(settings.pathStyleAccess())
                // Checksums only where the API requires them, and signed (not aws-chunked) bodies: what every
                // S3-compatible store understands; Content-MD5 still lets the store verify each upload.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .overrideConfiguration(o -> o.apiCallTimeout(settings.callTimeout()));
        settings.endpoint().ifPresent(builder::endpointOverride);
        s3 = builder.build();
        bucket = settings.bucket();
        createBucket = settings.createBucket();
    }

    /** Stores an object and returns once the store acknowledged it (with its content MD5 checked by the store). */
    public void put(String key, byte[] bytes, String contentType) {
        ensureBucket();
        String md5 = Base64.getEncoder().encodeToString(Digests.md5(bytes));
        call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentMD5(md5),
                RequestBody.fromBytes(bytes)), "store " + key);
    }

    /** Streams a file into the store; returns once the store acknowledged it, with the given MD5 checked by the store. */
    public void put(String key, java.nio.file.Path file, byte[] md5, String contentType) {
        ensureBucket();
        String contentMd5 = Base64.getEncoder().encodeToString(md5);
        call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType).contentMD5(contentMd5),
                RequestBody.fromFile(file)), "store " + key);
    }

    /** Copies the object into {@code target} (replacing it); false when the object does not exist. */
    public boolean download(String key, java.nio.file.Path target) {
        ensureBucket();
        try {
            java.nio.file.Files.deleteIfExists(target);
            s3.getObject(b -> b.bucket(bucket).key(key), software.amazon.awssdk.core.sync.ResponseTransformer.toFile(target));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (SdkException e) {
            throw new ObjectStoreUnavailableException("cannot read " + key, e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The object's bytes, or empty when it does not exist. */
    public Optional<byte[]> get(String key) {
        ensureBucket();
        try {
            ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            return Optional.of(object.asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new ObjectStoreUnavailableException("cannot read " + key, e);
        }
    }

    /** Whether the store answers for the bucket (readiness). */
    public boolean isReachable() {
        try {
            ensureBucket();
            s3.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void ensureBucket() {
        if (bucketChecked || !createBucket) {
            return;
        }
        call(() -> {
            try {
                s3.headBucket(b -> b.bucket(bucket));
            } catch (NoSuchBucketException e) {
                LOG.infof("creating bucket %s", bucket);
                s3.createBucket(b -> b.bucket(bucket));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                if (e.statusCode() != 404) {
                    throw e;
                }
                LOG.infof("creating bucket %s", bucket);
                s3.createBucket(b -> b.bucket(bucket));
            }
            return null;
        }, "check bucket " + bucket);
        bucketChecked = true;
    }

    private <T> T call(java.util.function.Supplier<T> action, String what) {
        try {
            return action.get();
        } catch (SdkException e) {
            throw new ObjectStoreUnavailableException("object store: cannot " + what, e);
        }
    }

    @PreDestroy
    void close() {
        s3.close();
    }
}
