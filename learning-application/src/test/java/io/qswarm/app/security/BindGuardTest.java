package io.qswarm.app.security;

import static io.qswarm.app.security.BindGuard.Verdict.REFUSE;
import static io.qswarm.app.security.BindGuard.Verdict.START;
import static io.qswarm.app.security.BindGuard.Verdict.WARN_WITHOUT_AUTHENTICATION;
import static io.qswarm.app.security.BindGuard.Verdict.WARN_WITHOUT_TLS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;

class BindGuardTest {

    @Test
    void withoutAuthenticationOnlyLoopbackStartsUnlessForced() {
        // loopback, authentication, tls, forced
        assertThat(BindGuard.verdict(true, true, false, false)).isEqualTo(START);
        assertThat(BindGuard.verdict(true, false, false, false)).isEqualTo(WARN_WITHOUT_AUTHENTICATION);
        assertThat(BindGuard.verdict(false, false, false, false)).isEqualTo(REFUSE);
        assertThat(BindGuard.verdict(false, false, true, false)).isEqualTo(REFUSE);
        assertThat(BindGuard.verdict(false, false, false, true)).isEqualTo(WARN_WITHOUT_AUTHENTICATION);
        assertThat(BindGuard.verdict(false, true, false, false)).isEqualTo(WARN_WITHOUT_TLS);
        assertThat(BindGuard.verdict(false, true, true, false)).isEqualTo(START);
    }

    @Test
    void theServerDoesNotBindToEveryAddressWithAuthenticationOff() throws Exception {
        var off = new AuthProperties(false, false, null, null, null, null, null);
        var factory = new TomcatServletWebServerFactory();
        factory.setAddress(InetAddress.getByName("0.0.0.0"));

        assertThatThrownBy(() -> new BindGuard(off).customize(factory))
                .isInstanceOf(BindGuard.InsecureBindException.class)
                .hasMessageContaining("refusing to listen on 0.0.0.0")
                .hasMessageContaining("--insecure-force");

        factory.setAddress(InetAddress.getLoopbackAddress());
        new BindGuard(off).customize(factory);
        factory.setAddress(InetAddress.getByName("0.0.0.0"));
        new BindGuard(new AuthProperties(false, true, null, null, null, null, null)).customize(factory);
        new BindGuard(new AuthProperties(true, false, null, null, null, null, null)).customize(factory);
    }

    @Test
    void noAddressAtAllMeansEveryAddress() {
        var factory = new TomcatServletWebServerFactory();
        assertThatThrownBy(() -> new BindGuard(new AuthProperties(false, false, null, null, null, null, null))
                        .customize(factory))
                .isInstanceOf(BindGuard.InsecureBindException.class);
    }
}
