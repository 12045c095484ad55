package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.security.ItCredentials;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code qswarm serve} and the network: HTTPS from a keystore made in the test ({@code --tls-keystore}, the password
 * from {@code $QSWARM_TLS_KEYSTORE_PASSWORD}), with a {@code Secure} session cookie; and no start at all on every
 * address with authentication off.
 */
class ServeSecurityIT {

    private static final String PASSWORD = "test-keystore-password";

    @TempDir
    Path work;

    @Test
    void serveWithATlsKeystoreAnswersOverHttpsOnlyAndItsSessionCookieIsSecure() throws Exception {
        // given a keystore with a self-signed certificate for 127.0.0.1, made with the JDK's keytool
        Path keystore = work.resolve("qswarm.p12");
        keytool(keystore);
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .parseArgs(
                        "--port",
                        "0",
                        "--data",
                        work.resolve("data").toString(),
                        "--tls-keystore",
                        keystore.toString());
        List<String> arguments = serve.springArguments(Map.of(ServeCommand.TLS_PASSWORD_VARIABLE, PASSWORD));
        assertThat(arguments)
                .contains(
                        "--server.ssl.enabled=true",
                        "--server.ssl.key-store-type=PKCS12",
                        "--server.ssl.key-store-password=" + PASSWORD);

        // when the server starts with those settings
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(QSwarmApplication.class)
                .profiles("it")
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) server).getWebServer().getPort();
            HttpClient https = HttpClient.newBuilder()
                    .sslContext(trusting(keystore))
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            // then it answers over HTTPS, and a session made over it has a Secure cookie
            HttpResponse<String> health = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> session = https.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/session"))
                            .header(
                                    "Authorization",
                                    "Bearer "
                                            + server.getBean(ItCredentials.class)
                                                    .admin())
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
            assertThat(session.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie ->
                            assertThat(cookie).startsWith("QSWARM_SESSION=").contains("Secure", "HttpOnly"));

            // and plain HTTP on the same port gets no API answer
            HttpResponse<String> plain = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void withAuthenticationOffTheServerRefusesToListenOnEveryAddressUnlessForced() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--port", "0", "--bind", "0.0.0.0", "--no-auth", "--data", work.toString());
        String[] arguments = serve.springArguments(Map.of()).toArray(String[]::new);

        assertThatThrownBy(() -> new SpringApplicationBuilder(QSwarmApplication.class)
                        .profiles("it")
                        .logStartupInfo(false)
                        .run(arguments)
                        .close())
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause()
                .hasMessageContaining("refusing to listen on 0.0.0.0 with authentication off")
                .hasMessageContaining("--insecure-force");

        ServeCommand forced = new ServeCommand();
        new CommandLine(forced).parseArgs("--port", "0", "--bind", "0.0.0.0", "--no-auth", "--insecure-force");
        assertThat(forced.springArguments(Map.of()))
                .contains("--qswarm.security.enabled=false", "--qswarm.security.insecure-force=true");
    }

    @Test
    void aKeystoreThatIsNotThereIsRefusedBeforeAnythingStarts() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve)
                .parseArgs("--tls-keystore", work.resolve("missing.p12").toString());
        assertThatThrownBy(() -> serve.springArguments(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a readable file");
    }

    private static void keytool(Path keystore) throws Exception {
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        "qswarm",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1,dns:localhost",
                        "-validity",
                        "2",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        PASSWORD)
                .redirectErrorStream(true)
                .start();
        String output;
        try (InputStream in = keytool.getInputStream()) {
            output = new String(in.readAllBytes());
        }
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        assertThat(Files.size(keystore)).isPositive();
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
