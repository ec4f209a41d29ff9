package org.newsroom.media.support;

import java.net.URI;

import org.newsroom.stack.S3Server;
import org.newsroom.stack.test.TestInfrastructure;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Reads the test bucket straight from the real S3 server, to prove what is (and is not) stored. */
public final class Bucket {

    public static final String NAME = "newsroom-media";

    private Bucket() {
    }

    public static S3Client client() {
        S3Server server = TestInfrastructure.get().s3();
        return S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(software.amazon.awssdk.core.checksums.ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3Server.ACCESS_KEY, S3Server.SECRET_KEY)))
                .build();
    }

    /** Number of originals in the bucket. */
    public static long originals() {
        try (S3Client s3 = client()) {
            return s3.listObjectsV2Paginator(b -> b.bucket(NAME).prefix("originals/")).contents().stream().count();
        }
    }
}
