package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.app.QSwarmCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * {@code ./qswarm token} and {@code --token} as an operator uses them: the first admin token made directly in a store
 * no server holds, then a server on that store, tokens made, used, refused and revoked through it, and the one-line
 * errors of a missing or refused token.
 */
class TokenCommandIT {

    private static final Pattern SECRET = Pattern.compile("^(qsw_[a-z2-7]{12}_[A-Za-z0-9_-]{43})$", Pattern.MULTILINE);

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        CommandLine cli = QSwarmCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String secretOf(Run run) {
        Matcher secret = SECRET.matcher(run.out());
        assertThat(secret.find()).as("a token in %s", run).isTrue();
        return secret.group(1);
    }

    @Test
    void anAdminTokenMadeInTheStoreManagesTokensOnTheServerAndRefusalsSaySo() {
        // given an admin token made in a store that no server holds
        String data = work.resolve("store").toString();
        Run created = run("token", "create", "--role", "admin", "--name", "me", "--data", data);
        assertThat(created.exit()).as("%s", created).isZero();
        assertThat(created.out()).contains("created admin token", "shown this once");
        String admin = secretOf(created);

        // and a server on that store (which shows no first-start token: the store has one)
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(QSwarmApplication.class)
                .logStartupInfo(false)
                .run(
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--qswarm.data-dir=" + data,
                        "--qswarm.federation.sync.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--logging.level.root=WARN")) {
            String url = "http://127.0.0.1:"
                    + ((WebServerApplicationContext) server).getWebServer().getPort();

            // when the admin asks who it is and makes an operator and a viewer token
            assertThat(run("token", "whoami", "--server", url, "--token", admin).out())
                    .contains("admin 'me'");
            String operator = secretOf(
                    run("token", "create", "--role", "operator", "--name", "ci", "--server", url, "--token", admin));
            String viewer = secretOf(
                    run("token", "create", "--role", "viewer", "--name", "eyes", "--server", url, "--token", admin));

            // then commands without a token, or with a token of too small a role, fail in one line that says so
            Run anonymous = run("federate", "list", "--server", url);
            assertThat(anonymous.exit()).isEqualTo(1);
            assertThat(anonymous.err()).contains("needs a token: pass --token TOKEN or set QSWARM_TOKEN");
            Run tooSmall = run("token", "list", "--server", url, "--token", viewer);
            assertThat(tooSmall.exit()).isEqualTo(1);
            assertThat(tooSmall.err())
                    .contains("the server refused the token: the role viewer may not GET /api/v1/tokens")
                    .doesNotContain("Exception");
            assertThat(run("federate", "list", "--server", url, "--token", operator)
                            .exit())
                    .isZero();

            // and the list shows the tokens without their secrets; a revoked token is refused from then on
            Run list = run("token", "list", "--server", url, "--token", admin);
            assertThat(list.out()).contains("admin  'me'", "operator  'ci'", "viewer  'eyes'");
            assertThat(list.out()).doesNotContain(admin.substring("qsw_".length() + 12 + 1));
            String operatorId = operator.substring(4, 16);
            assertThat(run("token", "revoke", operatorId, "--server", url, "--token", admin)
                            .exit())
                    .isZero();
            Run revoked = run("federate", "list", "--server", url, "--token", operator);
            assertThat(revoked.exit()).isEqualTo(1);
            assertThat(revoked.err())
                    .contains("the server refused the token: the token is unknown, revoked or expired");

            // and a browser login link carries a one-time code, never the token
            Run link = run("token", "login-link", "--server", url, "--token", viewer);
            assertThat(link.out()).contains(url + "/login?code=qsl_").doesNotContain(viewer);
        }

        // and with the server stopped, the store answers the token command directly
        Run offline = run("token", "list", "--data", data);
        assertThat(offline.out()).contains("operator  'ci'", "revoked");
    }

    @Test
    void aTokenCommandRefusesBadInputInOneLine() {
        Run unknownRole = run("token", "create", "--role", "root", "--name", "x", "--data", work.toString());
        assertThat(unknownRole.exit()).isEqualTo(1);
        assertThat(unknownRole.err()).contains("role must be one of admin, operator");
        Run noScope = run("token", "create", "--role", "peer", "--name", "x", "--data", work.toString());
        assertThat(noScope.exit()).isEqualTo(1);
        assertThat(noScope.err()).contains("a peer token needs a scope");
    }
}
