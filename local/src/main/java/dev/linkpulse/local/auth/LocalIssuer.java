package dev.linkpulse.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The local stack's token issuer. Its RSA key is kept in the state directory so that tokens minted by
 * {@code ./linkpulse token} (a separate process) verify against the running stack, and survive a restart.
 */
public final class LocalIssuer {
  public static final String PATH = "/local-issuer";

  private final RSAKey key;
  private final String issuer;
  private final String audience;

  private LocalIssuer(RSAKey key, String issuer, String audience) {
    this.key = key;
    this.issuer = issuer;
    this.audience = audience;
  }

  /** Loads the key from {@code stateDir/issuer-key.json}, creating it on first use. */
  public static LocalIssuer open(Path stateDir, String issuer, String audience) throws IOException {
    Path file = stateDir.resolve("issuer-key.json");
    try {
      if (Files.exists(file)) return new LocalIssuer(RSAKey.parse(Files.readString(file)), issuer, audience);
      RSAKey key = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString())
          .algorithm(JWSAlgorithm.RS256).generate();
      Files.createDirectories(stateDir);
      Path tmp = Files.createTempFile(stateDir, "issuer", ".tmp");
      Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return new LocalIssuer(key, issuer, audience);
    } catch (ParseException | JOSEException e) {
      throw new IOException("cannot use the local issuer key at " + file + ": " + e.getMessage(), e);
    }
  }

  public String issuer() {
    return issuer;
  }

  public String mint(String subject, Duration ttl) {
    Instant now = Instant.now();
    return sign(new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(subject)
        .issueTime(Date.from(now)).notBeforeTime(Date.from(now)).expirationTime(Date.from(now.plus(ttl)))
        .jwtID(UUID.randomUUID().toString()).claim("token_use", "access").build());
  }

  /** Signs arbitrary claims with the issuer key (tests use it to build expired or wrong-audience tokens). */
  public String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public String discoveryJson(String jwksUri) {
    return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"]}";
  }
}
