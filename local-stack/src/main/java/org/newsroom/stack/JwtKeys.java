package org.newsroom.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The RS256 key pair of a local stack (generated on first start, kept under the git-ignored state directory, never
 * committed) and the bearer tokens it signs for {@code ./newsroom token} and for tests.
 */
public final class JwtKeys {

    /** The {@code iss} claim every service verifies. */
    public static final String ISSUER = "newsroom";
    public static final Set<String> ROLES = Set.of("reporter", "editor", "admin");

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private JwtKeys(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A fresh key pair held in memory only (tests). */
    public static JwtKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtKeys(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the key pair from {@code dir}, generating and storing it (private key readable by the owner only) when missing. */
    public static JwtKeys loadOrCreate(Path dir) {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        try {
            if (Files.exists(privatePem) && Files.exists(publicPem)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                return new JwtKeys(
                        rsa.generatePrivate(new PKCS8EncodedKeySpec(decodePem(Files.readString(privatePem)))),
                        rsa.generatePublic(new X509EncodedKeySpec(decodePem(Files.readString(publicPem)))));
            }
            JwtKeys keys = generate();
            Files.createDirectories(dir);
            Files.writeString(privatePem, "");
            try {
                Files.setPosixFilePermissions(privatePem, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(privatePem, pem("PRIVATE KEY", keys.privateKey.getEncoded()));
            Files.writeString(publicPem, keys.publicKeyPem());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unreadable key pair in " + dir, e);
        }
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** A signed token for {@code name} holding {@code role} in its {@code groups} claim. */
    public String token(String role, String name, Duration lifetime) {
        return token(List.of(role), name, lifetime);
    }

    public String token(List<String> roles, String name, Duration lifetime) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", name);
        claims.put("upn", name);
        claims.put("groups", roles);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    /** Signs arbitrary claims (tests use it for expired or forged tokens). */
    public String sign(Map<String, Object> claims) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + b64.encodeToString(signature.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").trim());
    }
}
