package org.newsroom.stack.test;

import java.util.HashMap;
import java.util.Map;

import org.newsroom.stack.JwtKeys;
import org.newsroom.stack.PostgresServer;
import org.newsroom.stack.S3Server;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the Quarkus service under test at the real broker and database of {@link TestInfrastructure}. Declare it with
 * {@code @QuarkusTestResource(value = NewsroomTestResource.class, initArgs = @ResourceArg(name = "database", value = "articles"))};
 * without a {@code database} argument no datasource is configured. With {@code object-store=true} the real S3 server
 * (S3Proxy) is started too and media-service's {@code newsroom.media.s3.*} keys point at it.
 */
public class NewsroomTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;
    private boolean objectStore;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        objectStore = Boolean.parseBoolean(initArgs.get("object-store"));
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey", infrastructure.keys().publicKeyPem()
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        // "NONE" is smallrye-jwt's own "not set" value; an empty string fails its config validation (SRCFG00040).
        config.put("mp.jwt.verify.publickey.location", "NONE");
        config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
        if (database != null) {
            infrastructure.postgres().createDatabase(database);
            config.put("quarkus.datasource.jdbc.url", infrastructure.postgres().jdbcUrl(database));
            config.put("quarkus.datasource.username", PostgresServer.USER);
            config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        }
        if (objectStore) {
            S3Server s3 = infrastructure.s3();
            config.put("newsroom.media.s3.endpoint", s3.endpoint());
            config.put("newsroom.media.s3.access-key-id", S3Server.ACCESS_KEY);
            config.put("newsroom.media.s3.secret-access-key", S3Server.SECRET_KEY);
        }
        return config;
    }

    @Override
    public void stop() {
        // The broker and database live as long as the test JVM, shared by every test class.
    }
}
