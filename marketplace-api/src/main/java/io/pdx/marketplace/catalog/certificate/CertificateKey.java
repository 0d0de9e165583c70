package io.pdx.marketplace.catalog.certificate;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The platform's certificate signing key (Ed25519): the private key in a PKCS#8 PEM file only the API reads (a Secret
 * in Kubernetes), its public key beside it (SubjectPublicKeyInfo PEM) and published. Where the files are missing and
 * generating is allowed (a developer's machine, the tests), a key pair is generated once and kept; where it is not,
 * the API does not start. The private key never leaves this class.
 */
@ApplicationScoped
public class CertificateKey {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public CertificateKey(@ConfigProperty(name = "pdx.certificates.key-file") Path keyFile,
                          @ConfigProperty(name = "pdx.certificates.public-key-file") java.util.Optional<Path> publicKeyFile,
                          @ConfigProperty(name = "pdx.certificates.generate-missing", defaultValue = "false") boolean generateMissing) {
        Path publicFile = publicKeyFile.orElse(keyFile.resolveSibling(keyFile.getFileName() + ".pub"));
        try {
            if (!Files.exists(keyFile)) {
                if (!generateMissing) {
                    throw new IllegalStateException("the certificate signing key " + keyFile + " is missing"
                            + " (pdx.certificates.key-file; generate one with: openssl genpkey -algorithm ed25519)");
                }
                generate(keyFile, publicFile);
            }
            KeyFactory keys = KeyFactory.getInstance(ALGORITHM);
            privateKey = keys.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(keyFile))));
            publicKey = keys.generatePublic(new X509EncodedKeySpec(pem(Files.readString(publicFile))));
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(publicKey.getEncoded()), 0, 8);
            byte[] probe = "pdx certificate key".getBytes(StandardCharsets.UTF_8);
            if (!verify(probe, sign(probe))) {
                throw new IllegalStateException("the certificate public key " + publicFile + " does not match " + keyFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate signing key cannot be read", e);
        }
        Log.infof("certificate signing key %s (Ed25519)", keyId);
    }

    /** The Ed25519 signature over {@code bytes}. */
    public byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** Whether {@code signature} is this key's over {@code bytes}. */
    public boolean verify(byte[] bytes, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(bytes);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The first 16 hex digits of SHA-256 over the public key's SubjectPublicKeyInfo DER. */
    public String keyId() {
        return keyId;
    }

    /** The public key as a PEM file (SubjectPublicKeyInfo), as OpenSSL and Python's cryptography read it. */
    public String publicKeyPem() {
        return pemOf("PUBLIC KEY", publicKey.getEncoded());
    }

    private static void generate(Path keyFile, Path publicFile) throws IOException, GeneralSecurityException {
        KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        Path temporary = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "certificate-key", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, pemOf("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(publicFile, pemOf("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(temporary, keyFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Log.infof("generated a certificate signing key in %s", keyFile);
    }

    private static byte[] pem(String text) {
        return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").trim());
    }

    private static String pemOf(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
