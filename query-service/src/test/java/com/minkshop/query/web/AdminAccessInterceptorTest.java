package com.minkshop.query.web;

import com.minkshop.query.config.QueryProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminAccessInterceptorTest {

    @Test
    void loopbackClientsMayUseAdminEndpoints() throws Exception {
        AdminAccessInterceptor interceptor = new AdminAccessInterceptor(properties(null));

        assertThat(interceptor.preHandle(request("127.0.0.1", null), new MockHttpServletResponse(), null)).isTrue();
        assertThat(interceptor.preHandle(request("::1", null), new MockHttpServletResponse(), null)).isTrue();
    }

    @Test
    void remoteClientsGetANotFoundWithoutAToken() {
        AdminAccessInterceptor interceptor = new AdminAccessInterceptor(properties(null));

        assertThatThrownBy(() -> interceptor.preHandle(request("10.1.2.3", "anything"),
                                                       new MockHttpServletResponse(), null))
                .isInstanceOf(NoResourceFoundException.class);
    }

    @Test
    void remoteClientsWithTheConfiguredTokenAreLetIn() throws Exception {
        AdminAccessInterceptor interceptor = new AdminAccessInterceptor(properties("s3cret"));

        assertThat(interceptor.preHandle(request("10.1.2.3", "s3cret"), new MockHttpServletResponse(), null))
                .isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request("10.1.2.3", "wrong"), new MockHttpServletResponse(),
                                                       null))
                .isInstanceOf(NoResourceFoundException.class);
    }

    private static MockHttpServletRequest request(String address, String token) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/admin/projections/rebuild");
        request.setRemoteAddr(address);
        if (token != null) {
            request.addHeader(AdminAccessInterceptor.TOKEN_HEADER, token);
        }
        return request;
    }

    private static QueryProperties properties(String token) {
        return new QueryProperties(new QueryProperties.EventStore("eventstore", Duration.ofMillis(50), 100, 1000),
                                   new QueryProperties.ReadYourWrites(Duration.ofSeconds(3), Duration.ofSeconds(1)),
                                   new QueryProperties.Dashboard(10, 10, Duration.ofMinutes(1)),
                                   new QueryProperties.DeadLetters(Duration.ofMinutes(1)),
                                   new QueryProperties.Admin(token));
    }
}
